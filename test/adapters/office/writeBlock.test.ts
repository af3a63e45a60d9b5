/** Writes that cannot half-happen silently: protection checked in the write's own request, highlight records right across split requests. */
import { MemoryExcel } from "../../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../../src/adapters/memory/MemoryWorkbook";
import { HIGHLIGHTS_SETTING, OfficeWorkbookAdapter, WriteRefused } from "../../../src/adapters/office/OfficeWorkbookAdapter";
import { runEvaluate, runFill } from "../../../src/app/operations";
import { MISSING_FILL } from "../../../src/core/plans/planEvaluate";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { getPreset } from "../../../src/core/presets/builtin";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { buildMusashino } from "../../../seeds/workbooks";

const standard = { year: 2025, preset: getPreset("standard")! };

function setup(options: { budget?: number; limit?: number } = {}) {
  const builder = new SnapshotWorkbookBuilder();
  buildMusashino(builder);
  const book = MemoryWorkbook.fromSnapshot(builder.build());
  const excel = new MemoryExcel(book, { payloadLimitBytes: options.limit });
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements, { payloadBudget: options.budget });
  return { book, excel, adapter };
}

const cells = (book: MemoryWorkbook) => JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells].filter(([, c]) => c.value !== null || c.formula !== null || c.fill !== null || c.note !== null)]));

test("a sheet protected after the read: the request that finds it puts back what it wrote, names the sheet and says nothing was written", async () => {
  const { book, excel, adapter } = setup({ budget: 40_000 });
  const { plan } = planEvaluate(readWorkbook(await adapter.read()), standard);
  const before = cells(book);
  const settingsBefore = JSON.stringify([...book.settings]);
  // 事業8 comes late in the writes (sorted by sheet name): blocks before it are written first.
  book.sheet("事業8")!.protected = true;
  excel.resetStats();
  const error = await adapter.apply(plan).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WriteRefused);
  expect((error as WriteRefused).message).toMatch(/シート「事業8」は読み込んだ後に保護されました.*何も書き込んでいません/);
  expect((error as WriteRefused).undo).toBeUndefined();
  expect(excel.stats.syncs).toBeGreaterThan(2); // blocks written, the failing one, the roll-back
  expect(cells(book)).toBe(before);
  // The highlight record holds what it held (the roll-back leaves it written, empty as before).
  expect(book.settings.get(HIGHLIGHTS_SETTING) ?? []).toEqual([]);
  expect(JSON.stringify([...book.settings].filter(([k]) => k !== HIGHLIGHTS_SETTING))).toBe(settingsBefore);
});

test("split writes keep the highlight record right: a fill after an evaluation removes every highlight it put", async () => {
  const { book, excel, adapter } = setup({ budget: 3_000 });
  await runEvaluate(adapter, standard);
  const record = book.settings.get(HIGHLIGHTS_SETTING) as string[];
  expect(record.length).toBeGreaterThan(10);
  const highlighted = () => book.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill === MISSING_FILL).length;
  expect(highlighted()).toBe(record.length);
  // Every missing actual filled in, in blocks of about 8 writes, with a request limit that refuses
  // some of them (halved and sent again).
  const model = readWorkbook(await adapter.read());
  const rows = model.indicators.map((i) => ({ projectNo: i.projectNo, indicator: i.name, actual: "10 件" }));
  excel.limits.requestBytes = 2_400;
  excel.resetStats();
  await runFill(adapter, { year: 2025, rows }, false, model);
  expect(excel.stats.requestBytes.filter((b) => b > 2_400).length).toBeGreaterThan(0);
  // Only the cell the fill kept (未集計, a conflict) is still highlighted, and the record says exactly that.
  const still = book.sheets.flatMap((s) => [...s.cells].filter(([, c]) => c.fill === MISSING_FILL).map(([k, c]) => ({ sheet: s.name, key: k, value: c.value })));
  expect(still).toEqual([{ sheet: "事業44", key: "12,6", value: "未集計" }]);
  expect(book.settings.get(HIGHLIGHTS_SETTING)).toEqual(["事業44!G13"]);
});

test("a request refused for its size is split and nothing is written twice or lost", async () => {
  const { book, excel, adapter } = setup({ budget: 10_000_000 });
  const small = new MemoryExcel(book, { payloadLimitBytes: 30_000 });
  const splitting = new OfficeWorkbookAdapter(small, small.requirements, { payloadBudget: 10_000_000 });
  const { applied } = await runEvaluate(splitting, standard);
  expect(small.stats.requestBytes.filter((b) => b > 30_000).length).toBeGreaterThan(0);
  expect(applied!.undo.cells.length).toBe(new Set(applied!.undo.cells.map((c) => `${c.sheet}!${c.row}!${c.col}`)).size);
  const graded = book.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => /^(A|B|C|D|\u2212|[↑↓→↗↘] .+)$/.test(String(c.value))); // a grade, 「−」 or a monitoring trend
  expect(graded).toHaveLength(64);
  void excel;
  void adapter;
});

test("a sheet deleted between read and write is reported; nothing is written", async () => {
  const { book, adapter } = setup();
  const { plan } = planEvaluate(readWorkbook(await adapter.read()), standard);
  book.sheets.splice(book.sheets.findIndex((s) => s.name === "事業8"), 1);
  const before = cells(book);
  await expect(adapter.apply(plan)).rejects.toThrow(/見つかりません.*何も書き込んでいません/);
  expect(cells(book)).toBe(before);
});
