import type { CellPosition } from "../cells/address";
import type { FiscalYear } from "../periods/Period";
import type { Indicator, IndicatorTable, YearColumn, YearKind } from "./WorkbookModel";

/**
 * The column for `fy` of `kind` in a column-wise table; a yearless rate/grade column serves when
 * no column of that kind names a year. Targets and actuals must name their year.
 */
export function yearColumnFor(columns: YearColumn[], kind: YearKind, fy: FiscalYear): YearColumn | undefined {
  const exact = columns.find((c) => c.kind === kind && c.fy === fy);
  if (exact || kind === "actual" || kind === "target") return exact;
  const anyYear = columns.some((c) => c.kind === kind && c.fy !== null);
  return anyYear ? undefined : columns.find((c) => c.kind === kind && c.fy === null);
}

/** A row-wise table's column for `fy`. */
export function yearAxisColumn(table: IndicatorTable, fy: FiscalYear): number | undefined {
  return table.years.find((y) => y.fy === fy)?.col;
}

/** Whether the table can hold `kind` for year `fy` without a new column (row-wise: a row and a year column). */
export function hasYearCells(table: IndicatorTable, kind: YearKind, fy: FiscalYear): boolean {
  if (table.layout === "row-wise") return yearAxisColumn(table, fy) !== undefined;
  return yearColumnFor(table.yearColumns, kind, fy) !== undefined;
}

/**
 * Where an indicator keeps `kind` (目標値, 実績値, 達成率, 評価) for fiscal year `fy`: its row in the
 * year's column (column-wise tables), or its 区分 row in the year's column (row-wise tables).
 * undefined when the table has no such column or row.
 */
export function yearCell(table: IndicatorTable, indicator: Indicator, kind: YearKind, fy: FiscalYear): CellPosition | undefined {
  if (table.layout === "row-wise") {
    const row = indicator.rows?.[kind];
    const col = yearAxisColumn(table, fy);
    return row === undefined || col === undefined ? undefined : { row, col };
  }
  const column = yearColumnFor(table.yearColumns, kind, fy);
  return column ? { row: indicator.row, col: column.col } : undefined;
}
