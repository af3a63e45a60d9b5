import { where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import type { Indicator, Project, TableColumn } from "../workbook/WorkbookModel";
import type { DetectContext, LayoutFindings } from "./LayoutDetector";
import { readBestBand, type HeaderBand } from "./headerBand";
import { isBlankOrDash, isPeriodHeader, type Vocabulary } from "./headerWords";
import { makeTable, reportHeader } from "./makeTable";
import { readIndicatorRow } from "./readIndicatorRow";

/** Labels of a 事業シート block (its label column). */
export const BLOCK_LABELS = {
  projectNo: ["事業番号", "事業No", "事業No.", "事業NO"],
  projectName: ["事業名"],
  department: ["担当課", "所管課", "担当部署", "担当部局"],
  indicators: ["指標"],
  other: ["その他"],
} as const;

/** Other labels of a block: a row holding one of these ends an indicator table. */
export const STOP_LABELS = ["目的", "現状と成果", "現状", "課題", "取組事項", "年次計画", "その他", "事業番号", "事業名", "担当課"];

/** Header words of a block's 指標 table: a bare `実績値` is the value printed when the plan was written. */
export const ACTION_TABLE_WORDS: Vocabulary = {
  name: ["項目", "指標名", "指標"],
  target: ["目標値", "目標"],
  baseline: ["実績値", "実績", "現状値"],
};

interface BlockStart {
  row: number;
  labelCol: number;
  no: string;
}

function isOneOf(key: string, words: readonly string[]): boolean {
  return words.includes(key);
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

/** The blank (or 年度) column right of a single target or of the baseline holds its period. */
function withPeriodColumns(grid: Grid, band: HeaderBand): TableColumn[] {
  const roles = [...band.columns];
  const taken = new Set(roles.map((r) => r.col));
  const targets = roles.filter((r) => r.role === "target");
  const baseline = roles.find((r) => r.role === "baseline");
  const periodBeside = (col: number, role: "targetPeriod" | "baselinePeriod") => {
    const next = col + 1;
    if (taken.has(next) || next >= grid.right) return;
    if (!isPeriodHeader(grid.key(band.bottom, next)) || !isPeriodHeader(grid.key(band.top, next))) return;
    roles.push({ col: next, role, fy: null, header: grid.display(band.bottom, next) });
    taken.add(next);
  };
  if (targets.length === 1) periodBeside(targets[0].col, "targetPeriod");
  if (baseline) periodBeside(baseline.col, "baselinePeriod");
  return roles.sort((a, b) => a.col - b.col);
}

/** The 項目 / 目標値 / 実績値 header on the 指標 row or the row below it (one or two rows), or the one set by hand there. */
function findHeader(grid: Grid, indicatorRow: number, labelCol: number, mapped: DetectContext["mapped"]): { band: HeaderBand; roles: TableColumn[]; source: "detected" | "mapped" } | null {
  for (const row of [indicatorRow, indicatorRow + 1]) {
    const hand = mapped.get(row);
    if (hand) return { band: { top: hand.top, bottom: hand.bottom, columns: hand.roles, unread: [] }, roles: hand.roles, source: "mapped" };
  }
  for (const row of [indicatorRow, indicatorRow + 1]) {
    const band = readBestBand(grid, row, labelCol + 1, grid.right - 1, ACTION_TABLE_WORDS);
    const has = (role: string) => band.columns.some((c) => c.role === role);
    if (!has("target") || !(has("baseline") || band.columns.some((c) => c.role === "target" && c.fy !== null))) continue;
    const roles = withPeriodColumns(grid, band);
    if (!roles.some((r) => r.role === "name")) roles.unshift({ col: labelCol + 1, role: "name", fy: null, header: "" });
    return { band, roles, source: "detected" };
  }
  return null;
}

function rowIsBlank(grid: Grid, row: number, cols: number[]): boolean {
  for (const col of cols) if (!grid.isEmpty(row, col)) return false;
  return true;
}

/** Layout A: project blocks (事業シート), wherever they start, one or several per sheet. */
export function detectActionPlan(grid: Grid, context: DetectContext): LayoutFindings {
  const { diagnostics, mapped } = context;
  const findings: LayoutFindings = { projects: [], tables: [], indicators: [], noIndicator: [], rows: [] };
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
      // A block without a 指標 label is a project list, or the heading of a form (事務事業評価シート)
      // whose tables the other layouts read; it is reported only when none is found there.
      if (nameRow !== null) context.blocks.push({ project, from: start.row, to: end, labelCol, hasIndicatorLabel: false });
      return;
    }
    context.blocks.push({ project, from: start.row, to: end, labelCol, hasIndicatorLabel: true });
    findings.projects.push(project);
    findings.rows.push({ from: start.row, to: end });

    const header = findHeader(grid, indicatorRow, labelCol, mapped);
    const made = header && makeTable(grid, { sheet, layout: "action-plan", source: header.source, headerTop: header.band.top, headerRow: header.band.bottom, roles: header.roles, project });
    if (!header || !made) {
      diagnostics.add("error", "table-without-header", sheet, indicatorRow, labelCol,
        `${where(sheet, indicatorRow, labelCol)}: 事業${project.no}の指標表に「項目・目標値・実績値」の見出しがありません。`);
      return;
    }
    const { table } = made;
    const { columns } = table;
    const otherRow = findLabelRow(grid, table.headerRow + 1, end, labelCol, BLOCK_LABELS.other);
    const reason = otherRow === null ? "" : (grid.valueRightOf(otherRow, labelCol, 12)?.text ?? "");
    const valueCols = [columns.target, columns.targetPeriod, columns.baseline, columns.baselinePeriod, ...table.yearColumns.filter((c) => c.kind === "target").map((c) => c.col)]
      .filter((c): c is number => c !== undefined);
    const ownCols = [columns.name, ...valueCols];

    const indicators: Indicator[] = [];
    let sawNoIndicatorRow = false;
    let blanks = 0;
    for (let row = table.headerRow + 1; row <= end; row++) {
      const label = grid.key(row, labelCol);
      if (label !== "" && STOP_LABELS.some((word) => label.startsWith(word))) break;
      if (rowIsBlank(grid, row, ownCols)) {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      const name = grid.display(row, columns.name);
      if (name.startsWith("※")) continue;
      table.lastRow = row;
      const allDash = valueCols.every((col) => isBlankOrDash(grid.text(row, col)));
      if (name === "" || isBlankOrDash(name)) {
        if (allDash) sawNoIndicatorRow = true;
        else
          diagnostics.add("warning", "indicator-without-name", sheet, row, columns.name,
            `${where(sheet, row, columns.name)}: 指標名がない行に値があります。指標名を入力してください。`);
        continue;
      }
      indicators.push(readIndicatorRow(grid, table, row, name, seenKeys, diagnostics));
    }
    findings.tables.push(table);
    reportHeader(table, made.assembled, header.band.unread, indicators.length, diagnostics);
    for (const indicator of indicators) findings.indicators.push(indicator);
    if (indicators.length === 0) {
      findings.noIndicator.push({
        sheet,
        row: table.headerRow,
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
