import Papa from "papaparse";
import { z } from "zod";
import { extractPeriodFromHeader } from "../../core/periods/parsePeriod";
import type { FiscalYear } from "../../core/periods/Period";
import { CSV_ROW_MESSAGES, csvRefusalMessage, type CsvRefusal, type CsvRowCode } from "./csvMessages";

export const ActualRowSchema = z.object({
  /** 1-based line of the source. */
  line: z.number().int().positive(),
  projectNo: z.string().min(1).optional(),
  indicator: z.string().min(1).optional(),
  sheet: z.string().min(1).optional(),
  cell: z.string().min(1).optional(),
  /** The value exactly as typed (trimmed); the core reads it. */
  actual: z.string().min(1),
}).refine((r) => r.indicator !== undefined || (r.sheet !== undefined && r.cell !== undefined), {
  message: "指標名、またはシートとセルが必要です",
});

export type ActualRow = z.infer<typeof ActualRowSchema>;

export interface RowProblem {
  line: number;
  code: CsvRowCode;
  message: string;
}

/** Rows read, the lines not read (each with why), or the refusal of the whole file. */
export type ActualRows =
  | { ok: true; rows: ActualRow[]; problems: RowProblem[] }
  | { ok: false; refusal: CsvRefusal; message: string };

type Column = "projectNo" | "indicator" | "actual" | "sheet" | "cell";

const HEADER_ALIASES: Record<Column, string[]> = {
  projectNo: ["事業番号", "事業no", "事業no.", "no", "no.", "番号", "project", "projectno"],
  indicator: ["指標", "指標名", "項目", "indicator", "name"],
  actual: ["実績値", "実績", "actual", "value"],
  sheet: ["シート", "シート名", "sheet"],
  cell: ["セル", "セル番地", "cell"],
};

function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function columnOf(header: string): Column | null {
  const key = headerKey(header);
  for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [Column, string[]][]) {
    if (aliases.includes(key) || (column === "actual" && /^(実績|実績値)|(実績|実績値)$/.test(key))) return column;
  }
  return null;
}

type ColumnMap = Partial<Record<Column, number>>;

function refuse(refusal: CsvRefusal): ActualRows {
  return { ok: false, refusal, message: csvRefusalMessage(refusal) };
}

/**
 * The columns of a header row. Several columns that could hold the actual are ambiguous, unless
 * `year` picks exactly one by the year its header names; a header naming another year is refused.
 */
function mapHeader(header: string[], year: FiscalYear | undefined): ColumnMap | CsvRefusal {
  const map: ColumnMap = {};
  const actuals: number[] = [];
  header.forEach((h, i) => {
    const column = columnOf(h);
    if (column === "actual") actuals.push(i);
    else if (column && map[column] === undefined) map[column] = i;
  });
  if (actuals.length === 0) return { code: "no-header", headers: header, missing: "actual" };
  if (map.indicator === undefined && (map.sheet === undefined || map.cell === undefined)) return { code: "no-header", headers: header, missing: "indicator" };
  const yearOf = (i: number) => {
    const period = extractPeriodFromHeader(header[i]);
    return period?.kind === "fiscalYear" ? period.fy : null;
  };
  if (year === undefined) {
    if (actuals.length > 1) return { code: "ambiguous-actual", headers: actuals.map((i) => header[i]) };
    map.actual = actuals[0];
    return map;
  }
  const sameYear = actuals.filter((i) => yearOf(i) === year);
  const noYear = actuals.filter((i) => yearOf(i) === null);
  if (sameYear.length === 1) map.actual = sameYear[0];
  else if (sameYear.length > 1) return { code: "ambiguous-actual", headers: sameYear.map((i) => header[i]) };
  else if (actuals.length === 1) {
    const other = yearOf(actuals[0]);
    if (other !== null) return { code: "year-mismatch", header: header[actuals[0]], headerYear: other, year };
    map.actual = actuals[0];
  } else if (noYear.length === 0) return { code: "no-year-column", headers: actuals.map((i) => header[i]), year };
  else return { code: "ambiguous-actual", headers: actuals.map((i) => header[i]) };
  return map;
}

interface Row {
  line: number;
  cells: string[];
}

function rowProblem(line: number, code: CsvRowCode, detail = ""): RowProblem {
  return { line, code, message: CSV_ROW_MESSAGES[code](detail) };
}

/** Rows whose values all map to their columns; a row of another width, or with a line break in a value, is reported. */
function toRows(records: Row[], map: ColumnMap, width: number | null): { rows: ActualRow[]; problems: RowProblem[] } {
  const rows: ActualRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells: record } of records) {
    if (record.every((v) => v.trim() === "")) continue;
    if (width !== null && record.length !== width && (record.length < width || record.slice(width).some((v) => v.trim() !== ""))) {
      problems.push(rowProblem(line, "column-count", `見出し ${width} 列、この行 ${record.length} 列`));
      continue;
    }
    const broken = record.find((v) => /[\r\n]/.test(v));
    if (broken !== undefined) {
      problems.push(rowProblem(line, "line-break", broken.replace(/\r?\n|\r/g, "⏎")));
      continue;
    }
    const get = (c: Column) => {
      const index = map[c];
      const v = index === undefined ? "" : (record[index] ?? "").trim();
      return v === "" ? undefined : v;
    };
    const candidate = { line, projectNo: get("projectNo"), indicator: get("indicator"), sheet: get("sheet"), cell: get("cell"), actual: get("actual") };
    if (candidate.actual === undefined) {
      problems.push(rowProblem(line, "empty-actual"));
      continue;
    }
    const parsed = ActualRowSchema.safeParse(candidate);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(rowProblem(line, "invalid-row", parsed.error.issues.map((x) => x.message).join("、")));
  }
  return { rows, problems };
}

/** Records with the line each starts on (a quoted value may span lines); trailing blank records dropped. */
function parseRecords(text: string, delimiter: string): Row[] | CsvRefusal {
  const source = text.replace(/\r\n?/g, "\n");
  const records: Row[] = [];
  let line = 1;
  let offset = 0;
  let unclosed: number | null = null;
  Papa.parse<string[]>(source, {
    delimiter,
    newline: "\n",
    skipEmptyLines: false,
    step: (result) => {
      records.push({ line, cells: result.data });
      if (result.errors.some((e) => e.code === "MissingQuotes")) unclosed ??= line;
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (source.charCodeAt(i) === 10) line++;
      offset = end;
    },
  });
  if (unclosed !== null) return { code: "unclosed-quote", line: unclosed };
  while (records.length > 0 && records[records.length - 1].cells.every((v) => v.trim() === "")) records.pop();
  return records;
}

function isRefusal(x: unknown): x is CsvRefusal {
  return typeof x === "object" && x !== null && "code" in x && !Array.isArray(x);
}

/**
 * Rows of a CSV/TSV of actuals: a header with 指標 and 実績値 (事業番号 optional), or シート and
 * セル. Values stay text exactly as typed. A file without the required columns, with several
 * possible actual columns or with a header of another year than `year` is refused as a whole; a
 * line of another width than the header (an unquoted `1,234`) or with a line break in a value is
 * reported by its line and not read.
 */
export function parseActualRows(text: string, options: { fileName?: string; year?: FiscalYear } = {}): ActualRows {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = options.fileName?.toLowerCase().endsWith(".tsv") || firstLine.includes("\t") ? "\t" : ",";
  const records = parseRecords(text, delimiter);
  if (isRefusal(records)) return refuse(records);
  if (records.length === 0) return refuse({ code: "empty" });
  const map = mapHeader(records[0].cells, options.year);
  if (isRefusal(map)) return refuse(map);
  return { ok: true, ...toRows(records.slice(1), map, records[0].cells.length) };
}

/**
 * A block pasted from Excel (tab-separated), with or without the header: without it, two columns
 * are name and value, three are project number, name and value. Excel copies a rectangle: a line
 * of another width is reported, as is a value with a line break.
 */
export function parsePastedBlock(text: string, options: { year?: FiscalYear } = {}): ActualRows {
  const records = parseRecords(text, "\t");
  if (isRefusal(records)) return refuse(records);
  if (records.length === 0) return { ok: true, rows: [], problems: [] };
  const map = mapHeader(records[0].cells, options.year);
  if (!isRefusal(map)) return { ok: true, ...toRows(records.slice(1), map, records[0].cells.length) };
  if (map.code !== "no-header") return refuse(map);
  const filled = (r: string[]) => {
    let n = r.length;
    while (n > 0 && r[n - 1].trim() === "") n--;
    return n;
  };
  const width = Math.max(...records.map((r) => filled(r.cells)));
  const positional: ColumnMap = width >= 3 ? { projectNo: 0, indicator: 1, actual: 2 } : { indicator: 0, actual: 1 };
  return { ok: true, ...toRows(records, positional, Math.max(...records.map((r) => r.cells.length))) };
}
