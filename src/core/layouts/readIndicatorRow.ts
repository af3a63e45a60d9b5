import type { CellPosition } from "../cells/address";
import type { RawCell } from "../cells/RawCell";
import type { FiscalYear } from "../periods/Period";
import { Diagnostics, where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { indicatorKey } from "../workbook/indicatorKey";
import type { Indicator, IndicatorTable } from "../workbook/WorkbookModel";
import { isBlankOrDash } from "./headerWords";

/** A fiscal year as a period cell the engine reads (`2029年度`): a header's year given to every row. */
export function fyCell(fy: FiscalYear | null): RawCell | undefined {
  return fy === null ? undefined : { value: `${fy}年度` };
}

/**
 * The final target of a row: the target column, or, when the table has one target per year and
 * no yearless one, the last year whose cell holds a value (`R11目標`, else `R10目標`, …).
 */
function finalTarget(grid: Grid, table: IndicatorTable, row: number): { col: number; fy: FiscalYear | null } | null {
  const perYear = table.yearColumns.filter((c) => c.kind === "target");
  if (perYear.length > 0 && table.headerTargetFy !== null) {
    const byYear = [...perYear].sort((a, b) => (b.fy ?? 0) - (a.fy ?? 0));
    const filled = byYear.find((c) => !isBlankOrDash(grid.text(row, c.col)));
    const chosen = filled ?? byYear[0];
    return { col: chosen.col, fy: chosen.fy };
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
  const at = (col: number | undefined): CellPosition | undefined => (col === undefined ? undefined : { row, col });
  const raw = (col: number | undefined): RawCell | undefined => (col === undefined ? undefined : grid.raw(row, col));
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
      target: at(target?.col),
      targetPeriod: at(columns.targetPeriod),
      baseline: at(columns.baseline),
      baselinePeriod: at(columns.baselinePeriod),
      unit: at(columns.unit),
      direction: at(columns.direction),
    },
    raw: {
      name,
      target: raw(target?.col),
      targetPeriod: raw(columns.targetPeriod) ?? fyCell(target?.fy ?? null),
      baseline: raw(columns.baseline),
      baselinePeriod: raw(columns.baselinePeriod) ?? fyCell(table.headerBaselineFy),
      unit: raw(columns.unit),
      direction: raw(columns.direction),
    },
  };
}
