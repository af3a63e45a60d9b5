import { readWorkbook } from "../core/workbook/readWorkbook";
import { evaluateWorkbook, type EvaluationSettings, type WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import { planEvaluate } from "../core/plans/planEvaluate";
import { planFill, type FillOptions, type FillPlan } from "../core/plans/planFill";
import { planFlagMissing } from "../core/plans/planFlagMissing";
import type { WorkbookSnapshot } from "../core/workbook/SheetSnapshot";
import type { WritePlan } from "../core/workbook/WritePlan";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";
import type { LayoutMapping } from "../core/layouts/layoutMapping";

/**
 * Where operations read a workbook and apply a plan: Excel through Office.js, an .xlsx file through
 * ExcelJS, or the in-memory host. Reading is one batch; applying a plan is one batch.
 */
export interface WorkbookHost<Applied = unknown> {
  read(): Promise<WorkbookSnapshot>;
  apply(plan: WritePlan): Promise<Applied>;
}

export class NoKpiSheetError extends Error {
  constructor(readonly sheetNames: string[]) {
    super(`KPIシートが見つかりません（事業シートの「事業番号」「指標」欄や、指標・目標値の見出しがありません）。シート: ${sheetNames.join("、") || "なし"}`);
  }
}

function requireIndicators(model: WorkbookModel): void {
  if (model.tables.length === 0 && model.noIndicator.length === 0) throw new NoKpiSheetError(model.sheets.map((s) => s.name));
}

export interface CheckResult {
  model: WorkbookModel;
  evaluation?: WorkbookEvaluation;
}

/** Read the workbook and report what is found; with settings, evaluate the year without writing. `mapping`: the tables set by hand. */
export async function runCheck(host: WorkbookHost, settings?: EvaluationSettings, mapping: LayoutMapping | null = null): Promise<CheckResult> {
  const model = readWorkbook(await host.read(), mapping);
  requireIndicators(model);
  return { model, evaluation: settings ? evaluateWorkbook(model, settings) : undefined };
}

export interface EvaluateResult<Applied> {
  model: WorkbookModel;
  evaluation: WorkbookEvaluation;
  plan: WritePlan;
  applied: Applied | null;
}

/** Evaluate a year and write rates, grades, colours, notes and missing highlights in one batch. */
export async function runEvaluate<Applied>(host: WorkbookHost<Applied>, settings: EvaluationSettings, mapping: LayoutMapping | null = null): Promise<EvaluateResult<Applied>> {
  const model = readWorkbook(await host.read(), mapping);
  requireIndicators(model);
  const { plan, evaluation } = planEvaluate(model, settings);
  const applied = plan.writes.length > 0 ? await host.apply(plan) : null;
  return { model, evaluation, plan, applied };
}

export interface FillResult<Applied> {
  model: WorkbookModel;
  fill: FillPlan;
  applied: Applied | null;
}

/** Plan the year's actuals (a preview when `dryRun`), then write them in one batch. */
export async function runFill<Applied>(host: WorkbookHost<Applied>, options: FillOptions, dryRun = false, model?: WorkbookModel, mapping: LayoutMapping | null = null): Promise<FillResult<Applied>> {
  const read = model ?? readWorkbook(await host.read(), mapping);
  requireIndicators(read);
  const fill = planFill(read, options);
  const applied = !dryRun && fill.plan.writes.length > 0 ? await host.apply(fill.plan) : null;
  return { model: read, fill, applied };
}

/** Highlight the year's missing actuals only. */
export async function runFlagMissing<Applied>(host: WorkbookHost<Applied>, settings: EvaluationSettings, mapping: LayoutMapping | null = null): Promise<{ model: WorkbookModel; plan: WritePlan; applied: Applied | null }> {
  const model = readWorkbook(await host.read(), mapping);
  requireIndicators(model);
  const plan = planFlagMissing(model, settings);
  const applied = plan.writes.length > 0 ? await host.apply(plan) : null;
  return { model, plan, applied };
}
