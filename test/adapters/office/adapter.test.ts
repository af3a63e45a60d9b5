/**
 * The Office.js adapter on the in-memory Excel host: the same operations as the CLI, in at most
 * three requests, with undo, refusals and the limits of Excel on the web.
 */
import { monitoringCell } from "../../../src/core/evaluation/monitoring";
import fs from "node:fs";
import path from "node:path";
import { exceljsSnapshot, snapshotOf } from "../../helpers/xlsxFiles";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import { MemoryExcel, OfficeError, type ApiVersion } from "../../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../../src/adapters/memory/MemoryWorkbook";
import { HIGHLIGHTS_SETTING, OfficeWorkbookAdapter } from "../../../src/adapters/office/OfficeWorkbookAdapter";
import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY } from "../../../src/adapters/office/settings";
import { runEvaluate, runFill } from "../../../src/app/operations";
import { getPreset } from "../../../src/core/presets/builtin";
import { MISSING_FILL } from "../../../src/core/plans/planEvaluate";

const SEED = path.join(__dirname, "../../../seeds/musashino-action-plan.xlsx");
let seedSnapshot: WorkbookSnapshot;
beforeAll(async () => {
  seedSnapshot = await snapshotOf(fs.readFileSync(SEED));
});

function setup(apiVersion: ApiVersion = "1.20", options: { payloadLimitBytes?: number; budget?: number } = {}) {
  const book = MemoryWorkbook.fromSnapshot(seedSnapshot);
  const excel = new MemoryExcel(book, { apiVersion, payloadLimitBytes: options.payloadLimitBytes });
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements, { payloadBudget: options.budget });
  return { book, excel, adapter };
}

const standard = { year: 2025, preset: getPreset("standard")! };

/** 事業12: header row 10, 寄附件数 row 13 … in the sample workbook (0-based rows 9 and 12). */
function cell(book: MemoryWorkbook, sheet: string, a1row: number, col: number) {
  return book.sheet(sheet)!.get(a1row - 1, col);
}

function rowOf(book: MemoryWorkbook, sheet: string, name: string): number {
  for (const [key, c] of book.sheet(sheet)!.cells) if (c.value === name) return Number(key.split(",")[0]) + 1;
  throw new Error(`no ${name}`);
}

describe("evaluate", () => {
  test("writes rates, grades, colours, notes and highlights in at most three requests", async () => {
    const { book, excel, adapter } = setup();
    const result = await runEvaluate(adapter, standard);
    expect(excel.stats.syncs).toBeLessThanOrEqual(3);
    expect(excel.stats.runs).toBe(2);
    const r = rowOf(book, "事業12", "寄附件数");
    const h = rowOf(book, "事業12", "R7実績");
    expect(cell(book, "事業12", h, 7)?.value).toBe("R7達成率");
    expect(cell(book, "事業12", h, 8)?.value).toBe("R7評価");
    expect(cell(book, "事業12", r, 7)).toMatchObject({ value: 0.8365, numberFormat: "0.0%" });
    expect(cell(book, "事業12", r, 8)).toMatchObject({ value: "B", fill: "#DDEBF7", note: null });
    // A missing actual: highlighted, "−" with a note saying why.
    const missing = result.evaluation.outcomes.find((o) => o.result.flags.includes("missing-actual") && !o.result.flags.includes("no-target") && o.actualCell)!;
    const sheet = book.sheet(missing.indicator.sheet)!;
    expect(sheet.get(missing.indicator.row, missing.actualCell!.col)?.fill).toBe(MISSING_FILL);
    expect(sheet.get(missing.indicator.row, 8)).toMatchObject({ value: "\u2212", note: expect.stringContaining("実績値がありません") });
    expect(book.settings.get(HIGHLIGHTS_SETTING)).toContain(`${missing.indicator.sheet}!G${missing.indicator.row + 1}`);
  });

  test("the same grades as the CLI computes for the file", async () => {
    const { book, adapter } = setup();
    const { evaluation } = await runEvaluate(adapter, standard);
    for (const { indicator, result } of evaluation.outcomes) {
      expect(book.sheet(indicator.sheet)!.get(indicator.row, 8)?.value).toBe(monitoringCell(result, "R7")?.label ?? result.grade);
    }
  });

  test("ExcelApi 1.7 (Office 2019): no notes, no merged-area reads, no undo group; colours still written", async () => {
    const { book, excel, adapter } = setup("1.7");
    const snapshot = await adapter.read();
    expect(snapshot.sheets.every((s) => s.merges.length === 0)).toBe(true);
    excel.resetStats();
    await runEvaluate(adapter, standard);
    expect(excel.stats.syncs).toBeLessThanOrEqual(3);
    const notes = [...book.sheets.flatMap((s) => [...s.cells.values()])].filter((c) => c.note);
    expect(notes).toEqual([]);
    const r = rowOf(book, "事業12", "寄附件数");
    expect(cell(book, "事業12", r, 8)).toMatchObject({ value: "B", fill: "#DDEBF7" });
    // The new header still looks like a header (bold) without Range.copyFrom (1.9).
    expect(cell(book, "事業12", rowOf(book, "事業12", "R7実績"), 8)?.bold).toBe(true);
  });

  test("ExcelApi 1.13+ reads merged areas", async () => {
    const { adapter } = setup("1.18");
    const snapshot = await adapter.read();
    expect(snapshot.sheets.find((s) => s.name === "事業12")!.merges.length).toBeGreaterThan(0);
  });
});

describe("fill", () => {
  test("writes new actuals, keeps conflicts, and a formula-looking value stays text", async () => {
    const { book, adapter } = setup();
    const { fill } = await runFill(adapter, {
      year: 2025,
      rows: [
        { projectNo: "11", indicator: "Instagram フォロワー数", actual: "=1+1" },
        { projectNo: "12", indicator: "寄附件数", actual: "1,700 件" },
        { projectNo: "8", indicator: "市ホームページ 総アクセス数", actual: "-5" },
      ],
    });
    expect(fill.counts).toMatchObject({ new: 2, conflict: 1 });
    const r11 = rowOf(book, "事業11", "Instagram フォロワー数");
    expect(cell(book, "事業11", r11, 6)).toMatchObject({ value: "=1+1", formula: null });
    const r8 = rowOf(book, "事業8", "市ホームページ 総アクセス数");
    expect(cell(book, "事業8", r8, 6)).toMatchObject({ value: -5, formula: null });
    const r12 = rowOf(book, "事業12", "寄附件数");
    expect(cell(book, "事業12", r12, 6)?.value).toBe("1,673 件");
  });

  test("a highlight the add-in put is removed when the value arrives; a user's own fill stays", async () => {
    const { book, adapter } = setup();
    await runEvaluate(adapter, standard);
    const r = rowOf(book, "事業11", "Instagram フォロワー数");
    expect(cell(book, "事業11", r, 6)?.fill).toBe(MISSING_FILL);
    const r2 = rowOf(book, "事業12", "寄附件数");
    book.sheet("事業12")!.at(r2 - 1, 6).fill = "#00FF00";
    await runFill(adapter, { year: 2025, overwrite: true, rows: [{ projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" }, { projectNo: "12", indicator: "寄附件数", actual: "1,700 件" }] });
    expect(cell(book, "事業11", r, 6)).toMatchObject({ value: "1,000 人", fill: null });
    expect(cell(book, "事業12", r2, 6)).toMatchObject({ value: "1,700 件", fill: "#00FF00" });
  });
});

describe("undo", () => {
  test("restores every changed cell exactly: values, formats, fills and notes", async () => {
    const { book, adapter } = setup();
    const before = JSON.stringify(book.toSnapshot());
    const cellsBefore = JSON.stringify([...book.sheets.map((s) => [...s.cells].filter(([, c]) => c.fill || c.note))]);
    const { applied } = await runEvaluate(adapter, standard);
    expect(JSON.stringify(book.toSnapshot())).not.toBe(before);
    await adapter.undo(applied!.undo);
    const after = book.toSnapshot();
    // Cells the add-in created stay as empty cells: compare what they hold.
    const strip = (s: string) => JSON.parse(s).sheets.map((x: { name: string; values: unknown[][] }) => ({ name: x.name, values: x.values.flat().filter((v) => v !== null) }));
    expect(strip(JSON.stringify(after))).toEqual(strip(before));
    expect(JSON.stringify([...book.sheets.map((s) => [...s.cells].filter(([, c]) => c.fill || c.note))])).toBe(cellsBefore);
  });
});

describe("refusals: nothing half-written", () => {
  test("a protected sheet is left as it is and named by the plan; the other sheets are written", async () => {
    const { book, adapter } = setup();
    book.sheet("事業12")!.protected = true;
    const before = JSON.stringify(book.sheet("事業12")!.cells);
    const result = await runEvaluate(adapter, standard);
    expect(result.plan.protectedSheets).toEqual(["事業12"]);
    expect(JSON.stringify(book.sheet("事業12")!.cells)).toBe(before);
    expect(cell(book, "事業11", rowOf(book, "事業11", "R7実績"), 7)?.value).toBe("R7達成率");
  });

  test("a sheet protected after the plan was made is named before anything is written", async () => {
    const { book, adapter } = setup();
    const { readWorkbook } = await import("../../../src/core/workbook/readWorkbook");
    const { planEvaluate } = await import("../../../src/core/plans/planEvaluate");
    const { plan } = planEvaluate(readWorkbook(await adapter.read()), standard);
    book.sheet("事業12")!.protected = true;
    await adapter.read();
    const before = JSON.stringify(book.toSnapshot());
    await expect(adapter.apply(plan)).rejects.toThrow(/事業12.*保護/);
    expect(JSON.stringify(book.toSnapshot())).toBe(before);
  });

  test("a user typing in a cell is waited for", async () => {
    const { book, adapter } = setup();
    book.cellEditMode = true;
    setTimeout(() => (book.cellEditMode = false), 30);
    await expect(adapter.read()).resolves.toMatchObject({ sheets: expect.any(Array) });
  });
});

describe("the host behaves like Excel where it matters", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const { excel } = setup();
    await expect(excel.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem("事業12").getRange("A1");
      return range.values;
    })).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("text starting with = becomes a formula unless quoted; merged parts and protected sheets refuse", async () => {
    const { book, excel } = setup();
    await excel.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem("事業12");
      ws.getRange("K1:K2").values = [["=1+1"], ["'=1+1"]];
      await context.sync();
    });
    expect(cell(book, "事業12", 1, 10)).toMatchObject({ formula: "=1+1", value: null });
    expect(cell(book, "事業12", 2, 10)).toMatchObject({ formula: null, value: "=1+1" });
    await expect(excel.run({}, async (context) => {
      context.workbook.worksheets.getItem("事業12").getRange("C4").values = [["x"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
    book.sheet("事業12")!.protected = true;
    await expect(excel.run({}, async (context) => {
      context.workbook.worksheets.getItem("事業12").getRange("K1").values = [["x"]];
      await context.sync();
    })).rejects.toBeInstanceOf(OfficeError);
  });
});

describe("settings in the workbook", () => {
  test("saved and read back through the schema", async () => {
    const { excel } = setup();
    await saveSettings(excel, { ...DEFAULT_SETTINGS, presetId: "progress", planStart: 2025, references: { 法定雇用率: 0.025 } });
    expect(await loadSettings(excel)).toEqual({ settings: expect.objectContaining({ presetId: "progress", planStart: 2025, references: { 法定雇用率: 0.025 } }), problems: [] });
  });

  test("an invalid stored setting is reported and replaced by the defaults", async () => {
    const { book, excel } = setup();
    book.settings.set(SETTINGS_KEY, { version: 1, presetId: "standard", planStart: "R7", references: { x: "a lot" } });
    const { settings, problems } = await loadSettings(excel);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toMatch(/planStart/);
    book.settings.set(SETTINGS_KEY, "{not json");
    expect((await loadSettings(excel)).problems[0]).toMatch(/JSON/);
  });
});

describe("the host opens and saves .xlsx through the CLI's reader", () => {
  test("evaluate in the host, save, and the file holds the grades; other cells unchanged", async () => {
    const { openInMemory, saveFromMemory } = await import("../../../src/adapters/memory/xlsx");
    const opened = await openInMemory(fs.readFileSync(SEED), "musashino-action-plan.xlsx");
    if (!opened.ok) throw new Error(opened.message);
    const { book, source } = opened;
    const excel = new MemoryExcel(book);
    const { evaluation } = await runEvaluate(new OfficeWorkbookAdapter(excel, excel.requirements), standard);
    const bytes = await saveFromMemory(book, source);
    if (!(bytes instanceof Uint8Array)) throw new Error(bytes.message);
    const saved = await exceljsSnapshot(bytes);
    const kifu = evaluation.outcomes.find((o) => o.indicator.name === "寄附件数")!;
    const sheet = saved.snapshot.sheets.find((s) => s.name === "事業12")!;
    expect(sheet.values[kifu.indicator.row - sheet.origin.row][8 - sheet.origin.col]).toBe(kifu.result.grade);
    const original = seedSnapshot.sheets.find((s) => s.name === "事業12")!;
    original.values.forEach((line, r) => line.forEach((v, c) => {
      if (c + original.origin.col < 7) expect(sheet.values[r + original.origin.row - sheet.origin.row][c + original.origin.col - sheet.origin.col]).toEqual(v);
    }));
    expect(saved.wb.getWorksheet("事業12")!.getCell(kifu.indicator.row + 1, 9).fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
  });
});
