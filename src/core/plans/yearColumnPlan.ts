import type { CellPosition } from "../cells/address";
import { fiscalYearLabel } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { Grid } from "../workbook/Grid";
import type { Indicator, IndicatorTable, YearKind } from "../workbook/WorkbookModel";
import { yearAxisColumn, yearColumnFor } from "../workbook/yearCells";
import type { PlanBuilder } from "./PlanBuilder";

export interface PlannedColumn {
  col: number;
  /** The column does not exist yet: the plan writes its header. */
  isNew: boolean;
  header: string;
}

export const KIND_WORDS: Record<YearKind, string> = { target: "目標", actual: "実績", rate: "達成率", grade: "評価" };

/** `R7実績`, `R7達成率`, `R7評価`: a person reads the year at once. */
export function yearHeader(kind: YearKind, fy: FiscalYear): string {
  return `${fiscalYearLabel(fy)}${KIND_WORDS[kind]}`;
}

/** A column nothing occupies in the table's header rows and rows. */
function columnIsFree(grid: Grid, table: IndicatorTable, col: number): boolean {
  for (let row = table.headerTop; row <= table.lastRow; row++) if (!grid.isFree(row, col)) return false;
  return true;
}

function nextFreeColumn(grid: Grid, table: IndicatorTable, from: number, taken: Set<number>): number {
  let col = from;
  while (taken.has(col) || !columnIsFree(grid, table, col)) col++;
  return col;
}

/**
 * The columns of `kinds` for fiscal year `fy` in a column-wise table: the existing ones (found by
 * their headers), and free columns to the right of the table for those missing, in the order asked.
 */
export function planYearColumns(grid: Grid, table: IndicatorTable, fy: FiscalYear, kinds: YearKind[]): Partial<Record<YearKind, PlannedColumn>> {
  const planned: Partial<Record<YearKind, PlannedColumn>> = {};
  const taken = new Set<number>();
  let next = table.lastCol + 1;
  for (const kind of kinds) {
    const existing = yearColumnFor(table.yearColumns, kind, fy);
    if (existing) {
      planned[kind] = { col: existing.col, isNew: false, header: existing.header };
      taken.add(existing.col);
      continue;
    }
    next = nextFreeColumn(grid, table, next, taken);
    planned[kind] = { col: next, isNew: true, header: yearHeader(kind, fy) };
    taken.add(next);
    next++;
  }
  return planned;
}

/** A row-wise table's column for `fy`: the existing one, or a free column right of the table headed `R8年度`. */
export function planYearAxisColumn(grid: Grid, table: IndicatorTable, fy: FiscalYear): PlannedColumn {
  const col = yearAxisColumn(table, fy);
  if (col !== undefined) return { col, isNew: false, header: table.years.find((y) => y.fy === fy)!.header };
  return { col: nextFreeColumn(grid, table, table.lastCol + 1, new Set()), isNew: true, header: `${fiscalYearLabel(fy)}年度` };
}

/**
 * Where a plan writes one fiscal year's cells, table by table: the year's columns (planned once per
 * table, new ones beside it), the indicator's row (column-wise) or its 区分 row (row-wise). Each
 * cell used is allowed in the plan; a new column's header is written once.
 */
export class YearCells {
  private readonly columns = new Map<string, Partial<Record<YearKind, PlannedColumn>>>();
  private readonly axes = new Map<string, PlannedColumn>();
  /** By table: the new columns whose header is planned, the kinds whose column is allowed. */
  private readonly announced = new Map<string, Set<number | YearKind>>();

  constructor(
    private readonly builder: PlanBuilder,
    private readonly gridOf: (sheet: string) => Grid,
    private readonly fy: FiscalYear,
    private readonly kinds: YearKind[],
  ) {}

  /** The column `kind` takes in the table (column-wise), or the year's column (row-wise). */
  column(table: IndicatorTable, kind: YearKind): PlannedColumn {
    if (table.layout === "row-wise") {
      let axis = this.axes.get(table.id);
      if (!axis) this.axes.set(table.id, (axis = planYearAxisColumn(this.gridOf(table.sheet), table, this.fy)));
      return axis;
    }
    let planned = this.columns.get(table.id);
    if (!planned) this.columns.set(table.id, (planned = planYearColumns(this.gridOf(table.sheet), table, this.fy, this.kinds)));
    return planned[kind]!;
  }

  /** The indicator's cell for `kind`, or undefined (a row-wise indicator without that 区分 row). */
  locate(table: IndicatorTable, indicator: Indicator, kind: YearKind): (CellPosition & { isNew: boolean }) | undefined {
    const column = this.column(table, kind);
    const row = table.layout === "row-wise" ? indicator.rows?.[kind] : indicator.row;
    return row === undefined ? undefined : { row, col: column.col, isNew: column.isNew };
  }

  /** Allow the plan to write the indicator's `kind` cell (and the new column's header once). */
  allow(table: IndicatorTable, indicator: Indicator, kind: Exclude<YearKind, "target">): void {
    const column = this.column(table, kind);
    let announced = this.announced.get(table.id);
    if (!announced) this.announced.set(table.id, (announced = new Set()));
    if (column.isNew && !announced.has(column.col)) {
      announced.add(column.col);
      if (table.layout === "row-wise") this.builder.allowCell(table.sheet, table.newHeaderRow, column.col, "header");
      this.builder.header(table, column.col, column.header);
    }
    if (table.layout === "row-wise") {
      const row = indicator.rows?.[kind];
      if (row !== undefined) this.builder.allowCell(table.sheet, row, column.col, kind);
      return;
    }
    if (announced.has(kind)) return;
    announced.add(kind);
    this.builder.allowColumn(table, column.col, kind);
  }
}
