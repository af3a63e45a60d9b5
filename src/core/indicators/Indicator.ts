import type { RawCell } from "../cells/RawCell";
import type { FiscalYear } from "../periods/Period";

export type Direction = "up" | "down";

/** Where the indicator's direction came from (the first that applies, in this order). */
export type DirectionSource = "comparator" | "zero-target" | "given" | "directional-target" | "baseline" | "default";

/** The raw cells of one indicator, as found in a sheet, handed to the engine. */
export interface IndicatorCells {
  name: string;
  target?: RawCell;
  /** The cell that names the target's year (`R12.3`, `R11年度`, `毎年度`), or the header's period. */
  targetPeriod?: RawCell;
  baseline?: RawCell;
  baselinePeriod?: RawCell;
  /** The actual for the evaluated fiscal year. */
  actual?: RawCell;
  /** The actual cell's formula when it holds one but no value (not computed yet, or computed empty). */
  actualFormula?: string;
  /** 単位 column, when the sheet has one. */
  unit?: RawCell;
  /** 方向 column text (増加/減少/↑/↓/増加を目指す …), when the sheet has one. */
  direction?: RawCell;
  /**
   * Tables with one target per year (`R7目標 | R8目標`, a row-wise 目標値 row): the evaluated
   * year's own target cell, when the table has one for the year. `target` is then the final one.
   */
  yearTarget?: RawCell;
  /** The table gives targets year by year (a year without its own target is graded against the final one, and says so). */
  perYearTargets?: boolean;
  /** false when the indicator's table has no target column at all (not a monitoring indicator: the table is). */
  targetColumn?: boolean;
}

export type Flag =
  | "missing-actual"
  | "formula-not-computed"
  | "no-target"
  | "monitoring"
  | "reference-missing"
  | "direction-inferred"
  | "no-baseline"
  | "unit-mismatch"
  | "unreadable";

export type Trend = "improved" | "worsened" | "unchanged";

export interface EvaluationContext {
  /** The fiscal year being evaluated. */
  year: FiscalYear;
  /** The plan's first fiscal year (progress preset's expected share). */
  planStart?: FiscalYear;
  /** Named reference values, e.g. { 法定雇用率: 0.025 }. Keys are matched after NFKC and whitespace folding. */
  references?: Record<string, number>;
  /** A direction the user confirmed for this indicator (saved override). */
  directionOverride?: Direction;
}

export interface IndicatorResult {
  name: string;
  unit: string;
  direction: Direction;
  directionSource: DirectionSource;
  baseline: number | null;
  target: number | null;
  targetYear: FiscalYear | null;
  actual: number | null;
  /** Fraction (0.756 for 75.6 %), null when there is none. */
  rate: number | null;
  achieved: boolean | null;
  /** The preset's label, or "−" (U+2212) when not graded. */
  grade: string;
  graded: boolean;
  trend: Trend | null;
  flags: Flag[];
  /** Short Japanese explanation: the formula with its numbers, or why it is not graded. */
  explanation: string;
}

export const NOT_GRADED = "\u2212";
