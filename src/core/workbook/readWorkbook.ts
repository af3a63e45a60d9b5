import { detectActionPlan } from "../layouts/detectActionPlan";
import { detectKpiLists } from "../layouts/detectKpiList";
import { detectRowWise } from "../layouts/detectRowWise";
import type { LayoutDetector, ProjectBlock, RowRange } from "../layouts/LayoutDetector";
import { mappedHeaders, type LayoutMapping } from "../layouts/layoutMapping";
import { parsePeriodCell } from "../periods/parsePeriod";
import { parseTarget } from "../targets/parseTarget";
import { forgetTexts } from "../text/memoByText";
import { parseValue } from "../values/parseValue";
import { Diagnostics, where } from "./Diagnostics";
import { Grid } from "./Grid";
import type { SheetSnapshot, WorkbookSnapshot } from "./SheetSnapshot";
import type { Indicator, SheetSummary, WorkbookModel } from "./WorkbookModel";

/**
 * The layouts, in the order they are looked for: 事業シート blocks first (their rows are nobody
 * else's), then row-wise blocks, then KPI lists in what is left.
 */
export const LAYOUT_DETECTORS: readonly LayoutDetector[] = [detectActionPlan, detectRowWise, detectKpiLists];

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
  const period = raw.targetPeriod ? parsePeriodCell(raw.targetPeriod) : null;
  if (hasTarget && (period === null || period.kind === "empty" || period.kind === "error")) {
    const at = cells.targetPeriod ?? cells.target!;
    const shown = period && period.kind === "error" ? `「${period.text}」を年度として読めません` : "目標年度がありません";
    diagnostics.add("warning", "target-without-year", sheet, at.row, at.col,
      `${where(sheet, at.row, at.col)}: 指標「${indicator.name}」の目標値に${shown}。進捗の評価には目標年度が必要です。`);
  }
}

function readSheet(sheet: SheetSnapshot, model: WorkbookModel, diagnostics: Diagnostics, mapping: LayoutMapping | null): void {
  const grid = new Grid(sheet);
  const mapped = mappedHeaders(mapping, grid);
  const taken: RowRange[] = [];
  const blocks: ProjectBlock[] = [];
  const summary: SheetSummary = { name: sheet.name, kind: "none", tables: 0, projects: 0, indicators: 0 };
  const tablesBefore = model.tables.length;
  for (const detect of LAYOUT_DETECTORS) {
    const found = detect(grid, { diagnostics, taken, mapped, blocks });
    for (const r of found.rows) taken.push(r);
    for (const t of found.tables) model.tables.push(t);
    // A loop, not push(...list): a KPI list of 100,000 rows would overflow the call stack.
    for (const i of found.indicators) {
      model.indicators.push(i);
      checkIndicatorCells(i, diagnostics);
    }
    for (const n of found.noIndicator) {
      model.noIndicator.push(n);
      diagnostics.add("info", "no-indicator", sheet.name, n.row, n.col,
        `シート「${sheet.name}」: 事業${n.projectNo}「${n.projectName}」には指標が設定されていません${n.reason ? `（${n.reason}）` : ""}。`);
    }
    if (summary.kind === "none" && (found.projects.length > 0 || found.tables.length > 0)) summary.kind = found.tables[0]?.layout ?? "action-plan";
    summary.tables += found.tables.length;
    summary.projects += found.projects.length;
    summary.indicators += found.indicators.length;
  }
  // A project heading with no 指標 label and no table of any layout under it.
  const sheetTables = model.tables.slice(tablesBefore);
  for (const b of blocks) {
    if (b.hasIndicatorLabel) continue;
    const tables = sheetTables.filter((t) => t.headerTop >= b.from && t.headerTop <= b.to);
    if (tables.length > 0) {
      summary.projects++;
      continue;
    }
    if (summary.kind === "none") summary.kind = "action-plan";
    summary.projects++;
    diagnostics.add("warning", "no-indicator-table", sheet.name, b.project.row, b.labelCol,
      `${where(sheet.name, b.project.row, b.labelCol)}: 事業${b.project.no}に「指標」欄がありません。`);
  }
  for (const m of mapped.values()) {
    if (!model.tables.some((t) => t.sheet === sheet.name && t.source === "mapped" && t.headerTop === m.top)) {
      diagnostics.add("warning", "mapping-unused", sheet.name, m.top, m.roles[0]?.col ?? 0,
        `${where(sheet.name, m.top, m.roles[0]?.col ?? 0)}: 手で指定した表（${m.top + 1}行目の見出し）を読めませんでした。指標名の列と、目標値か実績値の列を指定してください。`);
    }
  }
  model.sheets.push(summary);
}

/** Find every indicator of a workbook, sheet by sheet, layout by layout; `mapping` holds the tables set by hand. */
export function readWorkbook(snapshot: WorkbookSnapshot, mapping: LayoutMapping | null = null): WorkbookModel {
  forgetTexts();
  const diagnostics = new Diagnostics();
  const model: WorkbookModel = {
    sheets: [],
    tables: [],
    indicators: [],
    noIndicator: [],
    diagnostics: diagnostics.list,
    snapshots: new Map(snapshot.sheets.map((s) => [s.name, s])),
  };
  for (const sheet of snapshot.sheets) {
    readSheet(sheet, model, diagnostics, mapping);
  }
  for (const t of mapping?.tables ?? []) {
    if (!snapshot.sheets.some((s) => s.name === t.sheet)) {
      diagnostics.add("warning", "mapping-unused", t.sheet, null, null, `手で指定した表のシート「${t.sheet}」がありません（名前が変わったか削除されました）。`);
    }
  }
  return model;
}
