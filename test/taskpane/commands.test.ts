/** The ribbon's 評価を実行: evaluates with the saved settings and always tells Office it is done. */
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { SETTINGS_KEY } from "../../src/adapters/office/settings";
import { Workbench } from "../../src/app/Workbench";
import { evaluateCommand } from "../../src/commands/commands";
import { buildMusashino } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";

function workbenchOn(book: MemoryWorkbook) {
  const excel = new MemoryExcel(book);
  return new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25)) as Workbench<unknown>;
}

test("writes the grades of the latest year with the saved preset", async () => {
  const builder = new SnapshotWorkbookBuilder();
  buildMusashino(builder);
  const book = MemoryWorkbook.fromSnapshot(builder.build());
  book.settings.set(SETTINGS_KEY, { version: 1, presetId: "binary", references: {}, directionOverrides: {} });
  const completed = jest.fn();
  await evaluateCommand(workbenchOn(book), { completed });
  expect(completed).toHaveBeenCalledTimes(1);
  const text = JSON.stringify(book.toSnapshot());
  expect(text).toContain("R7評価");
  expect(text).toContain("未達成");
});

test("completes even when the workbook holds no KPI sheet", async () => {
  const book = new MemoryWorkbook();
  book.addSheet("メモ").at(0, 0).value = "会議メモ";
  const completed = jest.fn();
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await evaluateCommand(workbenchOn(book), { completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});
