import { toA1 } from "../core/cells/address";
import { fiscalYearLabel } from "../core/periods/parsePeriod";
import type { Preset } from "../core/presets/Preset";
import type { Diagnostic } from "../core/workbook/Diagnostic";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { FillPlan } from "../core/plans/planFill";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";
import { breakdownText, gradeBreakdown, missingByDepartment, NOT_GRADED_WORDS } from "../app/summary";
import { clip } from "../core/text/clip";

export interface Out {
  line(text: string): void;
  error(text: string): void;
  progress(text: string): void;
}

const SEVERITY_LABEL = { error: "エラー", warning: "警告", info: "情報" } as const;
const SHOWN_TABLES = 20;
/** Longest list the console shows; the JSON report (--json) holds every item. */
export const SHOWN_PER_LIST = 30;

/** At most SHOWN_PER_LIST lines of a list, then `…ほか N 件（--json で全件）`. */
export function printList<T>(out: Out, items: T[], line: (item: T) => string): void {
  for (const item of items.slice(0, SHOWN_PER_LIST)) out.line(line(item));
  if (items.length > SHOWN_PER_LIST) out.line(`  …ほか ${items.length - SHOWN_PER_LIST} 件（--json で全件）`);
}
const LAYOUT_LABEL = { "action-plan": "事業シート", "kpi-list": "KPI一覧", "row-wise": "評価シート（行形式）" } as const;

/** Columns a text takes in a terminal: two for a full-width character. */
function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += c.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}

function printFound(out: Out, model: WorkbookModel): void {
  const kinds = { "action-plan": 0, "kpi-list": 0, "row-wise": 0, none: 0 };
  for (const s of model.sheets) kinds[s.kind]++;
  const projects = model.sheets.reduce((n, s) => n + s.projects, 0);
  out.line(`シート ${model.sheets.length}（事業シート ${kinds["action-plan"]}、KPI一覧 ${kinds["kpi-list"]}${kinds["row-wise"] ? `、評価シート（行形式） ${kinds["row-wise"]}` : ""}、対象外 ${kinds.none}）`);
  out.line(`事業 ${projects}、指標 ${model.indicators.length}${model.noIndicator.length ? `（指標を設定していない事業 ${model.noIndicator.length}）` : ""}`);
  const lists = model.tables.filter((t) => t.layout !== "action-plan");
  for (const t of lists.slice(0, SHOWN_TABLES)) {
    const rows = t.headerTop === t.headerRow ? `${t.headerRow + 1}行目` : `${t.headerTop + 1}〜${t.headerRow + 1}行目`;
    out.line(`  表: ${t.sheet} ${rows}（${LAYOUT_LABEL[t.layout]}${t.source === "mapped" ? "、手動で指定" : ""}）`);
  }
  if (lists.length > SHOWN_TABLES) out.line(`  …ほか ${lists.length - SHOWN_TABLES} 表（--json で全件）`);
}

function printDiagnostics(out: Out, diagnostics: Diagnostic[]): void {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  out.line(`診断: エラー ${counts.error}、警告 ${counts.warning}、情報 ${counts.info}`);
  for (const severity of ["error", "warning"] as const) {
    const list = diagnostics.filter((d) => d.severity === severity);
    printList(out, list, (d) => `  [${SEVERITY_LABEL[severity]}] ${d.sheet}${d.cell ? `!${d.cell}` : ""} ${d.code}: ${d.message}`);
  }
}

function printGrades(out: Out, evaluation: WorkbookEvaluation, preset: Preset): void {
  const label = fiscalYearLabel(evaluation.year);
  const breakdown = gradeBreakdown(evaluation.outcomes, preset);
  out.line(`評価（${label}、${preset.name}）: ${breakdownText(breakdown)}`);
  const rows = [
    ...breakdown.grades.map((g) => [g.grade, g.count] as const),
    ...breakdown.notGraded.map((n) => [NOT_GRADED_WORDS[n.kind], n.count] as const),
  ];
  const width = Math.max(...rows.map(([name]) => displayWidth(name)));
  for (const [name, count] of rows) {
    const bar = breakdown.assessed > 0 ? "■".repeat(Math.round((count / breakdown.assessed) * 30)) : "";
    out.line(`  ${name}${" ".repeat(width - displayWidth(name))} ${String(count).padStart(5, " ")}  ${bar}`);
  }
  const missing = missingByDepartment(evaluation.outcomes);
  const missingCount = missing.reduce((n, g) => n + g.indicators.length, 0);
  const assessed = breakdown.notGraded.find((n) => n.kind === "missing-actual")?.count ?? 0;
  const split = missingCount ? `（評価対象 ${assessed}・モニタリング ${missingCount - assessed}、担当課別）` : "";
  out.line(`${label}実績の未入力: ${missingCount}件${split}`);
  printList(out, missing, (g) => {
    const names = g.indicators.slice(0, 3).map((i) => `${i.projectNo ? `事業${i.projectNo} ` : ""}${clip(i.name)}`).join("、");
    return `  ${clip(g.department)} ${g.indicators.length}件: ${names}${g.indicators.length > 3 ? " …" : ""}`;
  });
}

export function printCheck(out: Out, model: WorkbookModel, evaluation: WorkbookEvaluation | undefined, preset: Preset): void {
  printFound(out, model);
  if (evaluation) printGrades(out, evaluation, preset);
  printDiagnostics(out, [...model.diagnostics, ...(evaluation?.diagnostics ?? [])]);
}

export function printEvaluation(out: Out, model: WorkbookModel, evaluation: WorkbookEvaluation, preset: Preset): void {
  printFound(out, model);
  printGrades(out, evaluation, preset);
  printDiagnostics(out, [...model.diagnostics, ...evaluation.diagnostics]);
}

const FILL_LABELS = { new: "新規", unchanged: "変更なし", overwritten: "上書き", conflict: "競合（未変更）", unmatched: "該当なし", ambiguous: "あいまい", duplicate: "重複", invalid: "無効", protected: "保護（未変更）" } as const;

export function printFill(out: Out, fill: FillPlan, fileProblems: string[]): void {
  out.line(`実績入力（${fiscalYearLabel(fill.plan.year)}）: ${Object.entries(fill.counts).filter(([, n]) => n > 0).map(([k, n]) => `${FILL_LABELS[k as keyof typeof FILL_LABELS]} ${n}`).join("、") || "なし"}`);
  const notable = fill.outcomes.filter((o) => (o.status !== "new" && o.status !== "unchanged") || o.warning);
  printList(out, notable, (o) => `  [${o.warning && (o.status === "new" || o.status === "overwritten") ? "単位の警告" : FILL_LABELS[o.status]}] ${o.message}${o.warning ? ` ${o.warning}` : ""}`);
  printList(out, fileProblems, (p) => `  [読み飛ばし] ${p}`);
  const headers = fill.plan.writes.filter((w) => w.purpose === "header");
  printList(out, headers, (h) => `  列を追加: ${h.sheet}!${toA1(h.row, h.col)}「${String(h.value)}」`);
}

/** Each protected sheet the operation left as it was. */
export function printProtected(out: Out, sheets: string[]): void {
  printList(out, sheets, (s) => `  [保護] シート「${clip(s)}」は保護されているため書き込みませんでした。`);
}
