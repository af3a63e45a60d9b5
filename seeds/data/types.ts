/**
 * Shapes of the data transcribed from the seed documents (../shared/seeds in the workplace,
 * quoted in docs/). Every string is the cell text as printed in the source document
 * (PDF-extraction line wraps inside a cell joined, e.g. `法定雇 用率以 上` → `法定雇用率以上`);
 * `expected` is what the engine must read from it, written by hand from the document.
 */
import type { Comparator, DirectionWord } from "../../src/core/targets/Target";

/** Expected reading of a value cell. */
export type ExpectedValue =
  | { value: number; unit: string; note?: string }
  | { empty: true; reason?: string };

/** Expected reading of a target cell. */
export type ExpectedTarget =
  | { kind: "value"; value: number; unit: string; comparator?: Comparator }
  | { kind: "directional"; direction: DirectionWord }
  | { kind: "reference"; name: string; comparator: Comparator }
  | { kind: "none" };

/** Expected reading of a period cell: a fiscal year, "every" (毎年度), or null (blank / dash). */
export type ExpectedPeriod = number | "every" | null;

/** Layout A: one indicator row of an action-plan project's 指標 table. */
export interface SeedActionIndicator {
  /** 項目 ("" when the row has no name). */
  name: string;
  target: string;
  targetYear: string;
  baseline: string;
  baselinePeriod: string;
  /** A plausible R7 (FY2025) actual for the sample workbook, in the sheet's style; absent = missing on purpose. */
  r7Actual?: string;
  expected: {
    target: ExpectedTarget;
    targetFy: ExpectedPeriod;
    baseline: ExpectedValue;
    baselineFy: ExpectedPeriod;
  };
}

export interface SeedActionProject {
  /** 事業番号 as printed ("12"). */
  no: string;
  /** 事業名 */
  name: string;
  /** 担当課 */
  department: string;
  /** The heading the project sits under, e.g. "①-ア 様々な主体との連携・協働の推進". */
  section: string;
  /** 目的 (kept for realism in the workbook). */
  purpose: string;
  /** 年次計画 rows: item name and the R7..R11 cells (strings, "" when empty). */
  schedule: { item: string; years: string[] }[];
  /** Indicator rows exactly as in the document, including the all-dash "no indicator" rows. */
  indicators: SeedActionIndicator[];
  /** その他 text ("" when empty), e.g. "【定量的な指標を設定できない理由】 …". */
  other: string;
}

/** Layout B: one row of a KPI list (一覧). */
export interface SeedKpiRow {
  name: string;
  baseline: string;
  target: string;
  /** Optional columns some lists have. */
  unit?: string;
  direction?: string;
  /** A plausible actual for the list's evaluation year, in the sheet's style; absent = missing on purpose. */
  actual?: string;
  expected: {
    baseline: ExpectedValue;
    target: ExpectedTarget;
  };
}

export interface SeedKpiTable {
  /** Title above the table (e.g. "基本目標Ⅰ 結婚・出産・子育ての希望実現戦略 ◆数値目標等（平成31年度）"). */
  title: string;
  /** Header texts exactly as in the document, e.g. ["重要業績評価指標（KPI）", "基準値", "数値目標等（H31）"]. */
  headers: string[];
  /** Fiscal year named by the target header (H31 → 2019), null when none. */
  targetFy: number | null;
  /** Fiscal year named by the baseline header or rows, null when none. */
  baselineFy: number | null;
  rows: SeedKpiRow[];
  /** ※ notes printed under the table. */
  notes: string[];
}

export interface SeedKpiList {
  municipality: string;
  /** Plan name, e.g. "清瀬市まち・ひと・しごと創生総合戦略". */
  plan: string;
  /** The fiscal year whose actuals the sample workbook carries. */
  actualFy: number;
  tables: SeedKpiTable[];
}
