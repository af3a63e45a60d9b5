/**
 * The hosts a layout case runs through, besides the core: the file host (the CLI's reader and
 * writer) and the in-memory Excel behind the Office.js adapter.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { main } from "../../src/cli/main";
import type { WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";
import { ExcelJSWorkbookBuilder, type WorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";
import { snapshotOf } from "./xlsxFiles";

/** A workbook written as an .xlsx file by the seeds' builder (ExcelJS), in a fresh folder. */
export async function xlsxFile(build: (book: WorkbookBuilder) => void, name = "book.xlsx"): Promise<{ dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-layouts-"));
  const book = new ExcelJSWorkbookBuilder();
  build(book);
  const file = path.join(dir, name);
  await book.workbook.xlsx.writeFile(file);
  return { dir, file };
}

/** What the file host reads of an .xlsx. */
export async function readXlsx(file: string): Promise<WorkbookSnapshot> {
  return snapshotOf(fs.readFileSync(file), path.basename(file));
}

/** Run kpi-sheets in-process; the output lines and exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { line: (t) => stdout.push(t), error: (t) => stderr.push(t), progress: (t) => stderr.push(t) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** A snapshot in the in-memory Excel, with the Office.js adapter over it. */
export function memoryHost(snapshot: WorkbookSnapshot): { book: MemoryWorkbook; excel: MemoryExcel; adapter: OfficeWorkbookAdapter } {
  const book = MemoryWorkbook.fromSnapshot(snapshot);
  const excel = new MemoryExcel(book);
  return { book, excel, adapter: new OfficeWorkbookAdapter(excel, excel.requirements) };
}
