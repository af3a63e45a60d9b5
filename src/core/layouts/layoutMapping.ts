import { z } from "zod";
import { columnName, parseA1 } from "../cells/address";
import type { ColumnRole, IndicatorTable, Layout, TableColumn } from "../workbook/WorkbookModel";

/**
 * The column mapping: tables whose header and column roles a person set by hand, when detection
 * got them wrong or found nothing. Saved in the workbook's settings by the task pane, exported as
 * JSON, read by the CLI (`--layout mapping.json`). Rows are 1-based, columns are letters, as a
 * person sees them in Excel.
 */
export const COLUMN_ROLES = [
  "projectNo", "name", "unit", "baseline", "baselinePeriod", "target", "targetPeriod", "actual", "rate", "grade",
  "department", "direction", "division", "year", "ignore",
] as const satisfies readonly ColumnRole[];

/** Roles whose column is one fiscal year's (目標値 (R8), 実績値 (R7), 達成率 (R7), 評価 (R7), a row-wise year). */
export const ROLES_WITH_YEAR: readonly ColumnRole[] = ["target", "actual", "rate", "grade", "baseline", "year"];

export const MappedColumnSchema = z.object({
  column: z.string().regex(/^[A-Z]{1,3}$/, "列は A, B, … AA のような英字です"),
  role: z.enum(COLUMN_ROLES),
  year: z.number().int().min(1989).max(2100).nullable().default(null),
});

export const MappedTableSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    /** The header's first and last row (1-based; the same row for a one-row header). */
    headerTop: z.number().int().min(1).max(1_048_576),
    headerBottom: z.number().int().min(1).max(1_048_576),
    layout: z.enum(["action-plan", "kpi-list", "row-wise"]),
    columns: z.array(MappedColumnSchema).min(1).max(500),
  })
  .refine((t) => t.headerBottom >= t.headerTop && t.headerBottom - t.headerTop <= 1, { message: "見出しは 1 行か 2 行です", path: ["headerBottom"] })
  .refine((t) => t.columns.some((c) => c.role === "name"), { message: "指標名の列が必要です", path: ["columns"] })
  .refine((t) => new Set(t.columns.map((c) => c.column)).size === t.columns.length, { message: "同じ列が二度あります", path: ["columns"] });

export const LayoutMappingSchema = z.object({
  version: z.literal(1),
  tables: z.array(MappedTableSchema).max(1000).default([]),
});

export type MappedColumn = z.infer<typeof MappedColumnSchema>;
export type MappedTable = z.infer<typeof MappedTableSchema>;
export type LayoutMapping = z.infer<typeof LayoutMappingSchema>;

export const EMPTY_MAPPING: LayoutMapping = { version: 1, tables: [] };

/** Validate a mapping from JSON or settings; the message names the faulty field in Japanese. */
export function parseLayoutMapping(json: unknown): { ok: true; mapping: LayoutMapping } | { ok: false; message: string } {
  const result = LayoutMappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  const problems = result.error.issues.map((issue) => `「${issue.path.join(".") || "(全体)"}」: ${issue.message}`);
  return { ok: false, message: `列の対応の項目が正しくありません: ${problems.join("、")}` };
}

/** A mapped table's header rows and roles, 0-based, as the readers take them. */
export interface MappedHeader {
  top: number;
  bottom: number;
  layout: Layout;
  roles: TableColumn[];
}

/** Mapped tables of one sheet by their first header row (0-based). */
export function mappedHeaders(mapping: LayoutMapping | null | undefined, sheet: string, headerText: (row: number, col: number) => string): Map<number, MappedHeader> {
  const found = new Map<number, MappedHeader>();
  for (const t of mapping?.tables ?? []) {
    if (t.sheet !== sheet) continue;
    const top = t.headerTop - 1;
    const bottom = t.headerBottom - 1;
    const roles: TableColumn[] = [];
    for (const c of t.columns) {
      const col = parseA1(`${c.column}1`)!.col;
      if (c.role === "ignore") continue;
      roles.push({ col, role: c.role, fy: ROLES_WITH_YEAR.includes(c.role) ? c.year : null, header: headerText(bottom, col) || headerText(top, col) });
    }
    found.set(top, { top, bottom, layout: t.layout, roles: roles.sort((a, b) => a.col - b.col) });
  }
  return found;
}

/** A table as a mapping entry: the starting point when a person changes one of its columns. */
export function tableToMapping(table: IndicatorTable): MappedTable {
  return {
    sheet: table.sheet,
    headerTop: table.headerTop + 1,
    headerBottom: table.headerRow + 1,
    layout: table.layout,
    columns: table.roles.map((r) => ({ column: columnName(r.col), role: r.role, year: ROLES_WITH_YEAR.includes(r.role) ? r.fy : null })),
  };
}

function sameHeader(a: MappedTable, sheet: string, top: number): boolean {
  return a.sheet === sheet && a.headerTop === top;
}

/** The mapping with one table's entry replaced (or added). */
export function withTable(mapping: LayoutMapping, entry: MappedTable): LayoutMapping {
  const tables = mapping.tables.filter((t) => !sameHeader(t, entry.sheet, entry.headerTop));
  tables.push(entry);
  tables.sort((a, b) => (a.sheet === b.sheet ? a.headerTop - b.headerTop : a.sheet < b.sheet ? -1 : 1));
  return { version: 1, tables };
}

/** The mapping without the entry of the table whose header starts at `headerTop` (1-based). */
export function withoutTable(mapping: LayoutMapping, sheet: string, headerTop: number): LayoutMapping {
  return { version: 1, tables: mapping.tables.filter((t) => !sameHeader(t, sheet, headerTop)) };
}

/** A table's entry with one column's role (and year) set: columns not yet listed are added. */
export function withColumnRole(entry: MappedTable, column: string, role: ColumnRole, year: number | null): MappedTable {
  const columns = entry.columns.filter((c) => c.column !== column);
  columns.push({ column, role, year: ROLES_WITH_YEAR.includes(role) ? year : null });
  columns.sort((a, b) => (parseA1(`${a.column}1`)!.col - parseA1(`${b.column}1`)!.col));
  const layout: Layout = columns.some((c) => c.role === "division" || c.role === "year") ? "row-wise" : entry.layout === "row-wise" ? "kpi-list" : entry.layout;
  return { ...entry, layout, columns };
}
