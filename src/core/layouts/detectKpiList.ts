import type { RawCell } from "../cells/RawCell";
import { Diagnostics, where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { headerFiscalYear } from "./headerYear";
import { indicatorKey } from "../workbook/indicatorKey";
import { KPI_HEADERS, NAME_HEADER_PREFERENCE, headerCore, isBlankOrDash, isOneOf } from "./labels";
import { classifyYearHeader, findYearColumns } from "./yearColumns";
import type { Indicator, IndicatorTable, TableColumns } from "../workbook/WorkbookModel";

type Role = Exclude<keyof typeof KPI_HEADERS, "name">;
const ROLES: Role[] = ["baseline", "target", "targetPeriod", "baselinePeriod", "unit", "direction", "projectNo", "department"];

interface KpiHeader {
  row: number;
  columns: TableColumns;
  targetHeader: string;
  baselineHeader: string;
  firstCol: number;
  lastCol: number;
}

/** A header row: an indicator-name column and a target or baseline column. */
function readHeader(grid: Grid, row: number): KpiHeader | null {
  let name: { col: number; rank: number } | undefined;
  const found: Partial<Record<Role, number>> = {};
  let firstCol = Number.POSITIVE_INFINITY;
  let lastCol = -1;
  for (let col = grid.left; col < grid.right; col++) {
    const full = grid.key(row, col);
    if (full === "") continue;
    const key = headerCore(full);
    let matched = false;
    const rank = NAME_HEADER_PREFERENCE.indexOf(full) >= 0 ? NAME_HEADER_PREFERENCE.indexOf(full) : NAME_HEADER_PREFERENCE.indexOf(key);
    if (isOneOf(key, KPI_HEADERS.name) || isOneOf(full, KPI_HEADERS.name)) {
      if (!name || (rank >= 0 && rank < name.rank)) name = { col, rank: rank < 0 ? 99 : rank };
      matched = true;
    } else {
      for (const role of ROLES) {
        if (found[role] === undefined && isOneOf(key, KPI_HEADERS[role])) {
          found[role] = col;
          matched = true;
          break;
        }
      }
    }
    if (!matched && classifyYearHeader(full)) matched = true;
    if (matched) {
      firstCol = Math.min(firstCol, col);
      lastCol = Math.max(lastCol, col);
    }
  }
  if (!name && found.target !== undefined && found.baseline !== undefined) {
    // Some lists print no header over the names (小平市's 施策 tables): the column left of the values.
    const nameCol = Math.min(found.target, found.baseline) - 1;
    if (nameCol >= grid.left && grid.isEmpty(row, nameCol) && grid.text(row + 1, nameCol) !== "") name = { col: nameCol, rank: 99 };
  }
  if (!name || (found.target === undefined && found.baseline === undefined)) return null;
  const columns: TableColumns = { name: name.col, ...found };
  return {
    row,
    columns,
    targetHeader: found.target === undefined ? "" : grid.text(row, found.target),
    baselineHeader: found.baseline === undefined ? "" : grid.text(row, found.baseline),
    firstCol,
    lastCol,
  };
}

function roleColumns(columns: TableColumns): number[] {
  return [columns.target, columns.baseline, columns.targetPeriod, columns.baselinePeriod].filter((c): c is number => c !== undefined);
}

function fyCell(fy: number | null): RawCell | undefined {
  return fy === null ? undefined : { value: `${fy}年度` };
}

/** Layout B: KPI lists, one row per indicator under a header row; several tables per sheet. */
export function detectKpiLists(grid: Grid, diagnostics: Diagnostics, skipRows: { from: number; to: number }[]): { tables: IndicatorTable[]; indicators: Indicator[] } {
  const tables: IndicatorTable[] = [];
  const indicators: Indicator[] = [];
  const sheet = grid.name;
  const seenKeys = new Set<string>();
  const skipped = (row: number) => skipRows.some((r) => row >= r.from && row <= r.to);

  let row = grid.top;
  while (row < grid.bottom) {
    const header = skipped(row) ? null : readHeader(grid, row);
    if (!header) {
      row++;
      continue;
    }
    const { columns } = header;
    const yearColumns = findYearColumns(grid, header.row, grid.left).filter((c) => c.col !== columns.name);
    const valueCols = [...roleColumns(columns), ...yearColumns.map((c) => c.col)];
    const headerTargetFy = header.targetHeader ? headerFiscalYear(header.targetHeader) : null;
    const headerBaselineFy = header.baselineHeader ? headerFiscalYear(header.baselineHeader) : null;
    const tableId = `${sheet}!${header.row}`;
    let lastRow = header.row;
    let r = header.row + 1;
    for (; r < grid.bottom; r++) {
      if (skipped(r) || readHeader(grid, r)) break;
      const name = grid.display(r, columns.name);
      const valuesBlank = valueCols.every((col) => grid.isEmpty(r, col));
      if (name === "" && valuesBlank) break;
      if (name.startsWith("※")) break;
      // A title line just before the next table: text in the name column only.
      if (valuesBlank && (readHeader(grid, r + 1) || readHeader(grid, r + 2))) break;
      lastRow = r;
      if (name === "" || isBlankOrDash(name)) {
        if (!valueCols.every((col) => isBlankOrDash(grid.text(r, col)))) {
          diagnostics.add("warning", "indicator-without-name", sheet, r, columns.name,
            `${where(sheet, r, columns.name)}: 指標名がない行に値があります。指標名を入力してください。`);
        }
        continue;
      }
      const projectNo = columns.projectNo === undefined ? undefined : grid.text(r, columns.projectNo) || undefined;
      const key = indicatorKey(sheet, projectNo, name, seenKeys);
      if (key.duplicate) {
        diagnostics.add("warning", "duplicate-indicator", sheet, r, columns.name,
          `${where(sheet, r, columns.name)}: 同じ名前の指標「${name}」が複数あります。`);
      }
      const at = (col: number | undefined) => (col === undefined ? undefined : { row: r, col });
      const raw = (col: number | undefined) => (col === undefined ? undefined : grid.raw(r, col));
      indicators.push({
        key: key.key,
        sheet,
        row: r,
        tableId,
        layout: "kpi-list",
        projectNo,
        department: columns.department === undefined ? undefined : grid.display(r, columns.department) || undefined,
        name,
        cells: {
          name: { row: r, col: columns.name },
          target: at(columns.target),
          targetPeriod: at(columns.targetPeriod),
          baseline: at(columns.baseline),
          baselinePeriod: at(columns.baselinePeriod),
          unit: at(columns.unit),
          direction: at(columns.direction),
        },
        raw: {
          name,
          target: raw(columns.target),
          targetPeriod: raw(columns.targetPeriod) ?? fyCell(headerTargetFy),
          baseline: raw(columns.baseline),
          baselinePeriod: raw(columns.baselinePeriod) ?? fyCell(headerBaselineFy),
          unit: raw(columns.unit),
          direction: raw(columns.direction),
        },
      });
    }
    const lastCol = Math.max(header.lastCol, ...yearColumns.map((c) => c.col));
    tables.push({
      id: tableId,
      sheet,
      layout: "kpi-list",
      headerRow: header.row,
      firstRow: header.row + 1,
      lastRow,
      columns,
      headerTargetFy,
      headerBaselineFy,
      yearColumns,
      lastCol,
      headerStyleFrom: { row: header.row, col: columns.target ?? columns.baseline ?? columns.name },
    });
    row = Math.max(r, header.row + 1);
  }
  return { tables, indicators };
}
