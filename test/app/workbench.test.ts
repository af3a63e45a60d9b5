/** The task pane's operations on the in-memory Excel: year choice, check, evaluate, fill preview, undo, settings. */
import fs from "node:fs";
import path from "node:path";
import { loadWorkbook } from "../../src/adapters/exceljs/file";
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { lastFinishedFiscalYear, Workbench } from "../../src/app/Workbench";
import type { WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = (await loadWorkbook(fs.readFileSync(path.join(__dirname, "../../seeds/musashino-action-plan.xlsx")))).snapshot;
});

function bench(snapshot: WorkbookSnapshot = seed) {
  const book = MemoryWorkbook.fromSnapshot(snapshot);
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25));
  return { book, excel, workbench };
}

test("the year: the latest with an actual column, else the last finished fiscal year", async () => {
  const { workbench } = bench();
  await workbench.refresh();
  expect(workbench.year).toBe(2025);
  const empty = bench({ sheets: [{ name: "事業1", origin: { row: 0, col: 0 }, values: [["事業番号", "1"], ["事業名", "x"], ["指標", "項目", "目標値", null, "実績値", null], [null, "件数", "10件", "R11年度", "5件", "R6年度"]], numberFormats: [["General", "General"], ["General", "General"], Array(6).fill("General"), Array(6).fill("General")], merges: [] }] });
  await empty.workbench.refresh();
  expect(empty.workbench.year).toBe(2025);
  expect(lastFinishedFiscalYear(new Date(2027, 2, 31))).toBe(2025);
  expect(lastFinishedFiscalYear(new Date(2027, 3, 1))).toBe(2026);
});

test("check reads without writing; evaluate writes and can be undone", async () => {
  const { book, workbench } = bench();
  const before = JSON.stringify(book.toSnapshot());
  const checked = await workbench.check();
  expect(checked.outcomes).toHaveLength(64);
  expect(JSON.stringify(book.toSnapshot())).toBe(before);
  await workbench.evaluate();
  expect(JSON.stringify(book.toSnapshot())).not.toBe(before);
  expect(workbench.lastUndo?.label).toBe("evaluate");
  expect(await workbench.undo()).toBe(true);
  expect(workbench.lastUndo).toBeNull();
  const values = (s: string) => JSON.parse(s).sheets.map((x: { values: unknown[][] }) => x.values.flat().filter((v) => v !== null));
  expect(values(JSON.stringify(book.toSnapshot()))).toEqual(values(before));
});

test("fill: a preview that writes nothing, then one write with each conflict decided", async () => {
  const { book, workbench } = bench();
  await workbench.refresh();
  const rows = [
    { projectNo: "12", indicator: "寄附件数", actual: "1,700 件" },
    { projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" },
  ];
  const before = JSON.stringify(book.toSnapshot());
  const preview = await workbench.previewFill(rows);
  expect(preview.counts).toMatchObject({ new: 1, conflict: 1 });
  expect(JSON.stringify(book.toSnapshot())).toBe(before);
  const key = preview.outcomes.find((o) => o.status === "conflict")!.indicator!.key;
  const done = await workbench.applyFill(rows, { [key]: "overwrite" });
  expect(done.counts).toMatchObject({ new: 1, overwritten: 1 });
  expect(JSON.stringify(book.toSnapshot())).toContain("1,700 件");
});

test("a confirmed direction is saved in the workbook and used from then on", async () => {
  const { workbench } = bench();
  const evaluation = await workbench.check();
  // オンライン対応手続数: target 600件 below the baseline 687件, so "down" is a guess.
  const guessed = evaluation.outcomes.find((o) => o.result.flags.includes("direction-inferred"))!;
  expect(guessed.indicator.name).toBe("オンライン対応手続数");
  expect(guessed.result.direction).toBe("down");
  await workbench.confirmDirection(guessed.indicator.key, "up");
  await workbench.refresh();
  const again = await workbench.check();
  expect(again.outcomes.find((o) => o.indicator.key === guessed.indicator.key)!.result).toMatchObject({ direction: "up", directionSource: "given" });
});
