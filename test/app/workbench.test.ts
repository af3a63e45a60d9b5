/** The task pane's operations on the in-memory Excel: year choice, check, evaluate, fill preview, undo, settings. */
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
    expect(evaluation.outcomes.map((o) => [o.indicator.name, o.result.grade])).toEqual([["市民活動団体数", "B"], ["ボランティア登録者数", "C"]]);
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
    const before = (await workbench.check()).outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade;
    // The R7実績 column (G) said to hold R8's actuals: R7 has no actual column any more.
    expect(await workbench.setColumnRole(table.id, 6, "actual", 2026)).toBeNull();
    const mapped = workbench.model!.tables.find((t) => t.sheet === "事業12")!;
    expect(mapped.source).toBe("mapped");
    expect((await workbench.check()).outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe("\u2212");
    await workbench.resetTable(mapped.id);
    expect(workbench.model!.tables.find((t) => t.sheet === "事業12")!.source).toBe("detected");
    expect((await workbench.check()).outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe(before);
  });

  test("what cannot be a table is said, and nothing is saved", async () => {
    const { book, workbench } = bench(custom());
    await workbench.refresh();
    book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 2, right: 3 } };
    expect(await workbench.addTableFromSelection()).toContain("1 行か 2 行");
    book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 0, right: 3 } };
    await workbench.addTableFromSelection();
    const table = workbench.model!.tables[0];
    // The only name column cannot become something else.
    expect(await workbench.setColumnRole(table.id, 0, "ignore", null)).toContain("指標名の列が必要です");
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
    await workbench.refresh();
    const rows = [{ projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" }];
    const preview = await workbench.previewFill(rows);
    expect(preview.outcomes[0]).toMatchObject({ status: "conflict", message: expect.stringContaining("式「=1000+50」") });
    await workbench.applyFill(rows, {});
    expect(actual.formula).toBe("=1000+50");
    const key = preview.outcomes[0].indicator!.key;
    await workbench.applyFill(rows, { [key]: "overwrite" });
    expect(actual).toMatchObject({ formula: null, value: "1,000 人" });
  });

  test("a protected sheet is named in the preview and left as it is", async () => {
    const { book, workbench } = bench();
    book.sheet("事業11")!.protected = true;
    const rows = [{ projectNo: "11", indicator: "Instagram フォロワー数", actual: "1,000 人" }];
    const preview = await workbench.previewFill(rows);
    expect(preview.outcomes[0]).toMatchObject({ status: "protected", message: expect.stringContaining("シート「事業11」は保護されている") });
    const done = await workbench.applyFill(rows, {});
    expect(done.plan.writes).toEqual([]);
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
