/** 自動再評価 on the in-memory Excel: typing or pasting an actual re-grades its indicator, in one update. */
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../../src/app/Workbench";
import { buildGeneratedKpiList } from "../../seeds/generate";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

/** 事業12 寄附件数: actual G13, rate H13, grade I13 once evaluated (target 2,000 件, R7 actual 1,673 件: B). */
const cell = (book: MemoryWorkbook, sheet: string, a1row: number, col: number) => book.sheet(sheet)!.get(a1row - 1, col);

async function settle(excel: MemoryExcel, workbench: Workbench<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await excel.whenIdle();
    await workbench.live?.settled();
  }
}

test("typing an actual of the year re-grades that indicator in one update of two requests; nothing else changes", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.evaluate();
  expect(cell(book, "事業12", 13, 8)?.value).toBe("B");
  await workbench.setLive(true);
  const before = JSON.stringify(book.sheets.filter((s) => s.name !== "事業12").map((s) => [...s.cells]));
  excel.resetStats();
  book.userEntry("事業12", "G13", [["2,100 件"]]);
  await settle(excel, workbench);
  expect(cell(book, "事業12", 13, 7)?.value).toBe(1.05);
  expect(cell(book, "事業12", 13, 8)).toMatchObject({ value: "A", fill: "#C6EFCE" });
  expect(excel.stats.syncs).toBe(2);
  expect(workbench.live!.updates).toBe(1);
  expect(JSON.stringify(book.sheets.filter((s) => s.name !== "事業12").map((s) => [...s.cells]))).toBe(before);
  // The update's own writes fired onChanged too (rate and grade cells): ignored, no loop.
  expect(excel.stats.events).toBeGreaterThan(1);
});

test("edits elsewhere are ignored without a request", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.evaluate();
  await workbench.setLive(true);
  excel.resetStats();
  book.userEntry("事業12", "C2", [["新しい事業名"]]);
  book.userEntry("事業12", "E13", [["9,999 件"]]); // the plan-time 実績値 (the baseline), not the R7 actual
  await settle(excel, workbench);
  expect(excel.stats.events).toBe(2);
  expect(excel.stats.syncs).toBe(0);
  expect(workbench.live!.updates).toBe(0);
});

test("a missing actual typed in: its highlight goes, its grade is given", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.evaluate();
  const missing = workbench.evaluation!.outcomes.find((o) => o.result.flags.includes("missing-actual") && !o.result.flags.includes("no-target") && o.actualCell)!;
  const { sheet, row } = missing.indicator;
  const col = missing.actualCell!.col;
  expect(book.sheet(sheet)!.get(row, col)?.fill).toBe("#FCE4D6");
  await workbench.setLive(true);
  // A percentage typed in: Excel stores 0.45 with the 0% format.
  book.userEntry(sheet, `G${row + 1}`, [["45%"]]);
  await settle(excel, workbench);
  expect(book.sheet(sheet)!.get(row, col)).toMatchObject({ value: 0.45, numberFormat: "0%", fill: null });
  expect(book.sheet(sheet)!.get(row, 7)?.value).toBe(1.125);
  expect(book.sheet(sheet)!.get(row, 8)).toMatchObject({ value: "A", note: null });
});

test("the pane's undo still puts back everything the evaluation and the live updates wrote; the typed actual stays", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  const values = () => JSON.stringify(book.sheets.map((s) => [...s.cells].filter(([, c]) => c.value !== null || c.fill !== null).map(([k, c]) => [k, c.value, c.fill])));
  const before = values();
  await workbench.evaluate();
  await workbench.setLive(true);
  book.userEntry("事業12", "G13", [["2,100 件"]]);
  await settle(excel, workbench);
  expect(cell(book, "事業12", 13, 8)?.value).toBe("A");
  excel.resetStats();
  expect(await workbench.undo()).toMatchObject({ kind: "evaluate" });
  await settle(excel, workbench);
  expect(workbench.live!.updates).toBe(1); // undo wrote no actual: no update
  expect(cell(book, "事業12", 13, 8)?.value ?? null).toBeNull();
  expect(values()).toBe(before.replace('"1,673 件"', '"2,100 件"'));
});

test("a paste of 100 actuals makes one update", async () => {
  const builder = new SnapshotWorkbookBuilder();
  buildGeneratedKpiList(builder, 120);
  const book = MemoryWorkbook.fromSnapshot(builder.build());
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25)) as Workbench<unknown>;
  const evaluation = await workbench.evaluate();
  await workbench.setLive(true);
  const cells = evaluation!.outcomes.map((o) => o.actualCell!).slice(0, 100);
  expect(new Set(cells.map((c) => c.col)).size).toBe(1);
  const first = cells[0];
  excel.resetStats();
  book.userEntry("KPI一覧", `${String.fromCharCode(65 + first.col)}${first.row + 1}`, Array.from({ length: cells[99].row - first.row + 1 }, () => ["1 件"]));
  await settle(excel, workbench);
  expect(excel.stats.events).toBeGreaterThanOrEqual(1);
  expect(workbench.live!.updates).toBe(1);
  expect(excel.stats.syncs).toBe(2);
});

test("off: no more updates", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.evaluate();
  await workbench.setLive(true);
  await workbench.setLive(false);
  excel.resetStats();
  book.userEntry("事業12", "G13", [["2,100 件"]]);
  await settle(excel, workbench);
  expect(excel.stats.events).toBe(0);
  expect(cell(book, "事業12", 13, 8)?.value).toBe("B");
});
