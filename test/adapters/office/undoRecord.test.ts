/** Undo puts back exactly what an operation changed: quoted text stays text, formulas stay formulas, errors stay errors. */
import { MemoryExcel } from "../../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../../src/adapters/office/OfficeWorkbookAdapter";
import type { WritePlan } from "../../../src/core/workbook/WritePlan";

function setup() {
  const book = new MemoryWorkbook();
  const sheet = book.addSheet("指標");
  book.userEntry("指標", "A1", [["'=1+1", "=SUM(1,2)", "#N/A", "'0012", "100"], ["'TRUE", "'15-Feb", "'(100)", "text", ""]]);
  const excel = new MemoryExcel(book);
  return { book, sheet, excel, adapter: new OfficeWorkbookAdapter(excel, excel.requirements) };
}

const plan = (writes: WritePlan["writes"]): WritePlan => ({
  operation: "fill",
  year: 2025,
  writes,
  allowed: [...new Set(writes.map((w) => w.col))].map((col) => ({ sheet: "指標", col, purpose: "actual" as const, fromRow: 0, toRow: 10 })),
});

test("text written as '=1+1 comes back as that text on undo, not as a formula; formulas, errors, numbers as they were", async () => {
  const { sheet, adapter } = setup();
  const before = JSON.stringify([...sheet.cells]);
  expect(sheet.get(0, 0)).toMatchObject({ value: "=1+1", formula: null });
  expect(sheet.get(0, 1)).toMatchObject({ formula: "=SUM(1,2)" });
  expect(sheet.get(0, 2)).toMatchObject({ value: "#N/A", error: true });
  await adapter.read();
  const writes = [0, 1].flatMap((row) => [0, 1, 2, 3, 4].map((col) => ({ sheet: "指標", row, col, purpose: "actual" as const, value: "新しい値" })));
  const { undo } = await adapter.apply(plan(writes));
  expect(sheet.get(0, 0)?.value).toBe("新しい値");
  await adapter.undo(undo);
  expect(JSON.stringify([...sheet.cells])).toBe(before);
});

test("undo puts back only what was changed: a fill-only write leaves the value a user typed since", async () => {
  const { book, sheet, adapter } = setup();
  await adapter.read();
  const { undo } = await adapter.apply(plan([{ sheet: "指標", row: 1, col: 3, purpose: "actual", fill: "#FCE4D6" }]));
  book.userEntry("指標", "D2", [["1,700 件"]]);
  await adapter.undo(undo);
  expect(sheet.get(1, 3)).toMatchObject({ value: "1,700 件", fill: null });
});
