/**
 * The sample workbooks of the layouts beyond the 事業シート (seeds/musashino-yearly-targets.xlsx,
 * -two-row-headers.xlsx, -evaluation-sheets.xlsx): every indicator found, R7 graded as worked out
 * by hand, the grades written where each layout keeps them.
 */
import path from "node:path";
import { yearlyIndicators } from "../../seeds/data/yearly";
import { LAYOUT_WORKBOOKS } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";
import { parseA1 } from "../../src/core/cells/address";
import { planEvaluate } from "../../src/core/plans/planEvaluate";
import { getPreset } from "../../src/core/presets/builtin";
import { readWorkbook } from "../../src/core/workbook/readWorkbook";
import { cellAt, type WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";
import { applyPlan } from "../helpers/snapshots";
import { readXlsx } from "../helpers/hosts";

const SEEDS = path.join(__dirname, "../../seeds");
const standard = { year: 2025, preset: getPreset("standard")! };
const names = yearlyIndicators.map((i) => i.name);

async function seed(file: string): Promise<WorkbookSnapshot> {
  return readXlsx(path.join(SEEDS, file));
}

function value(book: WorkbookSnapshot, sheet: string, a1: string): unknown {
  const p = parseA1(a1)!;
  return cellAt(book.sheets.find((s) => s.name === sheet)!, p.row, p.col).value;
}

/** R7 (standard preset) worked out by hand from seeds/data/yearly.ts: each year graded against its own target. */
const R7_BY_HAND: Record<string, { grade: string; rate: number | null }> = {
  // R7目標 1,274 + (2,000 − 1,274) × 2/6 = 1,516; 1,673 ÷ 1,516 = 110.4 %.
  寄附件数: { grade: "A", rate: 1.1036 },
  // 266 + 84 × 2/6 = 294; 333 ÷ 294 = 113.3 %.
  返礼品目数: { grade: "A", rate: 1.1327 },
  // 665 + 335 × 1/5 = 732; 849 ÷ 732 = 116.0 %.
  職員採用試験の受験者数: { grade: "A", rate: 1.1598 },
  // 43.4 % + 6.6 × 1/4 = 45.05 → 45.1 %; 48.7 ÷ 45.1 = 108.0 %.
  市民意識調査の回収率: { grade: "A", rate: 1.0798 },
  // No R7 actual.
  "ふるさと納税制度に関する市民への周知回数(年間)": { grade: "\u2212", rate: null },
  // No target: watched, not graded.
  "市報発行部数（1回当たり）": { grade: "\u2212", rate: null },
};

function expectByHand(book: WorkbookSnapshot, sheet?: string) {
  const model = readWorkbook(book);
  const { plan, evaluation } = planEvaluate(model, standard);
  const outcomes = evaluation.outcomes.filter((o) => sheet === undefined || o.indicator.sheet === sheet);
  expect(outcomes.map((o) => o.indicator.name)).toEqual(names);
  for (const [name, want] of Object.entries(R7_BY_HAND)) {
    const { result } = outcomes.find((o) => o.indicator.name === name)!;
    expect({ name, grade: result.grade, rate: result.rate === null ? null : Math.round(result.rate * 1e4) / 1e4 }).toEqual({ name, ...want });
  }
  return { model, plan, evaluation };
}

test("the committed files are what npm run seeds builds (same cells)", async () => {
  for (const entry of LAYOUT_WORKBOOKS) {
    const built = new SnapshotWorkbookBuilder();
    entry.build(built);
    const committed = await seed(entry.file);
    const expected = built.build();
    expect(committed.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const s of expected.sheets) {
      const c = committed.sheets.find((x) => x.name === s.name)!;
      s.values.forEach((line, r) => line.forEach((v, col) => {
        if (v !== null) expect({ at: `${s.name}!${r},${col}`, v: cellAt(c, r, col).value }).toEqual({ at: `${s.name}!${r},${col}`, v });
      }));
    }
  }
});

test("年度別目標: one target per year; each indicator graded against R7's, its project and department read", async () => {
  const book = await seed("musashino-yearly-targets.xlsx");
  const { model } = expectByHand(book);
  expect(model.tables.map((t) => [t.layout, t.headerTargetFy, t.yearColumns.filter((c) => c.kind === "target").map((c) => c.fy)])).toEqual([["kpi-list", 2029, [2025, 2026, 2027, 2028, 2029]]]);
  const gift = model.indicators.find((i) => i.name === "寄附件数")!;
  expect([gift.projectNo, gift.department, gift.raw.baselinePeriod?.value]).toEqual(["12", "産業振興課", "R6.3"]);
});

test("the same indicator in the 事業シート, with only the final target, is graded against it", async () => {
  const model = readWorkbook(await seed("musashino-action-plan.xlsx"));
  const { evaluation } = planEvaluate(model, standard);
  // 1,673 ÷ 2,000 = 83.7 %: B, where the yearly sample's R7目標 makes it A.
  expect(evaluation.outcomes.find((o) => o.indicator.name === "寄附件数")!.result).toMatchObject({ grade: "B" });
});

test("two-row headers: 目標値 over its years, and a year over 目標 | 実績 | 達成率 | 評価; R7's rate and grade written in their own columns", async () => {
  const book = await seed("musashino-two-row-headers.xlsx");
  expectByHand(book, "目標値・実績値");
  const { plan } = expectByHand(book, "年度別評価");
  const after = applyPlan(book, plan).book;
  // 寄附件数 is the third indicator: row 7 of 年度別評価; R7's 達成率 in D, 評価 in E.
  expect([value(after, "年度別評価", "A7"), value(after, "年度別評価", "E7")]).toEqual(["寄附件数", "A"]);
  expect(value(after, "年度別評価", "D7")).toBeCloseTo(1.103562, 5);
});

test("事務事業評価シート: years across, the project's heading above; the 達成率 and 評価 rows written under R7年度", async () => {
  const book = await seed("musashino-evaluation-sheets.xlsx");
  const { model, plan } = expectByHand(book);
  expect(new Set(model.tables.map((t) => t.layout))).toEqual(new Set(["row-wise"]));
  const gift = model.indicators.find((i) => i.name === "寄附件数")!;
  expect([gift.sheet, gift.projectNo, gift.department]).toEqual(["事業12", "12", "産業振興課"]);
  const after = applyPlan(book, plan).book;
  // 事業12: 寄附件数 rows 8–11 (目標値, 実績値, 達成率, 評価); R7年度 is column F.
  expect([value(after, "事業12", "F8"), value(after, "事業12", "F9"), value(after, "事業12", "F11")]).toEqual([1516, 1673, "A"]);
  expect(value(after, "事業12", "F10")).toBeCloseTo(1.103562, 5);
});
