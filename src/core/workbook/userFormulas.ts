import type { CellPosition } from "../cells/address";
import { formatInfo } from "../values/numberFormat";
import { PERCENT_UNIT } from "../values/ValueReading";
import type { IndicatorOutcome } from "./evaluateWorkbook";
import { Diagnostics, where } from "./Diagnostics";
import type { Grid } from "./Grid";

/** A user's rate further than this from ours (0.1 point) is reported with both values. */
export const RATE_TOLERANCE = 0.001;

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** A cell holds a formula: the user's work, never replaced. */
export function holdsFormula(grid: Grid, cell: CellPosition | undefined): boolean {
  return cell !== undefined && grid.formula(cell.row, cell.col) !== null;
}

/**
 * The rate a formula's cached value stands for: a fraction under a % format; otherwise the
 * fraction or the percentage (`=D5/C5*100`), whichever is nearer ours.
 */
function cachedRate(value: number, numberFormat: string, ours: number): number {
  if (formatInfo(numberFormat).unit === PERCENT_UNIT) return value;
  return Math.abs(value / 100 - ours) < Math.abs(value - ours) ? value / 100 : value;
}

/**
 * A 達成率 or 評価 cell the add-in would write that holds a formula is left alone. Say so (info,
 * with the cell and the formula), and warn with both values when the formula's rate differs from
 * ours by more than 0.1 point.
 */
export function checkUserFormulas(grid: Grid, outcome: IndicatorOutcome, diagnostics: Diagnostics): void {
  const { indicator, result, rateCell, gradeCell } = outcome;
  const { sheet } = indicator;
  if (rateCell && holdsFormula(grid, rateCell)) {
    const place = where(sheet, rateCell.row, rateCell.col);
    const formula = grid.formula(rateCell.row, rateCell.col);
    diagnostics.add("info", "user-formula", sheet, rateCell.row, rateCell.col,
      `${place}: 指標「${indicator.name}」の達成率は式（${formula}）で計算されているため、書き換えません。`);
    const cached = grid.value(rateCell.row, rateCell.col);
    if (typeof cached === "number" && result.rate !== null) {
      const theirs = cachedRate(cached, grid.numberFormat(rateCell.row, rateCell.col), result.rate);
      if (Math.abs(theirs - result.rate) > RATE_TOLERANCE) {
        diagnostics.add("warning", "formula-differs", sheet, rateCell.row, rateCell.col,
          `${place}: 指標「${indicator.name}」の達成率の式の値 ${pct(theirs)} が、アドインの計算 ${pct(result.rate)} と違います（${result.explanation}）。式を確かめてください。`);
      }
    }
  }
  if (gradeCell && holdsFormula(grid, gradeCell)) {
    const place = where(sheet, gradeCell.row, gradeCell.col);
    const cached = grid.display(gradeCell.row, gradeCell.col);
    const differs = result.graded && cached !== "" && cached !== result.grade ? `（式の値「${cached}」、アドインの評価「${result.grade}」）` : "";
    diagnostics.add("info", "user-formula", sheet, gradeCell.row, gradeCell.col,
      `${place}: 指標「${indicator.name}」の評価は式（${grid.formula(gradeCell.row, gradeCell.col)}）で決まるため、書き換えません${differs}。`);
  }
}
