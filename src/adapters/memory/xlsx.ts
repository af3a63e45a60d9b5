import ExcelJS from "exceljs";
import { loadWorkbook, saveWorkbook } from "../exceljs/file";
import { MemoryWorkbook } from "./MemoryWorkbook";

/**
 * Open an .xlsx in the in-memory host through the CLI's own reader (readWorkbookSnapshot), keeping
 * the ExcelJS workbook so that saving changes only the cells the host holds.
 */
export async function openXlsx(buffer: Uint8Array): Promise<{ book: MemoryWorkbook; source: ExcelJS.Workbook }> {
  const { wb, snapshot } = await loadWorkbook(buffer);
  return { book: MemoryWorkbook.fromSnapshot(snapshot), source: wb };
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** Write the host's cells back into the workbook they came from (or a new one) and return the .xlsx. */
export async function saveXlsx(book: MemoryWorkbook, source?: ExcelJS.Workbook): Promise<Uint8Array> {
  const wb = source ?? new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.getWorksheet(sheet.name) ?? wb.addWorksheet(sheet.name);
    for (const [key, cell] of sheet.cells) {
      const [row, col] = key.split(",").map(Number);
      const target = ws.getCell(row + 1, col + 1);
      if (target.isMerged && target.master !== target) continue;
      const value = cell.formula ? { formula: cell.formula.slice(1) } : cell.value;
      if (JSON.stringify(target.value ?? null) !== JSON.stringify(value ?? null) && !(cell.formula && target.formula === cell.formula.slice(1))) target.value = value as ExcelJS.CellValue;
      const style: Partial<ExcelJS.Style> = { ...target.style };
      let changed = false;
      if ((target.numFmt || "General") !== cell.numberFormat) {
        style.numFmt = cell.numberFormat;
        changed = true;
      }
      const fill = target.fill as ExcelJS.FillPattern | undefined;
      const currentFill = fill?.type === "pattern" && fill.pattern === "solid" ? `#${(fill.fgColor?.argb ?? "").slice(-6).toUpperCase()}` : null;
      if (currentFill !== cell.fill) {
        if (cell.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.fill) } };
        else delete style.fill;
        changed = true;
      }
      if (cell.bold && !target.font?.bold) {
        style.font = { ...(target.font ?? {}), bold: true };
        changed = true;
      }
      if (changed) target.style = style;
      if ((target.note ?? null) !== cell.note) {
        if (cell.note) target.note = cell.note;
        else (target as unknown as { _comment?: unknown })._comment = undefined;
      }
    }
  }
  return saveWorkbook(wb);
}
