import type { RawCell } from "../cells/RawCell";
import { Diagnostics, where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { ACTION_TABLE_HEADERS, BLOCK_LABELS, STOP_LABELS, headerCore, isBlankOrDash, isOneOf, isPeriodHeader } from "./labels";
import { findYearColumns } from "./yearColumns";
import type { Indicator, IndicatorTable, NoIndicatorProject, Project, TableColumns } from "../workbook/WorkbookModel";
import { indicatorKey } from "../workbook/indicatorKey";

export interface ActionPlanFindings {
  projects: Project[];
  tables: IndicatorTable[];
  indicators: Indicator[];
  noIndicator: NoIndicatorProject[];
  /** Rows that belong to project blocks (a KPI list is not looked for there). */
  blockRows: { from: number; to: number }[];
}

interface BlockStart {
  row: number;
  labelCol: number;
  no: string;
}

/** 事業番号 labels with a value beside them (a list header `事業番号 | 事業名` has a label beside it instead). */
function findBlockStarts(grid: Grid): BlockStart[] {
  const starts: BlockStart[] = [];
  for (let row = grid.top; row < grid.bottom; row++) {
    for (let col = grid.left; col < grid.right; col++) {
      if (!isOneOf(grid.key(row, col), BLOCK_LABELS.projectNo)) continue;
      const beside = grid.valueRightOf(row, col, 3);
      if (!beside || isLabel(beside.text)) continue;
      starts.push({ row, labelCol: col, no: beside.text.normalize("NFKC") });
      break;
    }
  }
  return starts;
}

function isLabel(text: string): boolean {
  const key = text.replace(/ /g, "");
  return STOP_LABELS.includes(key) || isOneOf(key, BLOCK_LABELS.indicators);
}

function findLabelRow(grid: Grid, from: number, to: number, col: number, words: readonly string[]): number | null {
  for (let row = from; row <= to; row++) if (isOneOf(grid.key(row, col), words)) return row;
  return null;
}

interface HeaderFound {
  row: number;
  columns: TableColumns;
  lastCol: number;
}

/** The 項目 / 目標値 / 実績値 header on the 指標 row or the row below it. */
function findHeader(grid: Grid, indicatorRow: number, labelCol: number): HeaderFound | null {
  for (const row of [indicatorRow, indicatorRow + 1]) {
    let name: number | undefined;
    let target: number | undefined;
    let baseline: number | undefined;
    for (let col = labelCol + 1; col < grid.right; col++) {
      const key = headerCore(grid.key(row, col));
      if (key === "") continue;
      if (name === undefined && target === undefined && isOneOf(key, ACTION_TABLE_HEADERS.name)) name = col;
      else if (target === undefined && isOneOf(key, ACTION_TABLE_HEADERS.target)) target = col;
      else if (target !== undefined && baseline === undefined && isOneOf(key, ACTION_TABLE_HEADERS.baseline)) baseline = col;
    }
    if (target === undefined || baseline === undefined) continue;
    const columns: TableColumns = { name: name ?? labelCol + 1, target, baseline };
    if (target + 1 < baseline) columns.targetPeriod = target + 1;
    const afterBaseline = baseline + 1;
    if (afterBaseline < grid.right + 1 && isPeriodHeader(headerCore(grid.key(row, afterBaseline)))) {
      columns.baselinePeriod = afterBaseline;
    }
    const lastCol = columns.baselinePeriod ?? baseline;
    return { row, columns, lastCol };
  }
  return null;
}

function rowIsBlank(grid: Grid, row: number, from: number, to: number): boolean {
  for (let col = from; col <= to; col++) if (!grid.isEmpty(row, col)) return false;
  return true;
}

function rawOrUndefined(grid: Grid, row: number, col: number | undefined): RawCell | undefined {
  return col === undefined ? undefined : grid.raw(row, col);
}

/** Layout A: project blocks (事業シート), wherever they start, one or several per sheet. */
export function detectActionPlan(grid: Grid, diagnostics: Diagnostics): ActionPlanFindings {
  const findings: ActionPlanFindings = { projects: [], tables: [], indicators: [], noIndicator: [], blockRows: [] };
  const starts = findBlockStarts(grid);
  const sheet = grid.name;
  const seenKeys = new Set<string>();

  starts.forEach((start, i) => {
    const end = (starts[i + 1]?.row ?? grid.bottom) - 1;
    const { labelCol } = start;
    const nameRow = findLabelRow(grid, start.row, end, labelCol, BLOCK_LABELS.projectName);
    const deptRow = findLabelRow(grid, start.row, end, labelCol, BLOCK_LABELS.department);
    const project: Project = {
      no: start.no,
      name: nameRow === null ? "" : (grid.valueRightOf(nameRow, labelCol)?.text ?? ""),
      department: deptRow === null ? "" : (grid.valueRightOf(deptRow, labelCol)?.text ?? ""),
      row: start.row,
    };
    const indicatorRow = findLabelRow(grid, start.row, end, labelCol, BLOCK_LABELS.indicators);
    if (indicatorRow === null) {
      // A block without a 指標 label is a project list or a heading, not an action-plan block.
      if (nameRow === null) return;
      findings.projects.push(project);
      findings.blockRows.push({ from: start.row, to: end });
      diagnostics.add("warning", "no-indicator-table", sheet, start.row, labelCol,
        `${where(sheet, start.row, labelCol)}: 事業${project.no}に「指標」欄がありません。`);
      return;
    }
    findings.projects.push(project);
    findings.blockRows.push({ from: start.row, to: end });

    const header = findHeader(grid, indicatorRow, labelCol);
    if (!header) {
      diagnostics.add("error", "table-without-header", sheet, indicatorRow, labelCol,
        `${where(sheet, indicatorRow, labelCol)}: 事業${project.no}の指標表に「項目・目標値・実績値」の見出しがありません。`);
      return;
    }
    const { columns } = header;
    const otherRow = findLabelRow(grid, header.row + 1, end, labelCol, BLOCK_LABELS.other);
    const reason = otherRow === null ? "" : (grid.valueRightOf(otherRow, labelCol, 12)?.text ?? "");

    const tableId = `${sheet}!${header.row}`;
    const indicators: Indicator[] = [];
    let lastRow = header.row;
    let sawNoIndicatorRow = false;
    let blanks = 0;
    for (let row = header.row + 1; row <= end; row++) {
      const label = grid.key(row, labelCol);
      if (label !== "" && STOP_LABELS.some((word) => label.startsWith(word))) break;
      if (rowIsBlank(grid, row, columns.name, header.lastCol)) {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      const name = grid.display(row, columns.name);
      if (name.startsWith("※")) continue;
      lastRow = row;
      const valueCols = [columns.target, columns.targetPeriod, columns.baseline, columns.baselinePeriod];
      const allDash = valueCols.every((col) => col === undefined || isBlankOrDash(grid.text(row, col)));
      if (name === "" || isBlankOrDash(name)) {
        if (allDash) sawNoIndicatorRow = true;
        else
          diagnostics.add("warning", "indicator-without-name", sheet, row, columns.name,
            `${where(sheet, row, columns.name)}: 指標名がない行に値があります。指標名を入力してください。`);
        continue;
      }
      const key = indicatorKey(sheet, project.no, name, seenKeys);
      if (key.duplicate) {
        diagnostics.add("warning", "duplicate-indicator", sheet, row, columns.name,
          `${where(sheet, row, columns.name)}: 事業${project.no}に同じ名前の指標「${name}」が複数あります。`);
      }
      indicators.push({
        key: key.key,
        sheet,
        row,
        tableId,
        layout: "action-plan",
        projectNo: project.no,
        projectName: project.name,
        department: project.department,
        name,
        cells: {
          name: { row, col: columns.name },
          target: { row, col: columns.target! },
          targetPeriod: columns.targetPeriod === undefined ? undefined : { row, col: columns.targetPeriod },
          baseline: { row, col: columns.baseline! },
          baselinePeriod: columns.baselinePeriod === undefined ? undefined : { row, col: columns.baselinePeriod },
        },
        raw: {
          name,
          target: rawOrUndefined(grid, row, columns.target),
          targetPeriod: rawOrUndefined(grid, row, columns.targetPeriod),
          baseline: rawOrUndefined(grid, row, columns.baseline),
          baselinePeriod: rawOrUndefined(grid, row, columns.baselinePeriod),
        },
      });
    }

    const yearColumns = findYearColumns(grid, header.row, header.lastCol + 1);
    const lastCol = Math.max(header.lastCol, ...yearColumns.map((c) => c.col));
    findings.tables.push({
      id: tableId,
      sheet,
      layout: "action-plan",
      headerRow: header.row,
      firstRow: header.row + 1,
      lastRow,
      columns,
      headerTargetFy: null,
      headerBaselineFy: null,
      yearColumns,
      lastCol,
      headerStyleFrom: { row: header.row, col: columns.baseline! },
      project,
    });
    for (const indicator of indicators) findings.indicators.push(indicator);
    if (indicators.length === 0) {
      findings.noIndicator.push({
        sheet,
        row: header.row,
        col: labelCol,
        projectNo: project.no,
        projectName: project.name,
        department: project.department,
        reason: reason || (sawNoIndicatorRow ? "" : "指標の行がありません"),
      });
    }
  });
  return findings;
}
