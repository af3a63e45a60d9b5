import { z } from "zod";
import { columnName, parseA1 } from "../cells/address";
import { Grid } from "../workbook/Grid";
import type { SheetSnapshot } from "../workbook/SheetSnapshot";
import type { ColumnRole, IndicatorTable, Layout, TableColumn } from "../workbook/WorkbookModel";
import { readHeaderBand } from "./headerBand";

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

/**
 * Mapped tables of one sheet by their first header row (0-based). The columns an entry lists have
 * the roles it gives; a column right of them that it does not list (one added since, such as the
 * `R7達成率` column evaluate writes) is read as detection reads it.
 */
export function mappedHeaders(mapping: LayoutMapping | null | undefined, grid: Grid): Map<number, MappedHeader> {
  const found = new Map<number, MappedHeader>();
  for (const t of mapping?.tables ?? []) {
    if (t.sheet !== grid.name) continue;
    const top = t.headerTop - 1;
    const bottom = t.headerBottom - 1;
    const listed = new Set<number>();
    const roles: TableColumn[] = [];
    const headerText = (col: number) => grid.display(bottom, col) || grid.display(top, col);
    for (const c of t.columns) {
      const col = parseA1(`${c.column}1`)!.col;
      listed.add(col);
      if (c.role === "ignore") continue;
      roles.push({ col, role: c.role, fy: ROLES_WITH_YEAR.includes(c.role) ? c.year : null, header: headerText(col) });
    }
    const last = Math.max(...listed);
    for (const detected of readHeaderBand(grid, top, bottom, last + 1, grid.right - 1, null).columns) roles.push(detected);
    found.set(top, { top, bottom, layout: t.layout, roles: roles.sort((a, b) => a.col - b.col) });
  }
  return found;
}

/**
 * Every column of a table's header a person may give a role: those read, and those headed with
 * text no rule reads (`ignore`), left to right. A 事業シート table starts at its name column.
 */
export function headerColumns(sheet: SheetSnapshot, table: IndicatorTable): TableColumn[] {
  const grid = new Grid(sheet);
  const byCol = new Map(table.roles.map((r) => [r.col, r]));
  const from = table.layout === "action-plan" ? table.columns.name : grid.left;
  const out: TableColumn[] = [];
  for (let col = from; col < grid.right; col++) {
    const known = byCol.get(col);
    if (known) {
      out.push(known);
      continue;
    }
    if (grid.isMergeSlave(table.headerRow, col) && grid.isMergeSlave(table.headerTop, col)) continue;
    const bottom = grid.display(table.headerRow, col);
    const top = table.headerTop === table.headerRow ? "" : grid.display(table.headerTop, col);
    const header = top && bottom ? `${top} / ${bottom}` : top || bottom;
    if (header !== "") out.push({ col, role: "ignore", fy: null, header });
  }
  return out;
}

/** A table as a mapping entry: the starting point when a person changes one of its columns. */
export function tableToMapping(table: IndicatorTable, columns: TableColumn[] = table.roles): MappedTable {
  return {
    sheet: table.sheet,
    headerTop: table.headerTop + 1,
    headerBottom: table.headerRow + 1,
    layout: table.layout,
    columns: columns.map((r) => ({ column: columnName(r.col), role: r.role, year: ROLES_WITH_YEAR.includes(r.role) ? r.fy : null })),
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

/** Why a mapping change cannot be made: a code and what it concerns (worded by the pane in its language). */
export type MappingProblem =
  | { code: "table-gone" }
  | { code: "sheet-gone"; sheet: string }
  | { code: "too-many-rows"; top: number; bottom: number }
  | { code: "no-header"; sheet: string; row: number }
  | { code: "needs-name" }
  | { code: "invalid"; detail: string };

/**
 * A new table whose header is the selected row (or two rows: a group row over a sub-header row):
 * each column's role as the header words say, `ignore` where they say nothing; the first text
 * column is the name when no header names one. A problem when the selection cannot be a header.
 * Rows are 0-based.
 */
export function tableFromSelection(sheet: SheetSnapshot, top: number, bottom: number): { ok: true; table: MappedTable } | { ok: false; problem: MappingProblem } {
  if (bottom - top > 1) return { ok: false, problem: { code: "too-many-rows", top: top + 1, bottom: bottom + 1 } };
  const grid = new Grid(sheet);
  const band = readHeaderBand(grid, top, bottom, grid.left, grid.right - 1, null);
  const roles = new Map(band.columns.map((c) => [c.col, c]));
  const columns: MappedColumn[] = [];
  for (let col = grid.left; col < grid.right; col++) {
    const text = grid.text(bottom, col) || grid.text(top, col);
    const known = roles.get(col);
    if (!known && text === "") continue;
    columns.push({ column: columnName(col), role: known?.role ?? "ignore", year: known && ROLES_WITH_YEAR.includes(known.role) ? known.fy : null });
  }
  if (columns.length === 0) return { ok: false, problem: { code: "no-header", sheet: sheet.name, row: top + 1 } };
  if (!columns.some((c) => c.role === "name")) {
    const first = columns.find((c) => c.role === "ignore") ?? columns[0];
    first.role = "name";
    first.year = null;
  }
  const layout: Layout = columns.some((c) => c.role === "division" || c.role === "year") ? "row-wise" : "kpi-list";
  return { ok: true, table: { sheet: sheet.name, headerTop: top + 1, headerBottom: bottom + 1, layout, columns } };
}

/** The mapping checked before it is saved: a table needs its name column; anything else the schema says. */
export function checkMapping(mapping: LayoutMapping): { ok: true; mapping: LayoutMapping } | { ok: false; problem: MappingProblem } {
  if (mapping.tables.some((t) => !t.columns.some((c) => c.role === "name"))) return { ok: false, problem: { code: "needs-name" } };
  const parsed = parseLayoutMapping(mapping);
  return parsed.ok ? parsed : { ok: false, problem: { code: "invalid", detail: parsed.message } };
}
