/**
 * The layouts departments use beside the 事業シート, written from the yearly sample data
 * (seeds/data/yearly.ts): a KPI list with one target per year, two-row headers (目標値 over its
 * years; a year over 目標 / 実績 / 達成率 / 評価) and a row-wise 事務事業評価シート.
 */
import { fiscalYearJapanese, fiscalYearLabel } from "../../src/core/periods/parsePeriod";
import { parseValue } from "../../src/core/values/parseValue";
import type { CellValue } from "../../src/core/cells/RawCell";
import { PLAN_YEARS, type YearlyIndicator } from "../data/yearly";
import type { SheetBuilder } from "./SheetBuilder";

export const PLAN_TITLE = "第七次武蔵野市行財政改革アクションプラン";

/** A typed value as a person keeps it in a row-wise sheet: a number (a fraction under a % format), the unit in its own column. */
function numberCell(text: string | undefined): { value: CellValue; format?: string } {
  if (text === undefined || text === "—") return { value: text ?? null };
  const reading = parseValue({ value: text });
  if (reading.kind !== "number") return { value: text };
  return reading.unit === "%" ? { value: reading.value, format: "0.0%" } : { value: reading.value, format: "#,##0" };
}

/** 年度別目標: `事業番号 | 担当課 | 指標名 | 基準値 | 基準時点 | R7目標 … R11目標 | R7実績`. */
export function writeYearlyTargetList(b: SheetBuilder, indicators: YearlyIndicator[]): void {
  b.set(0, 0, `${PLAN_TITLE} 指標の年度別目標（サンプル）`, "title");
  const headers = ["事業番号", "担当課", "指標名", "基準値", "基準時点", ...PLAN_YEARS.map((fy) => `${fiscalYearLabel(fy)}目標`), "R7実績"];
  headers.forEach((h, c) => b.set(2, c, h, "header"));
  [8, 16, 44, 12, 10, 11, 11, 11, 11, 11, 12].forEach((w, c) => b.width(c, w));
  indicators.forEach((i, k) => {
    const r = 3 + k;
    b.set(r, 0, Number(i.projectNo), "value");
    b.set(r, 1, i.department, "value");
    b.set(r, 2, i.name, "value");
    b.set(r, 3, i.baseline, "value");
    b.set(r, 4, i.baselinePeriod, "value");
    i.targets.forEach((t, y) => b.set(r, 5 + y, t, "value"));
    if (i.r7Actual !== undefined) b.set(r, 10, i.r7Actual, "value");
  });
  b.set(4 + indicators.length, 0, "※ 年度別目標は、基準値から最終目標まで毎年度同じ幅で伸ばした値です（サンプル）。", "note");
}

/** 目標値 merged over R7…R11 and 実績値 over R7 | R8, the other headers merged down over both rows. */
export function writeGroupedYearsSheet(b: SheetBuilder, indicators: YearlyIndicator[]): void {
  b.set(0, 0, `${PLAN_TITLE} 指標一覧（目標値・実績値）`, "title");
  const top = 2;
  const sub = 3;
  ["事業番号", "指標名", "基準値"].forEach((h, c) => {
    b.set(top, c, h, "header");
    b.merge({ top, left: c, bottom: sub, right: c });
  });
  b.set(top, 3, "目標値", "header");
  b.merge({ top, left: 3, bottom: top, right: 7 });
  PLAN_YEARS.forEach((fy, y) => b.set(sub, 3 + y, fiscalYearLabel(fy), "header"));
  b.set(top, 8, "実績値", "header");
  b.merge({ top, left: 8, bottom: top, right: 9 });
  b.set(sub, 8, "R7", "header");
  b.set(sub, 9, "R8", "header");
  [8, 44, 12, 10, 10, 10, 10, 10, 11, 11].forEach((w, c) => b.width(c, w));
  indicators.forEach((i, k) => {
    const r = sub + 1 + k;
    b.set(r, 0, Number(i.projectNo), "value");
    b.set(r, 1, i.name, "value");
    b.set(r, 2, i.baseline, "value");
    i.targets.forEach((t, y) => b.set(r, 3 + y, t, "value"));
    if (i.r7Actual !== undefined) b.set(r, 8, i.r7Actual, "value");
  });
}

/** 令和7年度 and 令和8年度, each merged over 目標 | 実績 | 達成率 | 評価. */
export function writeYearOverKindsSheet(b: SheetBuilder, indicators: YearlyIndicator[]): void {
  b.set(0, 0, `${PLAN_TITLE} 指標の年度別評価`, "title");
  const top = 2;
  const sub = 3;
  b.set(top, 0, "指標", "header");
  b.merge({ top, left: 0, bottom: sub, right: 0 });
  const kinds = ["目標", "実績", "達成率", "評価"];
  [2025, 2026].forEach((fy, y) => {
    const left = 1 + y * kinds.length;
    b.set(top, left, fiscalYearJapanese(fy), "header");
    b.merge({ top, left, bottom: top, right: left + kinds.length - 1 });
    kinds.forEach((k, j) => b.set(sub, left + j, k, "header"));
  });
  b.width(0, 44);
  for (let c = 1; c <= 8; c++) b.width(c, 10);
  indicators.forEach((i, k) => {
    const r = sub + 1 + k;
    b.set(r, 0, i.name, "value");
    b.set(r, 1, i.targets[0], "value");
    if (i.r7Actual !== undefined) b.set(r, 2, i.r7Actual, "value");
    b.set(r, 5, i.targets[1], "value");
  });
}

/** One 事務事業評価シート: the project's heading, then its indicators row-wise over R5年度…R11年度. */
export function writeEvaluationSheet(b: SheetBuilder, project: { no: string; name: string; department: string }, indicators: YearlyIndicator[]): void {
  b.set(0, 0, "令和7年度 事務事業評価シート", "title");
  b.set(2, 0, "事業番号", "label");
  b.set(2, 1, project.no, "value");
  b.set(3, 0, "事業名", "label");
  b.set(3, 1, project.name, "value");
  b.set(4, 0, "担当課", "label");
  b.set(4, 1, project.department, "value");
  const header = 6;
  const years = [2023, 2024, ...PLAN_YEARS];
  ["指標名", "単位", "区分"].forEach((h, c) => b.set(header, c, h, "header"));
  years.forEach((fy, y) => b.set(header, 3 + y, `${fiscalYearLabel(fy)}年度`, "header"));
  b.width(0, 40);
  b.width(1, 6);
  b.width(2, 8);
  for (let c = 3; c < 3 + years.length; c++) b.width(c, 11);
  let r = header + 1;
  for (const i of indicators) {
    const top = r;
    const kinds = ["目標値", "実績値", "達成率", "評価"];
    kinds.forEach((k, j) => b.set(top + j, 2, k, "label"));
    b.set(top, 0, i.name, "value");
    b.set(top, 1, i.unit, "value");
    b.merge({ top, left: 0, bottom: top + kinds.length - 1, right: 0 });
    b.merge({ top, left: 1, bottom: top + kinds.length - 1, right: 1 });
    years.forEach((fy, y) => {
      const col = 3 + y;
      const planYear = PLAN_YEARS.indexOf(fy);
      if (planYear >= 0) {
        const target = numberCell(i.targets[planYear]);
        b.set(top, col, target.value, "value", target.format);
      }
      const actualText = fy === i.baselineFy ? i.baseline : fy === 2025 ? i.r7Actual : undefined;
      if (actualText !== undefined) {
        const actual = numberCell(actualText);
        b.set(top + 1, col, actual.value, "value", actual.format);
      }
    });
    r = top + kinds.length;
  }
}
