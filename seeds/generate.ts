/**
 * Large workbooks for benchmarks: N action-plan sheets × M indicators, or one KPI list of R rows.
 * Deterministic (a seeded generator), written through the same layouts as the sample workbooks.
 */
import type { SeedActionIndicator, SeedActionProject, SeedKpiList, SeedKpiRow } from "./data/types";
import { writeActionSheet } from "./layout/actionPlan";
import { writeKpiListSheet } from "./layout/kpiList";
import type { WorkbookBuilder } from "./layout/WorkbookBuilder";

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ["件", "人", "回", "校", "施設", "部", "名"];
const DEPARTMENTS = ["企画調整課", "財政課", "人事課", "情報政策課", "産業振興課", "市民活動推進課", "資産活用課", "指導課"];
const NONE = { target: { kind: "none" as const }, targetFy: null, baseline: { empty: true as const }, baselineFy: null };

function comma(n: number): string {
  return n.toLocaleString("en-US");
}

function indicator(rand: () => number, i: number): SeedActionIndicator {
  const kind = rand();
  const unit = UNITS[Math.floor(rand() * UNITS.length)];
  const base = Math.round(rand() * 5000);
  if (kind < 0.2) {
    const b = (rand() * 90).toFixed(1);
    const t = Math.min(100, Number(b) + 10).toFixed(0);
    return { name: `市民意識調査 満足度 ${i}`, target: `${t}%`, targetYear: "R11年度", baseline: `${b}%`, baselinePeriod: "R6年度", r7Actual: rand() < 0.85 ? `${(Number(b) + rand() * 5).toFixed(1)}%` : undefined, expected: NONE };
  }
  if (kind < 0.3) {
    return { name: `事故件数 ${i}`, target: `0${unit}`, targetYear: "毎年度", baseline: `${Math.round(rand() * 9)}${unit}`, baselinePeriod: "R5年度", r7Actual: rand() < 0.85 ? `${Math.round(rand() * 5)}` : undefined, expected: NONE };
  }
  if (kind < 0.35) {
    return { name: `検討事業 ${i}`, target: "—", targetYear: "—", baseline: "—", baselinePeriod: "—", expected: NONE };
  }
  const target = base + Math.round(rand() * 2000);
  return {
    name: `実施件数 ${i}`,
    target: `${comma(target)} ${unit}`,
    targetYear: "R12.3",
    baseline: `${comma(base)} ${unit}`,
    baselinePeriod: "R6.3",
    r7Actual: rand() < 0.85 ? `${comma(base + Math.round(rand() * (target - base + 500)))} ${unit}` : undefined,
    expected: NONE,
  };
}

export function generatedProject(rand: () => number, no: number, indicators: number): SeedActionProject {
  return {
    no: String(no),
    name: `生成事業 ${no}`,
    department: DEPARTMENTS[no % DEPARTMENTS.length],
    section: `生成セクション ${Math.ceil(no / 10)}`,
    purpose: "ベンチマーク用に生成した事業。",
    schedule: [{ item: "実施", years: ["実施", "実施", "実施", "実施", "実施"] }],
    indicators: Array.from({ length: indicators }, (_, i) => indicator(rand, i + 1)),
    other: "",
  };
}

/** `sheets` action-plan sheets, one project each, with `indicators` indicators per project. */
export function buildGeneratedActionPlan(book: WorkbookBuilder, sheets: number, indicators: number, seed = 1): void {
  const rand = seededRandom(seed);
  for (let s = 1; s <= sheets; s++) writeActionSheet(book.sheet(`事業${s}`), [generatedProject(rand, s, indicators)], {}, 2025);
}

/** One KPI list sheet of `rows` indicators (split into tables of 1,000 rows with titles). */
export function buildGeneratedKpiList(book: WorkbookBuilder, rows: number, seed = 1): void {
  const rand = seededRandom(seed);
  const tables: SeedKpiList["tables"] = [];
  for (let start = 0; start < rows; start += 1000) {
    const list: SeedKpiRow[] = [];
    for (let i = start; i < Math.min(rows, start + 1000); i++) {
      const ind = indicator(rand, i + 1);
      list.push({ name: ind.name, baseline: ind.baseline, target: ind.target, actual: ind.r7Actual, expected: { baseline: { empty: true }, target: { kind: "none" } } });
    }
    tables.push({ title: `施策 ${start / 1000 + 1}`, headers: ["指標名", "基準値", "目標値（令和11年度）"], targetFy: 2029, baselineFy: null, rows: list, notes: [] });
  }
  writeKpiListSheet(book.sheet("KPI一覧"), { municipality: "生成市", plan: "総合計画", actualFy: 2025, tables }, {}, () => "R7実績");
}

/**
 * A data sheet of `rows` × `cols` numbers and short texts (the statistics municipal workbooks keep
 * beside their KPI sheets): `rows * cols` used cells.
 */
export function buildDataSheet(book: WorkbookBuilder, name: string, rows: number, cols: number, seed = 1): void {
  const rand = seededRandom(seed);
  const sheet = book.sheet(name);
  for (let c = 0; c < cols; c++) sheet.set(0, c, `項目${c + 1}`, "header");
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < cols; c++) sheet.set(r, c, c % 5 === 0 ? `地区${Math.floor(rand() * 40) + 1}` : Math.round(rand() * 100_000) / 10, "value", c % 5 === 1 ? '#,##0.0"人"' : "General");
  }
}

/** A form-like sheet of `count` merged areas (label cells two columns wide, value cells two rows high). */
export function buildFormSheet(book: WorkbookBuilder, name: string, count: number): void {
  const sheet = book.sheet(name);
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / 2) * 2;
    if (i % 2 === 0) {
      sheet.set(row, 0, `記入欄 ${i + 1}`, "label");
      sheet.merge({ top: row, left: 0, bottom: row, right: 1 });
    } else {
      sheet.set(row, 2, `内容 ${i + 1}`, "value");
      sheet.merge({ top: row, left: 2, bottom: row + 1, right: 2 });
    }
  }
}
