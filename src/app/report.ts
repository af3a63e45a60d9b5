import { z } from "zod";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { Diagnostic } from "../core/workbook/Diagnostic";
import { columnName } from "../core/cells/address";
import { COLUMN_ROLES, ROLES_WITH_YEAR } from "../core/layouts/layoutMapping";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";

export const FLAG_NAMES = ["missing-actual", "formula-not-computed", "no-target", "monitoring", "reference-missing", "direction-inferred", "no-baseline", "unit-mismatch", "unreadable"] as const;

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
  status: z.enum(["new", "unchanged", "conflict", "overwritten", "unmatched", "ambiguous", "duplicate", "invalid", "protected"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
  /** Written, but the value's unit disagrees with the indicator's. */
  warning: z.string().optional(),
});

export const ReportColumnSchema = z.object({
  /** Column letter (`C`). */
  column: z.string(),
  /** The header as read (a two-row header's rows joined by " / "). */
  header: z.string(),
  role: z.enum(COLUMN_ROLES),
  /** The fiscal year the column is for, when the role has one. */
  year: z.number().int().nullable(),
});

export const ReportTableSchema = z.object({
  sheet: z.string(),
  layout: z.enum(["action-plan", "kpi-list", "row-wise"]),
  /** Detected by the reader, or set by hand (the column mapping). */
  source: z.enum(["detected", "mapped"]),
  /** The header's rows (1-based): one, or a group row over a sub-header row. */
  headerRows: z.array(z.number().int().positive()),
  /** The indicators' rows (1-based, inclusive). */
  rows: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  projectNo: z.string().nullable(),
  indicators: z.number().int().nonnegative(),
  columns: z.array(ReportColumnSchema),
});

/** The JSON report of `kpi-sheets … --json`: the public shape, kept stable. */
export const ReportSchema = z.object({
  year: z.number().int().nullable(),
  preset: z.string().nullable(),
  indicators: z.array(ReportIndicatorSchema),
  /** Every indicator table found, with the role read for each of its columns. */
  tables: z.array(ReportTableSchema),
  diagnostics: z.array(ReportDiagnosticSchema),
  /** fill only: what happened to each input row. */
  fill: z.array(FillOutcomeSchema).optional(),
  /** Protected sheets the operation did not write (fill, evaluate). */
  protectedSheets: z.array(z.string()).optional(),
  /** Lines of the actuals file that were not read (fill only), each with its reason. */
  skippedLines: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })).optional(),
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

export function reportTables(model: WorkbookModel): z.infer<typeof ReportTableSchema>[] {
  const counts = new Map<string, number>();
  for (const i of model.indicators) counts.set(i.tableId, (counts.get(i.tableId) ?? 0) + 1);
  return model.tables.map((t) => ({
    sheet: t.sheet,
    layout: t.layout,
    source: t.source,
    headerRows: t.headerTop === t.headerRow ? [t.headerRow + 1] : [t.headerTop + 1, t.headerRow + 1],
    rows: [t.firstRow + 1, Math.max(t.firstRow, t.lastRow) + 1] as [number, number],
    projectNo: t.project?.no ?? null,
    indicators: counts.get(t.id) ?? 0,
    columns: t.roles.map((r) => ({ column: columnName(r.col), header: r.header, role: r.role, year: ROLES_WITH_YEAR.includes(r.role) ? r.fy : null })),
  }));
}

export function reportDiagnostics(...lists: Diagnostic[][]): Report["diagnostics"] {
  return lists.flat().map((d) => ({ ...d }));
}
