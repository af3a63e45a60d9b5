/**
 * Reading .xlsx files in tests: through the file layer (`snapshotOf`), and through ExcelJS as a
 * second, independent reader of what the file layer writes (`exceljsSnapshot`).
 */
import ExcelJS from "exceljs";
import { openXlsx } from "../../src/adapters/xlsx/openXlsx";
import type { CellValue } from "../../src/core/cells/RawCell";
import type { CellArea } from "../../src/core/cells/address";
import { parseA1 } from "../../src/core/cells/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";

export async function snapshotOf(bytes: Uint8Array, name = "book.xlsx"): Promise<WorkbookSnapshot> {
  const opened = await openXlsx(bytes, name);
  if (!opened.ok) throw new Error(opened.message);
  return opened.snapshot;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ("error" in value) return (value as ExcelJS.CellErrorValue).error;
  return String(value);
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges: CellArea[] = ((ws.model as { merges?: string[] }).merges ?? []).map((range) => {
    const [a, b] = range.split(":");
    const from = parseA1(a)!;
    const to = parseA1(b ?? a)!;
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  });
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  ws.eachRow((row, r) => row.eachCell((_c, c) => {
    [top, left, bottom, right] = [Math.min(top, r - 1), Math.min(left, c - 1), Math.max(bottom, r - 1), Math.max(right, c - 1)];
  }));
  for (const m of merges) [top, left, bottom, right] = [Math.min(top, m.top), Math.min(left, m.left), Math.max(bottom, m.bottom), Math.max(right, m.right)];
  const isProtected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  if (bottom < 0) return { name: ws.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [], merges, protected: isProtected };
  const grid = <T,>(fill: T) => Array.from({ length: bottom - top + 1 }, () => new Array<T>(right - left + 1).fill(fill));
  const values = grid<CellValue>(null);
  const numberFormats = grid("General");
  const formulas = grid<string | null>(null);
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (cell.isMerged && cell.master !== cell) return;
    values[r - 1 - top][c - 1 - left] = plainValue(cell.value);
    if (cell.numFmt) numberFormats[r - 1 - top][c - 1 - left] = cell.numFmt;
    formulas[r - 1 - top][c - 1 - left] = cell.formula ? `=${cell.formula}` : null;
  }));
  return { name: ws.name, origin: { row: top, col: left }, values, numberFormats, formulas, merges, protected: isProtected };
}

export async function exceljsSnapshot(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, snapshot: { sheets: wb.worksheets.map(sheetSnapshot) } };
}
