import { z } from "zod";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { Diagnostic } from "../core/workbook/Diagnostic";

export const FLAG_NAMES = ["missing-actual", "no-target", "monitoring", "reference-missing", "direction-inferred", "no-baseline", "unit-mismatch", "unreadable"] as const;

export const ReportDiagnosticSchema = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  sheet: z.string(),
  cell: z.string(),
  message: z.string(),
});

export const ReportIndicatorSchema = z.object({
  sheet: z.string(),
  /** 1-based row of the indicator. */
  row: z.number().int().positive(),
  projectNo: z.string().nullable(),
  department: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(["up", "down"]),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** A fraction: 0.756 for 75.6 %. */
  rate: z.number().nullable(),
  /** The preset's label, or "−" (U+2212) when not graded. */
  grade: z.string(),
  trend: z.enum(["improved", "worsened", "unchanged"]).nullable(),
  flags: z.array(z.enum(FLAG_NAMES)),
  explanation: z.string(),
});

export const FillOutcomeSchema = z.object({
  line: z.number().int().nullable(),
  status: z.enum(["new", "unchanged", "conflict", "overwritten", "unmatched", "ambiguous", "duplicate", "invalid"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
});

/** The JSON report of `kpi-sheets … --json`: the public shape, kept stable. */
export const ReportSchema = z.object({
  year: z.number().int().nullable(),
  preset: z.string().nullable(),
  indicators: z.array(ReportIndicatorSchema),
  diagnostics: z.array(ReportDiagnosticSchema),
  /** fill only: what happened to each input row. */
  fill: z.array(FillOutcomeSchema).optional(),
  /** The file written, when one was. */
  output: z.string().optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportIndicator = z.infer<typeof ReportIndicatorSchema>;

export function reportIndicators(evaluation: WorkbookEvaluation): ReportIndicator[] {
  return evaluation.outcomes.map(({ indicator, result }) => ({
    sheet: indicator.sheet,
    row: indicator.row + 1,
    projectNo: indicator.projectNo ?? null,
    department: indicator.department ?? null,
    name: indicator.name,
    unit: result.unit,
    direction: result.direction,
    baseline: result.baseline,
    target: result.target,
    actual: result.actual,
    rate: result.rate,
    grade: result.grade,
    trend: result.trend,
    flags: [...result.flags],
    explanation: result.explanation,
  }));
}

export function reportDiagnostics(...lists: Diagnostic[][]): Report["diagnostics"] {
  return lists.flat().map((d) => ({ ...d }));
}
