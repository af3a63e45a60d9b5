import fs from "node:fs";
import path from "node:path";
import { NoKpiSheetError, runCheck, runEvaluate, runFill, type WorkbookHost } from "../app/operations";
import { reportDiagnostics, reportIndicators, reportTables, ReportSchema, type Report } from "../app/report";
import { parseLayoutMapping, type LayoutMapping } from "../core/layouts/layoutMapping";
import { parseActualRows, decodeText } from "../adapters/csv/readActuals";
import { applyWritePlan } from "../adapters/xlsx/applyWritePlan";
import { openXlsx } from "../adapters/xlsx/openXlsx";
import type { XlsxBook } from "../adapters/xlsx/XlsxBook";
import { toA1 } from "../core/cells/address";
import { getPreset, parsePreset } from "../core/presets/builtin";
import type { Preset } from "../core/presets/Preset";
import type { WorkbookSnapshot } from "../core/workbook/SheetSnapshot";
import type { WritePlan } from "../core/workbook/WritePlan";
import type { ActualInput } from "../core/plans/planFill";
import { parseCli, UsageError, USAGE, type CliOptions } from "./args";
import { printCheck, printEvaluation, printFill, type Out } from "./print";

export const EXIT_DONE = 0;
export const EXIT_NOTHING_WRITTEN = 1;
export const EXIT_WITH_PROBLEMS = 2;

/** An error that stops the run before anything is written (exit code 1). */
class Refusal extends Error {}

class XlsxHost implements WorkbookHost<{ changed: number }> {
  constructor(private readonly book: XlsxBook) {}

  read(): Promise<WorkbookSnapshot> {
    return this.book.snapshot();
  }

  async apply(plan: WritePlan): Promise<{ changed: number }> {
    const applied = await applyWritePlan(this.book, plan);
    if (!applied.ok) throw new Refusal(applied.message);
    return applied;
  }
}

function loadPreset(spec: string): Preset {
  if (spec.toLowerCase().endsWith(".json")) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(spec, "utf8"));
    } catch (error) {
      throw new Refusal(`プリセット「${spec}」を読めません: ${(error as Error).message}`);
    }
    const parsed = parsePreset(json);
    if (!parsed.ok) throw new Refusal(`プリセット「${spec}」が正しくありません: ${parsed.message}`);
    return parsed.preset;
  }
  const preset = getPreset(spec);
  if (!preset) throw new UsageError(`プリセット「${spec}」はありません（standard, progress, binary か .json ファイル）。`);
  return preset;
}

function loadMapping(file: string | undefined): LayoutMapping | null {
  if (file === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Refusal(`列の対応「${file}」を読めません: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseLayoutMapping(json);
  if (!parsed.ok) throw new Refusal(`列の対応「${file}」が正しくありません: ${parsed.message}`);
  return parsed.mapping;
}

function outputPath(options: CliOptions): string {
  if (options.out) return options.out;
  const ext = path.extname(options.book);
  const base = options.book.slice(0, options.book.length - ext.length);
  return `${base}.${options.command === "fill" ? "filled" : "evaluated"}${ext || ".xlsx"}`;
}

function readActuals(file: string): { rows: ActualInput[]; problems: string[] } {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new Refusal(`実績ファイル「${file}」を読めません: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { text } = decodeText(buffer);
  let parsed;
  try {
    parsed = parseActualRows(text, { fileName: file });
  } catch (error) {
    throw new Refusal(`実績ファイル「${file}」: ${(error as Error).message}`);
  }
  return {
    rows: parsed.rows.map((r) => ({ line: r.line, projectNo: r.projectNo, indicator: r.indicator, sheet: r.sheet, cell: r.cell, actual: r.actual })),
    problems: parsed.problems.map((p) => `${path.basename(file)} ${p.line}行目: ${p.message}`),
  };
}

async function run(options: CliOptions, out: Out): Promise<number> {
  const mapping = loadMapping(options.layout);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(options.book);
  } catch (error) {
    throw new Refusal(`ブック「${options.book}」を読めません: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const started = Date.now();
  const large = buffer.length > 2_000_000;
  if (large) out.progress(`読み込み中… ${options.book} (${(buffer.length / 1e6).toFixed(1)} MB)`);
  const opened = await openXlsx(buffer, options.book);
  if (!opened.ok) throw new Refusal(opened.message);
  if (large) out.progress(`読み込み完了 (${Date.now() - started} ms)`);
  const host = new XlsxHost(opened.book);
  const report: Report = { year: options.year ?? null, preset: null, indicators: [], tables: [], diagnostics: [] };
  let problems = false;
  let written = false;

  if (options.command === "check") {
    const preset = loadPreset(options.preset);
    const result = await runCheck(host, options.year === undefined ? undefined : { year: options.year, preset, planStart: options.planStart, references: options.references }, mapping);
    report.tables = reportTables(result.model);
    report.preset = result.evaluation ? preset.id : null;
    report.indicators = result.evaluation ? reportIndicators(result.evaluation) : [];
    report.diagnostics = reportDiagnostics(result.model.diagnostics, result.evaluation?.diagnostics ?? []);
    printCheck(out, result.model, result.evaluation, preset);
    problems = report.diagnostics.some((d) => d.severity === "error");
  } else if (options.command === "evaluate") {
    const preset = loadPreset(options.preset);
    const settings = { year: options.year!, preset, planStart: options.planStart, references: options.references };
    if (large) out.progress("評価中…");
    const result = await runEvaluate(host, settings, mapping);
    report.tables = reportTables(result.model);
    report.preset = preset.id;
    report.indicators = reportIndicators(result.evaluation);
    report.diagnostics = reportDiagnostics(result.model.diagnostics, result.evaluation.diagnostics);
    printEvaluation(out, result.model, result.evaluation, preset);
    written = result.plan.writes.length > 0;
    problems = report.diagnostics.some((d) => d.severity === "error");
  } else {
    const actuals = readActuals(options.actuals!);
    const result = await runFill(host, { year: options.year!, rows: actuals.rows, overwrite: options.overwrite }, false, undefined, mapping);
    report.tables = reportTables(result.model);
    report.diagnostics = reportDiagnostics(result.model.diagnostics);
    report.fill = result.fill.outcomes.map((o) => ({
      line: o.input.line ?? null,
      status: o.status,
      sheet: o.cell?.sheet ?? null,
      cell: o.cell ? toA1(o.cell.row, o.cell.col) : null,
      message: o.message,
    }));
    printFill(out, result.fill, actuals.problems);
    written = result.fill.plan.writes.length > 0;
    const c = result.fill.counts;
    problems = c.conflict + c.unmatched + c.ambiguous + c.duplicate + c.invalid + actuals.problems.length > 0;
  }

  if (written) {
    const target = outputPath(options);
    if (path.resolve(target) === path.resolve(options.book)) throw new Refusal("入力ファイルには上書きしません。--out に別のファイル名を指定してください。");
    if (large) out.progress(`書き出し中… ${target}`);
    fs.writeFileSync(target, await opened.book.save());
    report.output = target;
    out.line(`出力: ${target}`);
  } else if (options.command !== "check") {
    out.line("書き込む内容がないため、ファイルは作成しませんでした。");
  }
  if (options.json) {
    fs.writeFileSync(options.json, `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`);
    out.line(`レポート: ${options.json}`);
  }
  if (large) out.progress(`完了 (${Date.now() - started} ms)`);
  return problems ? EXIT_WITH_PROBLEMS : EXIT_DONE;
}

export async function main(argv: string[], out: Out = consoleOut): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) out.error(`エラー: ${error.message}`);
      out.error(USAGE);
      return EXIT_NOTHING_WRITTEN;
    }
    throw error;
  }
  try {
    return await run(options, out);
  } catch (error) {
    if (error instanceof Refusal || error instanceof NoKpiSheetError || error instanceof UsageError) {
      out.error(`エラー: ${error.message}`);
      return EXIT_NOTHING_WRITTEN;
    }
    out.error(`エラー: ${(error as Error).stack ?? String(error)}`);
    return EXIT_NOTHING_WRITTEN;
  }
}

const consoleOut: Out = {
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => process.stderr.write(`${text}\n`),
};
