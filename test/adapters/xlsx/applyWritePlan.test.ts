/** Writing a plan: only the plan's cells change, looks copied and fills conditional as the adapters agree, refusals change nothing. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { applyEdits } from "../../../src/adapters/xlsx/applyEdits";
import { applyWritePlan } from "../../../src/adapters/xlsx/applyWritePlan";
import { openXlsx } from "../../../src/adapters/xlsx/openXlsx";
import type { XlsxBook } from "../../../src/adapters/xlsx/XlsxBook";
import type { WritePlan } from "../../../src/core/workbook/WritePlan";
import { readerAvailable, readWithOpenpyxl } from "../../helpers/externalReaders";
import { minimalXlsx } from "../../helpers/minimalXlsx";
import { exceljsSnapshot } from "../../helpers/xlsxFiles";

const SHEET = '<row r="1"><c r="A1" t="inlineStr"><is><t>事業番号</t></is></c><c r="B1"><v>12</v></c></row><row r="2" spans="1:4"><c r="A2" t="inlineStr"><is><t>指標</t></is></c><c r="C2" s="3" t="inlineStr"><is><t>目標値</t></is></c><c r="D2" s="3"/></row><row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" s="1"><v>2000</v></c><c r="E3"><f t="shared" ref="E3:E4" si="0">C3*2</f><v>4000</v></c></row><row r="4"><c r="E4"><f t="shared" si="0"/><v>0</v></c></row><row r="6"><c r="A6"><v>1</v></c></row>';
const AFTER = '<mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>';

async function book(): Promise<XlsxBook> {
  const opened = await openXlsx(await minimalXlsx({ strings: ["<si><t>寄附件数</t></si>"], sheets: [{ name: "事業12", data: SHEET, after: AFTER }, { name: "メモ", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }), "book.xlsx");
  if (!opened.ok) throw new Error(opened.message);
  return opened.book;
}

function plan(writes: WritePlan["writes"], cols = [6]): WritePlan {
  return { operation: "evaluate", year: 2025, writes, allowed: cols.map((col) => ({ sheet: "事業12", col, purpose: "grade" as const, fromRow: 0, toRow: 9 })) };
}

async function zipTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

test("writes the plan's cells only: header with the copied look, a grade with fill and note, a new row in order", async () => {
  const b = await book();
  const before = await zipTexts(await b.save());
  const applied = await applyWritePlan(b, plan([
    { sheet: "事業12", row: 1, col: 6, purpose: "header", value: "R7評価", copyFormatFrom: { row: 1, col: 2 } },
    { sheet: "事業12", row: 2, col: 6, purpose: "grade", value: "C", fill: "#FFEB9C", note: "評価の理由" },
    { sheet: "事業12", row: 4, col: 6, purpose: "grade", value: 0.8365, numberFormat: "0.0%" },
  ]));
  expect(applied).toMatchObject({ ok: true, changed: 3 });
  const bytes = await b.save();
  const after = await zipTexts(bytes);
  expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
  expect(after.get("xl/worksheets/sheet2.xml")).toBe(before.get("xl/worksheets/sheet2.xml"));
  expect(after.get("xl/workbook.xml")).toBe(before.get("xl/workbook.xml"));
  const { wb, snapshot } = await exceljsSnapshot(bytes);
  const ws = wb.getWorksheet("事業12")!;
  expect(ws.getCell("G2").value).toBe("R7評価");
  expect(ws.getCell("G2").fill).toEqual(ws.getCell("C2").fill);
  expect(ws.getCell("G3").value).toBe("C");
  expect(ws.getCell("G3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
  expect(ws.getCell("G3").note).toBe("評価の理由");
  expect(ws.getCell("G5").value).toBe(0.8365);
  expect(ws.getCell("G5").numFmt).toBe("0.0%");
  expect(ws.getCell("E4").formula).toBe("C4*2");
  expect(ws.model.merges).toEqual(["B1:D1"]);
  const sheet = snapshot.sheets[0];
  expect(sheet.values.map((r) => r[0])).toEqual(["事業番号", "指標", null, null, null, 1]);
  // The sheet's XML: rows in order, dimension grown, the other cells' text as it was.
  const xml = after.get("xl/worksheets/sheet1.xml")!;
  expect(xml.indexOf('<row r="5">')).toBeGreaterThan(xml.indexOf('<row r="4">'));
  expect(xml.indexOf('<row r="5">')).toBeLessThan(xml.indexOf('<row r="6">'));
  expect(xml).toContain('<dimension ref="A1:G5"/>'.replace("A1:G5", "A1:G5"));
  expect(xml).toContain('<c r="C3" s="1"><v>2000</v></c>');
  expect(xml).toContain('<row r="2" spans="1:7">');
});

test("text is never a formula; a second identical run adds no style or string", async () => {
  const b = await book();
  const writes: WritePlan["writes"] = [
    { sheet: "事業12", row: 2, col: 6, purpose: "grade", value: "=1+1", fill: "#C6EFCE" },
    { sheet: "事業12", row: 3, col: 6, purpose: "grade", value: "@SUM(A1)", fill: "#C6EFCE" },
    { sheet: "事業12", row: 4, col: 6, purpose: "grade", value: "-13 人", numberFormat: "0.0%" },
  ];
  await applyWritePlan(b, plan(writes));
  const once = await zipTexts(await b.save());
  await applyWritePlan(b, plan(writes));
  const twice = await zipTexts(await b.save());
  expect(twice.get("xl/styles.xml")).toBe(once.get("xl/styles.xml"));
  expect(twice.get("xl/sharedStrings.xml")!.match(/<si>/g)!.length).toBe(once.get("xl/sharedStrings.xml")!.match(/<si>/g)!.length);
  const sheet = (await b.snapshot()).sheets[0];
  expect(sheet.values.slice(2, 5).map((r) => r[6 - sheet.origin.col])).toEqual(["=1+1", "@SUM(A1)", "-13 人"]);
  expect(sheet.formulas?.slice(2, 5).map((r) => r[6 - sheet.origin.col])).toEqual([null, null, null]);
});

test("fillOnlyIf removes our highlight and leaves a user's own fill", async () => {
  const b = await book();
  await applyWritePlan(b, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: "#FCE4D6" }, { sheet: "事業12", row: 3, col: 6, purpose: "grade", fill: "#00FF00" }]));
  await applyWritePlan(b, plan([
    { sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: null, fillOnlyIf: "#FCE4D6" },
    { sheet: "事業12", row: 3, col: 6, purpose: "grade", fill: null, fillOnlyIf: "#FCE4D6" },
  ]));
  const ws = (await exceljsSnapshot(await b.save())).wb.getWorksheet("事業12")!;
  expect((ws.getCell("G3").fill as { pattern?: string } | undefined)?.pattern ?? "none").toBe("none");
  expect(ws.getCell("G4").fill).toMatchObject({ fgColor: { argb: "FF00FF00" } });
});

test("notes: set, replaced and removed, with their VML boxes", async () => {
  const b = await book();
  await applyWritePlan(b, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", note: "一" }, { sheet: "事業12", row: 3, col: 6, purpose: "grade", note: "二" }]));
  await applyWritePlan(b, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", note: null }, { sheet: "事業12", row: 3, col: 6, purpose: "grade", note: "三" }]));
  const bytes = await b.save();
  const texts = await zipTexts(bytes);
  const comments = [...texts.entries()].find(([n]) => n.startsWith("xl/comments"))![1];
  expect(comments).toContain('<comment ref="G4" authorId="0"><text><r><t xml:space="preserve">三</t></r></text></comment>');
  expect(comments).not.toContain("G3");
  if (readerAvailable("openpyxl")) {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kpi-notes-")), "notes.xlsx");
    fs.writeFileSync(out, bytes);
    const cells = readWithOpenpyxl(out)["事業12"];
    expect(cells.G4).toMatchObject({ comment: "三" });
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
  const vml = [...texts.entries()].find(([n]) => n.endsWith(".vml"))![1];
  expect(vml.match(/<x:Row>/g)).toHaveLength(1);
  expect(texts.get("[Content_Types].xml")).toContain("comments+xml");
});

test("refuses the whole plan, changing nothing: outside its columns, a merged cell, a missing sheet, a shared formula's first cell", async () => {
  const b = await book();
  const before = await zipTexts(await b.save());
  const good = { sheet: "事業12", row: 2, col: 6, purpose: "grade" as const, value: "A" };
  expect(await applyWritePlan(b, plan([good, { sheet: "事業12", row: 2, col: 2, purpose: "grade", value: "x" }]))).toMatchObject({ ok: false, code: "outside-plan", cell: "C3" });
  expect(await applyWritePlan(b, plan([good, { sheet: "事業12", row: 0, col: 2, purpose: "grade", value: "x" }], [6, 2]))).toMatchObject({ ok: false, code: "merged-cell", message: expect.stringContaining("B1") });
  expect(await applyWritePlan(b, { ...plan([good, { ...good, sheet: "消えたシート" }]), allowed: [...plan([]).allowed, { sheet: "事業12", col: 6, purpose: "grade", fromRow: 0, toRow: 9 }, { sheet: "消えたシート", col: 6, purpose: "grade", fromRow: 0, toRow: 9 }] })).toMatchObject({ ok: false, code: "missing-sheet", message: expect.stringContaining("消えたシート") });
  expect(await applyWritePlan(b, plan([good, { sheet: "事業12", row: 2, col: 4, purpose: "grade", value: 1 }], [6, 4]))).toMatchObject({ ok: false, code: "shared-formula", cell: "E3" });
  expect(await zipTexts(await b.save())).toEqual(before);
});

describe("Excel's own files take our edits and stay readable", () => {
  const EXCEL = path.join(__dirname, "../../fixtures/xlsx/excel");
  test.each(fs.readdirSync(EXCEL).filter((f) => /\.xls[xm]$/.test(f)))("%s", async (file) => {
    const opened = await openXlsx(fs.readFileSync(path.join(EXCEL, file)), file);
    if (!opened.ok) throw new Error(opened.message);
    const sheet = opened.book.parts.sheets[0].name;
    const applied = await applyEdits(opened.book, [{ sheet, edits: [{ row: 9, col: 9, value: "B", fill: "#C6EFCE", note: "理由" }, { row: 10, col: 9, value: 0.75, numberFormat: "0.0%" }] }]);
    expect(applied.ok).toBe(true);
    const bytes = await opened.book.save();
    const again = await openXlsx(bytes, file);
    expect(again.ok && again.snapshot.sheets[0].values.flat()).toEqual(expect.arrayContaining(["B", 0.75]));
    if (!readerAvailable("openpyxl")) return;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kpi-excel-")), file);
    fs.writeFileSync(out, bytes);
    const cells = readWithOpenpyxl(out)[sheet];
    expect(cells.J10).toMatchObject({ value: "B", comment: expect.stringContaining("理由") });
    expect(cells.J11).toMatchObject({ value: 0.75, format: "0.0%" });
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
