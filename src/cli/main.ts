import path from "node:path";
import { NoKpiSheetError, runCheck, runEvaluate, runFill, type WorkbookHost } from "../app/operations";
import { referenceUnitMismatches } from "../app/references";
import { reportDiagnostics, reportIndicators, reportTables, ReportSchema, type Report } from "../app/report";
import { applyWritePlan } from "../adapters/xlsx/applyWritePlan";
import { openXlsx } from "../adapters/xlsx/openXlsx";
import { nodeZipCodec } from "../adapters/xlsx/package/nodeZipCodec";
import type { XlsxBook } from "../adapters/xlsx/XlsxBook";
import { toA1 } from "../core/cells/address";
import type { WorkbookSnapshot } from "../core/workbook/SheetSnapshot";
import type { WritePlan } from "../core/workbook/WritePlan";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";
import type { Preset } from "../core/presets/Preset";
import { parseCli, type CliOptions } from "./flags";
import { loadLayout, loadPreset, readActuals, readInput } from "./inputs";
import { cliMessage, localeOf, Refusal, type Locale, type Role } from "./messages";
import { checkPaths, commitOutputs, type PendingOutput } from "./outputs";
import { printCheck, printEvaluation, printFill, printProtected, type Out } from "./print";
import { usage, usageHint } from "./usage";

export const EXIT_DONE = 0;
/** Nothing was written: refused, or problems left nothing to write (the message says why). */
export const EXIT_NOTHING_WRITTEN = 1;
/** Written, with rows or cells the person should look at. */
export const EXIT_WITH_PROBLEMS = 2;

class XlsxHost implements WorkbookHost<{ changed: number }> {
  constructor(private readonly book: XlsxBook) {}

  read(): Promise<WorkbookSnapshot> {
    return this.book.snapshot();
  }

  async apply(plan: WritePlan): Promise<{ changed: number }> {
    const applied = await applyWritePlan(this.book, plan);
    if (!applied.ok) throw new Refusal({ code: "plan-refused", detail: applied.message });
    return applied;
  }
}

function outputPath(options: CliOptions): string {
  if (options.out) return options.out;
  const ext = path.extname(options.book);
  const base = options.book.slice(0, options.book.length - ext.length);
  return `${base}.${options.command === "fill" ? "filled" : "evaluated"}${ext || ".xlsx"}`;
}

/** Every file the run reads and writes, by the argument naming it. */
function rolesOf(options: CliOptions): { book: Role; inputs: Role[]; outputs: Role[] } {
  const book = { flag: "book", path: options.book };
  const inputs: Role[] = [book];
  if (options.actuals) inputs.push({ flag: "--actuals", path: options.actuals });
  if (options.command !== "fill" && options.preset.toLowerCase().endsWith(".json")) inputs.push({ flag: "--preset", path: options.preset });
  if (options.layout) inputs.push({ flag: "--layout", path: options.layout });
  const outputs: Role[] = [];
  if (options.command !== "check") outputs.push({ flag: options.out ? "--out" : "output", path: outputPath(options) });
  if (options.json) outputs.push({ flag: "--json", path: options.json });
  return { book, inputs, outputs };
}

/** Refuse references typed in another unit than the indicators judged against them (`2.5` for a % indicator). */
function checkReferences(model: WorkbookModel, options: CliOptions): void {
  const [mismatch] = referenceUnitMismatches(model, options.references);
  if (!mismatch) return;
  const { reference, indicator, unit } = mismatch;
  throw new Refusal({ code: "ref-unit", name: reference.name, text: reference.text, unit: reference.unit, indicatorUnit: unit, indicator: indicator.name, sheet: indicator.sheet });
}

/**
 * The report's tables, and (with an evaluation) its preset and indicators, and the diagnostics of
 * both, after refusing references in another unit; whether any diagnostic is an error.
 */
function describe(report: Report, model: WorkbookModel, evaluation: WorkbookEvaluation | undefined, preset: Preset, options: CliOptions): boolean {
  checkReferences(model, options);
  report.tables = reportTables(model);
  report.preset = evaluation ? preset.id : null;
  report.indicators = evaluation ? reportIndicators(evaluation) : [];
  report.diagnostics = reportDiagnostics(model.diagnostics, evaluation?.diagnostics ?? []);
  return report.diagnostics.some((d) => d.severity === "error");
}

function evaluationSettings(options: CliOptions, preset: ReturnType<typeof loadPreset>) {
  const references = Object.fromEntries(options.references.map((r) => [r.name, r.value]));
  return { year: options.year!, preset, planStart: options.planStart, references };
}

async function run(options: CliOptions, out: Out): Promise<number> {
  const { book, inputs, outputs } = rolesOf(options);
  checkPaths(inputs, outputs);
  const mapping = options.layout ? loadLayout(options.layout) : null;
  const preset = options.command === "fill" ? null : loadPreset(options.preset);
  const actuals = options.command === "fill" ? readActuals(options.actuals!, options.year!, options.encoding) : null;

  const buffer = readInput(book);
  const started = Date.now();
  const large = buffer.length > 2_000_000;
  if (large) out.progress(`読み込み中… ${options.book} (${(buffer.length / 1e6).toFixed(1)} MB)`);
  const opened = await openXlsx(buffer, options.book, { codec: nodeZipCodec });
  // The refusal's message is Japanese; the zip or XML parser's own words (the cause) only with --debug.
  if (!opened.ok) throw new Refusal({ code: "book-refused", input: book, detail: opened.message }, opened.cause ? new Error(`${opened.detail ? `${opened.detail}: ` : ""}${opened.cause}`) : undefined);
  if (large) out.progress(`読み込み完了 (${Date.now() - started} ms)`);
  const host = new XlsxHost(opened.book);
  const report: Report = { year: options.year ?? null, preset: null, indicators: [], tables: [], diagnostics: [] };
  let problems = false;
  let written = false;

  if (options.command === "check") {
    const result = await runCheck(host, options.year === undefined ? undefined : evaluationSettings(options, preset!), mapping);
    problems = describe(report, result.model, result.evaluation, preset!, options);
    printCheck(out, result.model, result.evaluation, preset!);
  } else if (options.command === "evaluate") {
    if (large) out.progress("評価中…");
    const result = await runEvaluate(host, evaluationSettings(options, preset!), mapping);
    problems = describe(report, result.model, result.evaluation, preset!, options);
    report.protectedSheets = result.plan.protectedSheets ?? [];
    printEvaluation(out, result.model, result.evaluation, preset!);
    printProtected(out, report.protectedSheets);
    written = result.plan.writes.length > 0;
    problems ||= report.protectedSheets.length > 0;
  } else {
    const result = await runFill(host, { year: options.year!, rows: actuals!.rows, overwrite: options.overwrite }, false, undefined, mapping);
    report.tables = reportTables(result.model);
    report.diagnostics = reportDiagnostics(result.model.diagnostics);
    report.fill = result.fill.outcomes.map((o) => ({
      line: o.input.line ?? null,
      status: o.status,
      sheet: o.cell?.sheet ?? null,
      cell: o.cell ? toA1(o.cell.row, o.cell.col) : null,
      message: o.message,
      ...(o.warning ? { warning: o.warning } : {}),
    }));
    report.skippedLines = actuals!.problems;
    report.protectedSheets = result.fill.plan.protectedSheets ?? [];
    printFill(out, result.fill, actuals!.problems.map((p) => `${path.basename(options.actuals!)} ${p.line}行目: ${p.message}`));
    written = result.fill.plan.writes.length > 0;
    const c = result.fill.counts;
    const warnings = result.fill.outcomes.some((o) => o.warning);
    problems = c.conflict + c.unmatched + c.ambiguous + c.duplicate + c.invalid + c.protected + actuals!.problems.length > 0 || warnings;
  }

  const pending: PendingOutput[] = [];
  const [target, json] = [outputs.find((o) => o.flag !== "--json"), outputs.find((o) => o.flag === "--json")];
  if (written && target) {
    if (large) out.progress(`書き出し中… ${target.path}`);
    pending.push({ role: target, bytes: await opened.book.save() });
    report.output = target.path;
  }
  if (json) pending.push({ role: json, bytes: `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n` });
  commitOutputs(pending);
  if (written && target) out.line(`出力: ${target.path}`);
  else if (options.command !== "check") out.line("書き込む内容がないため、ファイルは作成しませんでした。");
  if (json) out.line(`レポート: ${json.path}`);
  if (large) out.progress(`完了 (${Date.now() - started} ms)`);
  if (!problems) return EXIT_DONE;
  return written ? EXIT_WITH_PROBLEMS : EXIT_NOTHING_WRITTEN;
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Run kpi-sheets; every message is Japanese unless the locale is another language; stack traces only with --debug. */
export async function main(argv: string[], out: Out = consoleOut, env: Record<string, string | undefined> = process.env): Promise<number> {
  const locale: Locale = localeOf(env);
  const prefix = locale === "ja" ? "エラー: " : "Error: ";
  const parsed = parseCli(argv);
  if (!parsed.ok) {
    out.error(`${prefix}${cliMessage(parsed.problem, locale)}`);
    out.error(parsed.problem.code === "no-command" ? usage(locale) : usageHint(locale));
    return EXIT_NOTHING_WRITTEN;
  }
  if ("help" in parsed) {
    out.line(usage(locale));
    return EXIT_DONE;
  }
  const { options } = parsed;
  try {
    return await run(options, out);
  } catch (error) {
    if (error instanceof Refusal) {
      out.error(`${prefix}${cliMessage(error.problem, locale)}`);
      if (options.debug) out.error([stackOf(error), ...(error.cause === undefined ? [] : [`原因 / cause: ${stackOf(error.cause)}`])].join("\n"));
    } else if (error instanceof NoKpiSheetError) {
      out.error(`${prefix}${cliMessage({ code: "no-kpi-sheet", input: { flag: "book", path: options.book }, detail: error.message }, locale)}`);
    } else {
      out.error(`${prefix}${cliMessage({ code: "internal", detail: error instanceof Error ? error.message : String(error) }, locale)}`);
      if (options.debug) out.error(stackOf(error));
    }
    return EXIT_NOTHING_WRITTEN;
  }
}

const consoleOut: Out = {
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => process.stderr.write(`${text}\n`),
};
