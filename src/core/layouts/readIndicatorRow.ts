import type { CellPosition } from "../cells/address";
import type { RawCell } from "../cells/RawCell";
import type { FiscalYear } from "../periods/Period";
import { Diagnostics, where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { indicatorKey } from "../workbook/indicatorKey";
import type { Indicator, IndicatorTable, YearColumn } from "../workbook/WorkbookModel";
import { isBlankOrDash } from "./headerWords";

/** A fiscal year as a period cell the engine reads (`2029年度`): a header's year given to every row. */
export function fyCell(fy: FiscalYear | null): RawCell | undefined {
  return fy === null ? undefined : { value: `${fy}年度` };
}

/** A cell of the row, when the table has that column (plain functions: this runs for every indicator). */
function at(row: number, col: number | undefined): CellPosition | undefined {
  return col === undefined ? undefined : { row, col };
}

function raw(grid: Grid, row: number, col: number | undefined): RawCell | undefined {
  return col === undefined ? undefined : grid.raw(row, col);
}

/**
 * The final target of a row: the target column, or, when the table has one target per year and
 * no yearless one, the last year whose cell holds a value (`R11目標`, else `R10目標`, …).
 */
function finalTarget(grid: Grid, table: IndicatorTable, row: number): { col: number; fy: FiscalYear | null } | null {
  if (table.headerTargetFy !== null) {
    // The latest year, and the latest year with a value (the first column of a year when it repeats), in one pass.
    let latest: YearColumn | undefined;
    let filled: YearColumn | undefined;
    for (const c of table.yearColumns) {
      if (c.kind !== "target") continue;
      if (!latest || (c.fy ?? 0) > (latest.fy ?? 0)) latest = c;
      if ((!filled || (c.fy ?? 0) > (filled.fy ?? 0)) && !isBlankOrDash(grid.text(row, c.col))) filled = c;
    }
    const chosen = filled ?? latest;
    if (chosen) return { col: chosen.col, fy: chosen.fy };
  }
  return table.columns.target === undefined ? null : { col: table.columns.target, fy: table.headerTargetFy };
}

/**
 * One indicator of a column-wise table (事業シート or KPI list) at `row`: its cells and their raw
 * contents; a second indicator of the same name in the same project is reported.
 */
export function readIndicatorRow(grid: Grid, table: IndicatorTable, row: number, name: string, seenKeys: Set<string>, diagnostics: Diagnostics): Indicator {
  const { sheet, columns, project } = table;
  const projectNo = project?.no ?? (columns.projectNo === undefined ? undefined : grid.text(row, columns.projectNo) || undefined);
  const key = indicatorKey(sheet, projectNo, name, seenKeys);
  if (key.duplicate) {
    diagnostics.add("warning", "duplicate-indicator", sheet, row, columns.name,
      `${where(sheet, row, columns.name)}: ${projectNo ? `事業${projectNo}に` : ""}同じ名前の指標「${name}」が複数あります。`);
  }
  const target = finalTarget(grid, table, row);
  return {
    key: key.key,
    sheet,
    row,
    tableId: table.id,
    layout: table.layout,
    projectNo,
    projectName: project?.name,
    department: project?.department ?? (columns.department === undefined ? undefined : grid.display(row, columns.department) || undefined),
    name,
    cells: {
      name: { row, col: columns.name },
      target: at(row, target?.col),
      targetPeriod: at(row, columns.targetPeriod),
      baseline: at(row, columns.baseline),
      baselinePeriod: at(row, columns.baselinePeriod),
      unit: at(row, columns.unit),
      direction: at(row, columns.direction),
    },
    raw: {
      name,
      target: raw(grid, row, target?.col),
      targetPeriod: raw(grid, row, columns.targetPeriod) ?? fyCell(target?.fy ?? null),
      baseline: raw(grid, row, columns.baseline),
      baselinePeriod: raw(grid, row, columns.baselinePeriod) ?? fyCell(table.headerBaselineFy),
      unit: raw(grid, row, columns.unit),
      direction: raw(grid, row, columns.direction),
    },
  };
}
