import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import { readWorkbookSnapshot } from "./readSnapshot";
import { findUnsupportedParts } from "./unsupportedParts";

export interface LoadedWorkbook {
  wb: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** Parts ExcelJS would drop on saving (charts, pivot tables, …), named for the user. */
  unsupported: string[];
}

export async function loadWorkbook(buffer: Uint8Array): Promise<LoadedWorkbook> {
  const unsupported = await findUnsupportedParts(buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return { wb, snapshot: readWorkbookSnapshot(wb), unsupported };
}

/** The .xlsx bytes (a Uint8Array, so this also runs in a browser, where there is no Buffer). */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
