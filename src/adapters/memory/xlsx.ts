import { applyEdits } from "../xlsx/applyEdits";
import type { CellEdit, SheetEdits } from "../xlsx/CellEdit";
import { openXlsx } from "../xlsx/openXlsx";
import type { WriteProblem, XlsxRefusal } from "../xlsx/refusals";
import { boldOf, fillOf } from "../xlsx/workbook/styles";
import type { XlsxBook } from "../xlsx/XlsxBook";
import { MemoryWorkbook, type MemoryCell } from "./MemoryWorkbook";

/** The file an in-memory workbook came from, and its cells as they were when opened (or last saved). */
export interface MemorySource {
  file: XlsxBook;
  baseline: Map<string, Map<string, MemoryCell>>;
}

function copyCells(book: MemoryWorkbook): Map<string, Map<string, MemoryCell>> {
  return new Map(book.sheets.map((s) => [s.name, new Map([...s.cells].map(([key, cell]) => [key, { ...cell }]))]));
}

/**
 * Open an .xlsx in the in-memory host through the file layer: values, formats and formulas as the
 * CLI reads them, with each cell's solid fill and bold, so that copying a look copies what Excel shows.
 */
export async function openInMemory(bytes: Uint8Array, fileName: string): Promise<{ ok: true; book: MemoryWorkbook; source: MemorySource } | XlsxRefusal> {
  const opened = await openXlsx(bytes, fileName, { keepStyles: true });
  if (!opened.ok) return opened;
  const book = MemoryWorkbook.fromSnapshot(opened.snapshot);
  const styles = opened.book.parts.styles.sheet;
  for (const sheet of book.sheets) {
    for (const [key, xf] of await opened.book.cellStyles(sheet.name)) {
      const fill = fillOf(styles, xf);
      const bold = boldOf(styles, xf);
      if (fill === null && !bold) continue;
      const cell = sheet.at(Math.floor(key / 16384), key % 16384);
      cell.fill = fill;
      cell.bold = bold;
    }
  }
  return { ok: true, book, source: { file: opened.book, baseline: copyCells(book) } };
}

const EMPTY: MemoryCell = { value: null, formula: null, numberFormat: "General", fill: null, bold: false, note: null };

/** What changed in one cell since the baseline, as an edit (null when nothing did). */
function editOf(row: number, col: number, before: MemoryCell, after: MemoryCell): CellEdit | null {
  const edit: CellEdit = { row, col };
  let changed = false;
  if (before.value !== after.value || before.formula !== after.formula) {
    if (after.formula !== null) edit.formula = after.formula;
    else edit.value = after.value;
    changed = true;
  }
  if (before.numberFormat !== after.numberFormat) edit.numberFormat = after.numberFormat;
  if (before.fill !== after.fill) edit.fill = after.fill;
  if (before.bold !== after.bold) edit.bold = after.bold;
  if (before.note !== after.note) edit.note = after.note;
  changed ||= Object.keys(edit).length > 2;
  return changed ? edit : null;
}

/**
 * Save the in-memory workbook into the file it came from: only the cells that changed since it was
 * opened are patched (new sheets are added), every other part of the file stays as it was.
 */
export async function saveFromMemory(book: MemoryWorkbook, source: MemorySource): Promise<Uint8Array | WriteProblem> {
  const groups: (SheetEdits & { create?: boolean })[] = [];
  for (const sheet of book.sheets) {
    const before = source.baseline.get(sheet.name);
    const edits: CellEdit[] = [];
    for (const key of new Set([...(before?.keys() ?? []), ...sheet.cells.keys()])) {
      const [row, col] = key.split(",").map(Number);
      const merge = sheet.mergeAt(row, col);
      if (merge && (merge.top !== row || merge.left !== col)) continue;
      const edit = editOf(row, col, before?.get(key) ?? EMPTY, sheet.cells.get(key) ?? EMPTY);
      if (edit) edits.push(edit);
    }
    if (edits.length > 0 || !before) groups.push({ sheet: sheet.name, edits, create: !before });
  }
  const applied = await applyEdits(source.file, groups);
  if (!applied.ok) return applied;
  source.baseline = copyCells(book);
  return source.file.save();
}
