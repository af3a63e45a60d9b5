import { parsePeriod } from "../periods/parsePeriod";
import { parseTarget } from "../targets/parseTarget";
import { parseValue } from "../values/parseValue";
import { detectActionPlan } from "../layouts/detectActionPlan";
import { detectKpiLists } from "../layouts/detectKpiList";
import { Diagnostics, where } from "./Diagnostics";
import { Grid } from "./Grid";
import type { SheetSnapshot, WorkbookSnapshot } from "./SheetSnapshot";
import type { Indicator, SheetSummary, WorkbookModel } from "./WorkbookModel";

/** Problems a reader sees in an indicator's own cells, whatever the year. */
function checkIndicatorCells(indicator: Indicator, diagnostics: Diagnostics): void {
  const { sheet, cells, raw } = indicator;
  const target = raw.target ? parseTarget(raw.target) : null;
  if (target?.kind === "error" && cells.target) {
    diagnostics.add("error", "unreadable-value", sheet, cells.target.row, cells.target.col,
      `${where(sheet, cells.target.row, cells.target.col)}: 目標値「${target.text}」を読み取れません（${target.message}）。`);
  }
  const baseline = raw.baseline ? parseValue(raw.baseline) : null;
  if (baseline?.kind === "error" && cells.baseline) {
    diagnostics.add("error", "unreadable-value", sheet, cells.baseline.row, cells.baseline.col,
      `${where(sheet, cells.baseline.row, cells.baseline.col)}: 基準値「${baseline.text}」を読み取れません（${baseline.message}）。`);
  }
  const hasTarget = target !== null && target.kind !== "none" && target.kind !== "error";
  const period = raw.targetPeriod ? parsePeriod(raw.targetPeriod) : null;
  if (hasTarget && (period === null || period.kind === "empty" || period.kind === "error")) {
    const at = cells.targetPeriod ?? cells.target!;
    const shown = period && period.kind === "error" ? `「${period.text}」を年度として読めません` : "目標年度がありません";
    diagnostics.add("warning", "target-without-year", sheet, at.row, at.col,
      `${where(sheet, at.row, at.col)}: 指標「${indicator.name}」の目標値に${shown}。進捗の評価には目標年度が必要です。`);
  }
}

function readSheet(sheet: SheetSnapshot, model: WorkbookModel, diagnostics: Diagnostics): void {
  const grid = new Grid(sheet);
  const plan = detectActionPlan(grid, diagnostics);
  const lists = detectKpiLists(grid, diagnostics, plan.blockRows);
  const tables = plan.tables.concat(lists.tables);
  // concat, not push(...list): a KPI list of 100,000 rows would overflow the call stack.
  const indicators = plan.indicators.concat(lists.indicators);
  const kind: SheetSummary["kind"] = plan.projects.length > 0 ? "action-plan" : lists.tables.length > 0 ? "kpi-list" : "none";
  model.sheets.push({ name: sheet.name, kind, tables: tables.length, projects: plan.projects.length, indicators: indicators.length });
  for (const t of tables) model.tables.push(t);
  for (const i of indicators) model.indicators.push(i);
  for (const n of plan.noIndicator) model.noIndicator.push(n);
  for (const blank of plan.noIndicator) {
    diagnostics.add("info", "no-indicator", sheet.name, blank.row, blank.col,
      `シート「${sheet.name}」: 事業${blank.projectNo}「${blank.projectName}」には指標が設定されていません${blank.reason ? `（${blank.reason}）` : ""}。`);
  }
  for (const indicator of indicators) checkIndicatorCells(indicator, diagnostics);
}

/** Find every indicator of a workbook: action-plan blocks and KPI lists, sheet by sheet. */
export function readWorkbook(snapshot: WorkbookSnapshot): WorkbookModel {
  const diagnostics = new Diagnostics();
  const model: WorkbookModel = {
    sheets: [],
    tables: [],
    indicators: [],
    noIndicator: [],
    diagnostics: diagnostics.list,
    snapshots: new Map(snapshot.sheets.map((s) => [s.name, s])),
  };
  for (const sheet of snapshot.sheets) readSheet(sheet, model, diagnostics);
  return model;
}
