import Papa from "papaparse";
import { z } from "zod";

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
  message: string;
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

/**
 * UTF-8 (with or without BOM), or Shift_JIS (Windows-31J) as Excel in Japan saves CSV. Uses the
 * platform's TextDecoder (browsers and Node with full ICU, the default build, know shift_jis).
 */
export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncoding } {
  const bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "shift_jis" };
  }
}

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
    if (aliases.includes(key) || (column === "actual" && /^(実績|実績値)/.test(key))) return column;
  }
  return null;
}

function mapHeader(header: string[]): Partial<Record<Column, number>> | null {
  const map: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const column = columnOf(h);
    if (column && map[column] === undefined) map[column] = i;
  });
  return map.actual !== undefined && (map.indicator !== undefined || (map.sheet !== undefined && map.cell !== undefined)) ? map : null;
}

function toRows(records: string[][], map: Partial<Record<Column, number>>, firstLine: number): { rows: ActualRow[]; problems: RowProblem[] } {
  const rows: ActualRow[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, i) => {
    const line = firstLine + i;
    if (record.every((v) => v.trim() === "")) return;
    const get = (c: Column) => {
      const index = map[c];
      const v = index === undefined ? "" : (record[index] ?? "").trim();
      return v === "" ? undefined : v;
    };
    const candidate = { line, projectNo: get("projectNo"), indicator: get("indicator"), sheet: get("sheet"), cell: get("cell"), actual: get("actual") };
    if (candidate.actual === undefined) {
      problems.push({ line, message: "実績値が空のため読み飛ばしました。" });
      return;
    }
    const parsed = ActualRowSchema.safeParse(candidate);
    if (parsed.success) rows.push(parsed.data);
    else problems.push({ line, message: parsed.error.issues.map((x) => x.message).join("、") });
  });
  return { rows, problems };
}

function parseRecords(text: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const records = result.data;
  while (records.length > 0 && records[records.length - 1].every((v) => v.trim() === "")) records.pop();
  return records;
}

/**
 * Rows of a CSV/TSV of actuals: a header with 指標 and 実績値 (事業番号 optional), or シート and
 * セル. Values stay text exactly as typed. A file without the required columns is an error.
 */
export function parseActualRows(text: string, options: { fileName?: string } = {}): { rows: ActualRow[]; problems: RowProblem[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = options.fileName?.toLowerCase().endsWith(".tsv") || firstLine.includes("\t") ? "\t" : ",";
  const records = parseRecords(text, delimiter);
  if (records.length === 0) throw new Error("ファイルが空です。");
  const map = mapHeader(records[0]);
  if (!map) {
    const found = records[0].map((h) => h.trim()).filter(Boolean).join("、") || "なし";
    const missing = records[0].some((h) => columnOf(h) === "actual") ? "「指標」列（または「シート」「セル」列）" : "「実績値」列";
    throw new Error(`1行目の見出しに${missing}がありません（見出し: ${found}）。必要な列: 事業番号（任意）、指標、実績値。`);
  }
  return toRows(records.slice(1), map, 2);
}

/**
 * A block pasted from Excel (tab-separated), with or without the header: without it, two columns
 * are name and value, three are project number, name and value.
 */
export function parsePastedBlock(text: string): { rows: ActualRow[]; problems: RowProblem[] } {
  const records = parseRecords(text.replace(/\r\n?/g, "\n"), "\t");
  if (records.length === 0) return { rows: [], problems: [] };
  const map = mapHeader(records[0]);
  if (map) return toRows(records.slice(1), map, 2);
  const filled = (r: string[]) => {
    let n = r.length;
    while (n > 0 && r[n - 1].trim() === "") n--;
    return n;
  };
  const width = Math.max(...records.map(filled));
  const positional: Partial<Record<Column, number>> = width >= 3 ? { projectNo: 0, indicator: 1, actual: 2 } : { indicator: 0, actual: 1 };
  return toRows(records, positional, 1);
}
