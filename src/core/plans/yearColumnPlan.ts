import { fiscalYearLabel } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { Grid } from "../workbook/Grid";
import type { IndicatorTable, YearColumnKind } from "../workbook/WorkbookModel";
import { yearColumnFor } from "../layouts/yearColumns";

export interface PlannedColumn {
  col: number;
  /** The column does not exist yet: the plan writes its header. */
  isNew: boolean;
  header: string;
}

export const HEADER_WORDS: Record<YearColumnKind, string> = { actual: "実績", rate: "達成率", grade: "評価" };

/** `R7実績`, `R7達成率`, `R7評価`: a person reads the year at once. */
export function yearHeader(kind: YearColumnKind, fy: FiscalYear): string {
  return `${fiscalYearLabel(fy)}${HEADER_WORDS[kind]}`;
}

/** A column nothing occupies in the table's header row and rows. */
function columnIsFree(grid: Grid, table: IndicatorTable, col: number): boolean {
  for (let row = table.headerRow; row <= table.lastRow; row++) if (!grid.isFree(row, col)) return false;
  return true;
}

/**
 * The columns of `kinds` for fiscal year `fy`: the existing ones (found by their headers), and free
 * columns to the right of the table for those missing, in the order asked.
 */
export function planYearColumns(grid: Grid, table: IndicatorTable, fy: FiscalYear, kinds: YearColumnKind[]): Partial<Record<YearColumnKind, PlannedColumn>> {
  const planned: Partial<Record<YearColumnKind, PlannedColumn>> = {};
  const taken = new Set<number>();
  let next = table.lastCol + 1;
  for (const kind of kinds) {
    const existing = yearColumnFor(table.yearColumns, kind, fy);
    if (existing) {
      planned[kind] = { col: existing.col, isNew: false, header: existing.header };
      taken.add(existing.col);
      continue;
    }
    while (taken.has(next) || !columnIsFree(grid, table, next)) next++;
    planned[kind] = { col: next, isNew: true, header: yearHeader(kind, fy) };
    taken.add(next);
    next++;
  }
  return planned;
}
