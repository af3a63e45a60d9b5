import type { CellValue } from "../../src/core/cells/RawCell";
import type { CellArea } from "../../src/core/cells/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";
import type { WritePlan } from "../../src/core/workbook/WritePlan";

/** A sheet snapshot from rows of values, as a host reads it. */
export function sheetFromRows(name: string, rows: CellValue[][], options: { origin?: { row: number; col: number }; merges?: CellArea[] } = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return {
    name,
    origin: options.origin ?? { row: 0, col: 0 },
    values,
    numberFormats: values.map((r) => r.map(() => "General")),
    merges: options.merges ?? [],
  };
}

export interface AppliedCell {
  value: CellValue;
  numberFormat: string;
  fill: string | null;
  note: string | null;
}

/**
 * Apply a plan to a snapshot the way an adapter does (values, formats; fills and notes kept aside),
 * returning the new snapshot and the fills/notes by "sheet!row!col".
 */
export function applyPlan(book: WorkbookSnapshot, plan: WritePlan, fills = new Map<string, string | null>(), notes = new Map<string, string | null>()): { book: WorkbookSnapshot; fills: Map<string, string | null>; notes: Map<string, string | null> } {
  const sheets = book.sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
  }));
  for (const w of plan.writes) {
    const sheet = sheets.find((s) => s.name === w.sheet);
    if (!sheet) throw new Error(`no sheet ${w.sheet}`);
    const r = w.row - sheet.origin.row;
    const c = w.col - sheet.origin.col;
    while (sheet.values.length <= r) {
      sheet.values.push([]);
      sheet.numberFormats.push([]);
    }
    for (const line of [sheet.values, sheet.numberFormats]) {
      for (const row of line as unknown[][]) while (row.length <= c) row.push(line === sheet.values ? null : "General");
    }
    const width = Math.max(...sheet.values.map((row) => row.length));
    sheet.values.forEach((row) => { while (row.length < width) row.push(null); });
    sheet.numberFormats.forEach((row) => { while (row.length < width) row.push("General"); });
    if (w.value !== undefined) sheet.values[r][c] = w.value;
    if (w.numberFormat !== undefined) sheet.numberFormats[r][c] = w.numberFormat;
    const key = `${w.sheet}!${w.row}!${w.col}`;
    if (w.fill !== undefined && (w.fillOnlyIf === undefined || fills.get(key) === w.fillOnlyIf)) fills.set(key, w.fill);
    if (w.note !== undefined) notes.set(key, w.note);
  }
  return { book: { sheets }, fills, notes };
}
