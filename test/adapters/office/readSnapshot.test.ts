/**
 * Reads that fit any workbook, on the in-memory Excel with Excel on the web's limits (5 MB request
 * and response, 5,000,000 cells a read, 512 merged areas a read).
 */
import { MemoryExcel } from "../../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../../src/adapters/office/OfficeWorkbookAdapter";
import { runEvaluate } from "../../../src/app/operations";
import { getPreset } from "../../../src/core/presets/builtin";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import { buildDataSheet, buildFormSheet } from "../../../seeds/generate";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { buildMusashino } from "../../../seeds/workbooks";

jest.setTimeout(60_000);

const standard = { year: 2025, preset: getPreset("standard")! };

function musashino(extra?: (b: SnapshotWorkbookBuilder) => void): WorkbookSnapshot {
  const builder = new SnapshotWorkbookBuilder();
  buildMusashino(builder);
  extra?.(builder);
  return builder.build();
}

const usedCells = (book: WorkbookSnapshot) => book.sheets.reduce((n, s) => n + s.values.flat().filter((v) => v !== null).length, 0);

test("the 武蔵野市 sample: read in 2 requests, evaluate in 3", async () => {
  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(musashino()));
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements);
  await adapter.read();
  expect(excel.stats.syncs).toBe(2);
  excel.resetStats();
  await runEvaluate(adapter, standard);
  expect(excel.stats.syncs).toBe(3);
});

test("300,000 used cells and a sheet of 2,000 merged areas open and evaluate, every request under 5 MB", async () => {
  const book = musashino((b) => {
    buildDataSheet(b, "統計データ", 6000, 50);
    buildFormSheet(b, "調査票", 2000);
  });
  expect(usedCells(book)).toBeGreaterThan(300_000);
  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(book));
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements);
  const snapshot = await adapter.read();
  // The first try at once fails for its size; then the sizes, row blocks, merged areas in blocks.
  expect(excel.stats.responseBytes.filter((b) => b > 5 * 1024 * 1024)).toHaveLength(1);
  expect(snapshot.sheets.find((s) => s.name === "調査票")!.merges).toHaveLength(2000);
  const data = snapshot.sheets.find((s) => s.name === "統計データ")!;
  expect(data.values).toHaveLength(6000);
  expect(data.values[5999][49]).toBe(book.sheets.find((s) => s.name === "統計データ")!.values[5999][49]);
  expect(data.numberFormats[3][1]).toBe('#,##0.0"人"');
  // Evaluate: the sizes known from the read plan the blocks at once, nothing fails.
  excel.resetStats();
  const { evaluation } = await runEvaluate(adapter, standard);
  expect(evaluation.outcomes).toHaveLength(64);
  expect(Math.max(...excel.stats.responseBytes, ...excel.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
  expect(excel.book.sheet("事業12")!.get(12, 8)?.value).toBe("B");
});

test("a read over the cell limit comes back null and is read again smaller", async () => {
  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(musashino((b) => buildDataSheet(b, "統計データ", 300, 20))), { limits: { cellsPerRead: 2_000 } });
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements);
  const snapshot = await adapter.read();
  const data = snapshot.sheets.find((s) => s.name === "統計データ")!;
  expect(data.values).toHaveLength(300);
  expect(data.values.every((line) => line.length === 20 && line[0] !== null)).toBe(true);
  expect(adapter.lastReadRequests).toBeGreaterThan(3);
});

test("a response over the limit is retried in smaller blocks", async () => {
  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(musashino((b) => buildDataSheet(b, "統計データ", 2000, 20))), { limits: { responseBytes: 400_000 } });
  // A budget that trusts too much: the first blocks are too large and must be halved.
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements, { payloadBudget: 4_000_000 });
  const snapshot = await adapter.read();
  expect(snapshot.sheets.find((s) => s.name === "統計データ")!.values).toHaveLength(2000);
  expect(excel.stats.responseBytes.filter((b) => b > 400_000).length).toBeGreaterThan(1);
});

test("Office 2019 (no delayForCellEdit before ExcelApi 1.11): a read during cell editing says to finish editing", async () => {
  const book = MemoryWorkbook.fromSnapshot(musashino());
  const excel = new MemoryExcel(book, { apiVersion: "1.7" });
  book.cellEditMode = true;
  await expect(new OfficeWorkbookAdapter(excel, excel.requirements).read()).rejects.toThrow("Excel でセルを編集中のため読み込めませんでした。編集を終えてからもう一度実行してください。");
});
