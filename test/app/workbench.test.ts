/**
 * The task pane's one state on the in-memory Excel: year choice, evaluation always current, a fill
 * preview that only writes what it showed, an undo history undone in order, one current message.
 */
import fs from "node:fs";
import iconv from "iconv-lite";
import path from "node:path";
import { snapshotOf } from "../helpers/xlsxFiles";
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { lastFinishedFiscalYear, Workbench } from "../../src/app/Workbench";
import type { WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await snapshotOf(fs.readFileSync(path.join(__dirname, "../../seeds/musashino-action-plan.xlsx")));
});

function bench(snapshot: WorkbookSnapshot = seed) {
  const book = MemoryWorkbook.fromSnapshot(snapshot);
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25));
  return { book, excel, workbench };
}

const values = (book: MemoryWorkbook) => JSON.stringify(book.toSnapshot().sheets.map((s) => s.values));
const missing = (workbench: Workbench<unknown>) => workbench.evaluation!.outcomes.filter((o) => o.result.flags.includes("missing-actual")).map((o) => o.indicator.name);
const rows = [
  { projectNo: "12", indicator: "寄附件数", actual: "1,700 件" },
  { projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" },
];

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

test("the evaluation is always the chosen year's: a year change re-evaluates and drops the preview", async () => {
  const { workbench } = bench();
  await workbench.refresh();
  expect(workbench.evaluation!.year).toBe(2025);
  expect(missing(workbench)).toHaveLength(12);
  await workbench.previewFill("x", rows);
  expect(workbench.fillPreview).not.toBeNull();
  workbench.chooseYear(2026);
  expect(workbench.evaluation!.year).toBe(2026);
  expect(missing(workbench)).toHaveLength(64); // no R8 actual anywhere yet
  expect(workbench.fillPreview).toBeNull();
});

test("a fill writes only the preview on screen: a replaced, cleared or outdated preview writes nothing", async () => {
  const { book, workbench } = bench();
  const before = values(book);
  const first = (await workbench.previewFill("a", rows))!;
  const second = (await workbench.previewFill("b", rows.slice(1)))!;
  expect(await workbench.writeFill(first)).toBeNull();
  expect(workbench.message).toEqual({ intent: "warning", code: "preview-outdated" });
  workbench.clearPreview();
  expect(await workbench.writeFill(second)).toBeNull();
  expect(values(book)).toBe(before);

  // The workbook changed in Excel after the preview: refused, and the new outcome is shown instead.
  const third = (await workbench.previewFill("c", rows.slice(1)))!;
  expect(third.fill.counts.new).toBe(1);
  const insta = workbench.model!.indicators.find((i) => i.projectNo === "11" && i.name === "Instagram フォロワー数")!;
  book.sheet("事業11")!.at(insta.row, 6).value = "990 人";
  expect(await workbench.writeFill(third)).toBeNull();
  expect(workbench.message?.code).toBe("preview-outdated");
  expect(workbench.fillPreview!.fill.counts).toMatchObject({ new: 0, conflict: 1 });
  expect(book.sheet("事業11")!.get(insta.row, 6)?.value).toBe("990 人");
});

test("a conflict decided in the preview, one write, then every view's state is the workbook as it now is", async () => {
  const { book, workbench } = bench();
  const preview = (await workbench.previewFill("pasted", rows))!;
  expect(preview.fill.counts).toMatchObject({ new: 1, conflict: 1 });
  expect(missing(workbench)).toContain("Instagram フォロワー数");
  const key = preview.fill.outcomes.find((o) => o.status === "conflict")!.indicator!.key;
  workbench.decide(key, "overwrite");
  expect(workbench.fillPreview!.fill.counts).toMatchObject({ new: 1, overwritten: 1, conflict: 0 });
  const done = await workbench.writeFill(workbench.fillPreview!);
  expect(done!.counts).toMatchObject({ new: 1, overwritten: 1 });
  expect(workbench.message).toEqual({ intent: "success", code: "filled", year: 2025, written: 2, added: 1, overwritten: 1, protectedSheets: [] });
  expect(workbench.fillPreview).toBeNull();
  expect(JSON.stringify(book.toSnapshot())).toContain("1,700 件");
  // Just written, so no longer missing; the header's counts are still there.
  expect(missing(workbench)).not.toContain("Instagram フォロワー数");
  expect(missing(workbench)).toHaveLength(11);
  expect(workbench.model!.indicators).toHaveLength(64);
});

test("undo names the operation and goes back through the history in order", async () => {
  const { book, workbench } = bench();
  const original = values(book);
  await workbench.evaluate();
  expect(workbench.message).toMatchObject({ code: "evaluated", year: 2025, count: 64, columns: ["R7達成率", "R7評価"] });
  const afterEvaluate = values(book);
  await workbench.previewFill("x", rows.slice(1));
  await workbench.writeFill(workbench.fillPreview!);
  expect(workbench.undoDepth).toBe(2);
  expect(workbench.nextUndo).toEqual({ kind: "fill", count: 1, year: 2025 });
  expect(await workbench.undo()).toEqual({ kind: "fill", count: 1, year: 2025 });
  expect(workbench.message).toEqual({ intent: "success", code: "undone", operation: { kind: "fill", count: 1, year: 2025 } });
  expect(values(book)).toBe(afterEvaluate);
  expect(workbench.nextUndo).toEqual({ kind: "evaluate", count: 64, year: 2025 });
  await workbench.undo();
  expect(values(book)).toBe(original);
  expect(workbench.nextUndo).toBeNull();
  expect(await workbench.undo()).toBeNull();
});

test("a failure is the message, not an exception; a new message replaces the old", async () => {
  const book = new MemoryWorkbook();
  book.addSheet("メモ").at(0, 0).value = "会議メモ";
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25));
  await workbench.refresh();
  expect(workbench.noKpiSheet).toBe(true);
  expect(await workbench.evaluate()).toBeNull();
  expect(workbench.message).toMatchObject({ intent: "error", code: "failed", detail: expect.stringContaining("KPIシートが見つかりません") });
  expect(workbench.busy).toBe(false);
  const ok = bench().workbench;
  await ok.evaluate();
  await ok.writeSummarySheet();
  expect(ok.message).toEqual({ intent: "success", code: "summary-written", sheet: "KPI集計" });
});

test("a confirmed direction is saved in the workbook and used from then on", async () => {
  const { workbench } = bench();
  await workbench.refresh();
  // オンライン対応手続数: target 600件 below the baseline 687件, so "down" is a guess.
  const guessed = workbench.evaluation!.outcomes.find((o) => o.result.flags.includes("direction-inferred"))!;
  expect(guessed.indicator.name).toBe("オンライン対応手続数");
  expect(guessed.result.direction).toBe("down");
  expect(await workbench.confirmDirection(guessed.indicator.key, "up")).toBe(true);
  expect(workbench.evaluation!.outcomes.find((o) => o.indicator.key === guessed.indicator.key)!.result).toMatchObject({ direction: "up", directionSource: "given" });
});

describe("the column mapping: tables set by hand, saved in the workbook", () => {
  const rows = [
    ["施策の指標", "当初", "最終年度の数値", "令和7年度の結果"],
    ["市民活動団体数", "120団体", "150団体", "138団体"],
    ["ボランティア登録者数", "800人", "1,000人", "760人"],
  ];
  const custom = (): WorkbookSnapshot => ({ sheets: [{ name: "独自様式", origin: { row: 0, col: 0 }, values: rows, numberFormats: rows.map((r) => r.map(() => "General")), merges: [] }] });

  test("a selected header row becomes a table; its columns' roles are set one by one; evaluate uses them; a reload keeps them", async () => {
    const { book, workbench } = bench(custom());
    await workbench.refresh();
    expect(workbench.model!.tables).toEqual([]);
    book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 0, right: 3 } };
    expect(await workbench.addTableFromSelection()).toBeNull();
    const [table] = workbench.model!.tables;
    expect([table.source, table.roles.map((r) => r.role)]).toEqual(["mapped", ["name"]]);
    expect(workbench.headerColumns(table).map((c) => c.role)).toEqual(["name", "ignore", "ignore", "ignore"]);

    expect(await workbench.setColumnRole(table.id, 1, "baseline", null)).toBeNull();
    expect(await workbench.setColumnRole(table.id, 2, "target", 2029)).toBeNull();
    expect(await workbench.setColumnRole(table.id, 3, "actual", 2025)).toBeNull();
    workbench.chooseYear(2025);
    const evaluation = await workbench.evaluate();
    // 138 ÷ 150 = 92 %: B; 760 ÷ 1,000 = 76 %: C.
    expect(evaluation!.outcomes.map((o) => [o.indicator.name, o.result.grade])).toEqual([["市民活動団体数", "B"], ["ボランティア登録者数", "C"]]);
    expect(book.sheet("独自様式")!.get(1, 5)?.value).toBe("B");

    const reopened = new Workbench(new OfficeWorkbookAdapter(new MemoryExcel(book), new MemoryExcel(book).requirements), () => new Date(2026, 10, 25));
    await reopened.refresh();
    expect(reopened.model!.tables.map((t) => [t.source, t.roles.map((r) => `${r.role}${r.fy ?? ""}`)])).toEqual([["mapped", ["name", "baseline", "target2029", "actual2025", "rate2025", "grade2025"]]]);
    // Evaluating again rewrites the same cells: the columns it added are read back, not added again.
    const width = book.sheet("独自様式")!.usedArea(true)!.right;
    await reopened.evaluate();
    expect(book.sheet("独自様式")!.usedArea(true)!.right).toBe(width);
    expect(JSON.parse(reopened.mappingJson())).toEqual(book.settings.get("kpiSheets.settings") && (book.settings.get("kpiSheets.settings") as { layout: unknown }).layout);
  });

  test("a detected table's role changed by hand; back to detection forgets it", async () => {
    const { workbench } = bench();
    await workbench.refresh();
    const table = workbench.model!.tables.find((t) => t.sheet === "事業12")!;
    const before = workbench.evaluation!.outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade;
    // The R7実績 column (G) said to hold R8's actuals: R7 has no actual column any more.
    expect(await workbench.setColumnRole(table.id, 6, "actual", 2026)).toBeNull();
    const mapped = workbench.model!.tables.find((t) => t.sheet === "事業12")!;
    expect(mapped.source).toBe("mapped");
    expect(workbench.evaluation!.outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe("\u2212");
    await workbench.resetTable(mapped.id);
    expect(workbench.model!.tables.find((t) => t.sheet === "事業12")!.source).toBe("detected");
    expect(workbench.evaluation!.outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe(before);
  });

  test("what cannot be a table is said, and nothing is saved", async () => {
    const { book, workbench } = bench(custom());
    await workbench.refresh();
    book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 2, right: 3 } };
    expect(await workbench.addTableFromSelection()).toEqual({ code: "too-many-rows", top: 1, bottom: 3 });
    book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 0, right: 3 } };
    await workbench.addTableFromSelection();
    const table = workbench.model!.tables[0];
    // The only name column cannot become something else.
    expect(await workbench.setColumnRole(table.id, 0, "ignore", null)).toEqual({ code: "needs-name" });
    expect(workbench.model!.tables[0].roles.map((r) => r.role)).toEqual(["name"]);
  });
});

describe("fill follows the CLI's rules", () => {
  function rowOf(book: MemoryWorkbook, sheet: string, name: string): number {
    for (const [key, c] of book.sheet(sheet)!.cells) if (c.value === name) return Number(key.split(",")[0]);
    throw new Error(`no ${name}`);
  }

  test("a formula in the actual cell (Excel not computed yet) is a conflict, kept unless overwritten", async () => {
    const { book, workbench } = bench();
    const actual = book.sheet("事業11")!.at(rowOf(book, "事業11", "Instagram フォロワー数"), 6);
    actual.formula = "=1000+50";
    const rows = [{ projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" }];
    const preview = (await workbench.previewFill("x", rows))!;
    expect(preview.fill.outcomes[0]).toMatchObject({ status: "conflict", message: expect.stringContaining("式「=1000+50」") });
    expect(await workbench.writeFill(preview)).toBeNull(); // kept: nothing to write
    expect(workbench.message).toEqual({ intent: "warning", code: "nothing-to-write" });
    expect(actual.formula).toBe("=1000+50");
    workbench.decide(preview.fill.outcomes[0].indicator!.key, "overwrite");
    await workbench.writeFill(workbench.fillPreview!);
    expect(actual).toMatchObject({ formula: null, value: "1,000 人" });
  });

  test("a protected sheet is named in the preview and left as it is", async () => {
    const { book, workbench } = bench();
    book.sheet("事業11")!.protected = true;
    const rows = [{ projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" }];
    const preview = (await workbench.previewFill("x", rows))!;
    expect(preview.fill.outcomes[0]).toMatchObject({ status: "protected", message: expect.stringContaining("シート「事業11」は保護されている") });
    expect(await workbench.writeFill(preview)).toBeNull();
    expect(workbench.undoDepth).toBe(0);
  });

  test("files: Excel's 「Unicode テキスト」 (UTF-16) is read; EUC-JP and a header of another year are refused with a reason", async () => {
    const { workbench } = bench();
    await workbench.refresh();
    expect(workbench.year).toBe(2025);
    const text = "事業番号\t指標\t実績値\r\n11\tInstagram フォロワー数\t1,000 人\r\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(workbench.readActualsFile(utf16, "r7.txt")).toMatchObject({ ok: true, encoding: "utf-16le", rows: [{ line: 2, projectNo: "11", actual: "1,000 人" }] });
    const euc = iconv.encode("指標,実績値\n寄附件数,1673\n", "euc-jp");
    expect(workbench.readActualsFile(euc, "r7.csv")).toMatchObject({ ok: false, message: expect.stringContaining("文字コードを判別できません") });
    expect(workbench.readActualsText("指標\tR6実績\n寄附件数\t1673")).toMatchObject({ ok: false, message: expect.stringContaining("R6 の実績ですが、書き込む年度は R7") });
    const read = workbench.readActualsText("指標,実績値\n寄附件数,1,673\n返礼品目数,280\n");
    expect(read).toMatchObject({ ok: true, rows: [{ line: 3 }], problems: [{ line: 2, code: "column-count" }] });
  });
});
