import type { Diagnostics } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { where } from "../workbook/Diagnostics";
import type { IndicatorTable, Layout, Project, TableColumn, TableColumns } from "../workbook/WorkbookModel";
import { assembleColumns, type AssembledColumns } from "./assembleColumns";
import type { UnreadHeader } from "./headerBand";

export interface TableSpec {
  sheet: string;
  layout: Layout;
  source: IndicatorTable["source"];
  headerTop: number;
  headerRow: number;
  roles: TableColumn[];
  project?: Project;
}

/** The row a new column's header goes in: where the rightmost headed column of a two-row header has its text. */
function newHeaderRow(grid: Grid, spec: TableSpec): number {
  if (spec.headerTop === spec.headerRow || spec.roles.length === 0) return spec.headerRow;
  const rightmost = spec.roles[spec.roles.length - 1].col;
  return grid.isEmpty(spec.headerRow, rightmost) && !grid.isEmpty(spec.headerTop, rightmost) ? spec.headerTop : spec.headerRow;
}

/** An indicator table (no rows yet) from its header and the role of each column; null without a name column. */
export function makeTable(grid: Grid, spec: TableSpec): { table: IndicatorTable; assembled: AssembledColumns } | null {
  const assembled = assembleColumns(spec.roles);
  const { columns } = assembled;
  if (columns.name === undefined) return null;
  const own = spec.roles.filter((r) => r.role !== "ignore").map((r) => r.col);
  for (const c of [columns.targetPeriod, columns.baselinePeriod]) if (c !== undefined) own.push(c);
  const styleCol = spec.layout === "action-plan" ? (columns.baseline ?? columns.target ?? columns.name) : (columns.target ?? columns.baseline ?? columns.name);
  const table: IndicatorTable = {
    id: `${spec.sheet}!${spec.headerRow}`,
    sheet: spec.sheet,
    layout: spec.layout,
    source: spec.source,
    headerTop: spec.headerTop,
    headerRow: spec.headerRow,
    newHeaderRow: newHeaderRow(grid, spec),
    firstRow: spec.headerRow + 1,
    lastRow: spec.headerRow,
    columns: columns as TableColumns,
    roles: spec.roles,
    headerTargetFy: assembled.headerTargetFy,
    headerBaselineFy: assembled.headerBaselineFy,
    yearColumns: assembled.yearColumns,
    years: assembled.years,
    lastCol: Math.max(...own),
    headerStyleFrom: { row: grid.isEmpty(spec.headerRow, styleCol) ? spec.headerTop : spec.headerRow, col: styleCol },
    project: spec.project,
  };
  return { table, assembled };
}

/** `指標表（シート「KPI」の3行目）`: how messages name a table. */
export function tablePlace(table: IndicatorTable): string {
  const rows = table.headerTop === table.headerRow ? `${table.headerRow + 1}行目` : `${table.headerTop + 1}〜${table.headerRow + 1}行目`;
  return `シート「${table.sheet}」${rows}の${table.project ? `事業${table.project.no}の` : ""}指標表`;
}

/**
 * What a reader says about a table's header: cells with table words no rule reads, actual columns
 * without a year, no target column, no indicator.
 */
export function reportHeader(table: IndicatorTable, assembled: AssembledColumns, unread: UnreadHeader[], indicators: number, diagnostics: Diagnostics): void {
  const { sheet } = table;
  for (const cell of unread) {
    diagnostics.add("warning", "header-not-understood", sheet, cell.row, cell.col,
      `${where(sheet, cell.row, cell.col)}: 見出し「${cell.text}」が何の列か分かりません（目標値・実績値・達成率・評価のどれか、年度も入れてください）。検証の「表と列」で指定できます。`);
  }
  for (const c of assembled.actualsWithoutYear) {
    if (table.layout === "action-plan") continue;
    diagnostics.add("warning", "actual-without-year", sheet, table.headerRow, c.col,
      `${where(sheet, table.headerRow, c.col)}: 実績の列「${c.header}」に年度がありません（「R7実績」のように年度を入れるか、検証の「表と列」で年度を指定してください）。この列は読みません。`);
  }
  if (indicators === 0) {
    if (table.layout !== "action-plan") {
      diagnostics.add("warning", "table-without-indicators", sheet, table.headerRow, table.columns.name,
        `${tablePlace(table)}: 見出しはありますが、指標の行がありません。`);
    }
    return;
  }
  const hasTarget = table.columns.target !== undefined || table.yearColumns.some((c) => c.kind === "target");
  if (!hasTarget && table.layout !== "row-wise") {
    diagnostics.add("warning", "table-without-target", sheet, table.headerRow, table.columns.name,
      `${tablePlace(table)}には目標値の列がありません。この表の指標は評価できません（検証の「表と列」で目標値の列を指定できます）。`);
  }
}
