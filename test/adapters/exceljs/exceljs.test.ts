import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyWritePlan } from "../../../src/adapters/exceljs/applyPlan";
import { loadWorkbook, saveWorkbook } from "../../../src/adapters/exceljs/file";
import { readWorkbookSnapshot } from "../../../src/adapters/exceljs/readSnapshot";
import type { WritePlan } from "../../../src/core/workbook/WritePlan";

async function fixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("事業12");
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 40;
  ws.getCell("A1").value = "事業番号";
  ws.getCell("B1").value = 12;
  ws.mergeCells("B1:D1");
  ws.getCell("A2").value = "指標";
  ws.getCell("A2").font = { bold: true };
  ws.getCell("B2").value = "項目";
  ws.getCell("C2").value = "目標値";
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ws.getCell("B3").value = { richText: [{ text: "寄附" }, { text: "件数", font: { bold: true } }] };
  ws.getCell("C3").value = 2000;
  ws.getCell("C3").numFmt = '#,##0"件"';
  ws.getCell("D3").value = 0.749;
  ws.getCell("D3").numFmt = "0.0%";
  ws.getCell("E3").value = { formula: "C3*2", result: 4000 };
  ws.getCell("F3").value = new Date(Date.UTC(2025, 3, 1));
  ws.getCell("F3").numFmt = "yyyy/m/d";
  ws.getCell("C4").dataValidation = { type: "list", allowBlank: true, formulae: ['"A,B,C"'] };
  const other = wb.addWorksheet("メモ");
  other.getCell("A1").value = "会議メモ";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function plan(writes: WritePlan["writes"], cols = [6]): WritePlan {
  return { operation: "evaluate", year: 2025, writes, allowed: cols.map((col) => ({ sheet: "事業12", col, purpose: "grade" as const, fromRow: 1, toRow: 5 })) };
}

function cellsOf(wb: ExcelJS.Workbook) {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${ws.name}!${cell.address}`] = JSON.stringify({ v: cell.value, s: cell.style, dv: cell.dataValidation });
      });
    });
  });
  return out;
}

describe("readWorkbookSnapshot", () => {
  test("values, number formats, formulas, merges, dates and rich text", async () => {
    const { snapshot, unsupported } = await loadWorkbook(await fixture());
    expect(unsupported).toEqual([]);
    const [sheet, memo] = snapshot.sheets;
    expect(sheet.name).toBe("事業12");
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
    expect(sheet.values[0]).toEqual(["事業番号", 12, null, null, null, null]);
    expect(sheet.values[2]).toEqual([null, "寄附件数", 2000, 0.749, 4000, 45748]);
    expect(sheet.numberFormats[2].slice(2, 4)).toEqual(['#,##0"件"', "0.0%"]);
    expect(sheet.formulas?.[2][4]).toBe("=C3*2");
    expect(memo.values).toEqual([["会議メモ"]]);
  });
});

describe("applyWritePlan", () => {
  test("writes only the plan's cells; every other cell, style, merge and validation survives", async () => {
    const original = await loadWorkbook(await fixture());
    const before = cellsOf(original.wb);
    applyWritePlan(original.wb, plan([
      { sheet: "事業12", row: 1, col: 6, purpose: "header", value: "R7評価", copyFormatFrom: { row: 1, col: 2 } },
      { sheet: "事業12", row: 2, col: 6, purpose: "grade", value: "C", fill: "#FFEB9C", note: "評価の理由" },
    ]));
    const reloaded = await loadWorkbook(await saveWorkbook(original.wb));
    const after = cellsOf(reloaded.wb);
    for (const [address, cell] of Object.entries(before)) expect([address, after[address]]).toEqual([address, cell]);
    const ws = reloaded.wb.getWorksheet("事業12")!;
    expect(ws.getCell("G2").value).toBe("R7評価");
    expect(ws.getCell("G2").fill).toEqual(ws.getCell("C2").fill);
    expect(ws.getCell("G3").value).toBe("C");
    expect((ws.getCell("G3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(ws.getCell("G3").note).toBe("評価の理由");
    expect(ws.getColumn(1).width).toBe(12);
    expect(ws.model.merges).toEqual(["B1:D1"]);
  });

  test("a fill change on a cell sharing its style with others changes that cell only", async () => {
    const { wb } = await loadWorkbook(await fixture());
    applyWritePlan(wb, { ...plan([{ sheet: "事業12", row: 1, col: 3, purpose: "grade", fill: "#FF0000" }], [3]) });
    const ws = wb.getWorksheet("事業12")!;
    expect((ws.getCell("D2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFF0000");
    expect((ws.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
  });

  test("formula-looking text stays text after saving and loading again", async () => {
    const { wb } = await loadWorkbook(await fixture());
    applyWritePlan(wb, plan([
      { sheet: "事業12", row: 2, col: 6, purpose: "grade", value: "=1+1" },
      { sheet: "事業12", row: 3, col: 6, purpose: "grade", value: "@SUM(A1)" },
      { sheet: "事業12", row: 4, col: 6, purpose: "grade", value: "-13 人" },
    ]));
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    const sheet = reloaded.snapshot.sheets[0];
    expect(sheet.values.map((r) => r[6])).toEqual([null, null, "=1+1", "@SUM(A1)", "-13 人"]);
    expect(sheet.formulas?.map((r) => r[6])).toEqual([null, null, null, null, null]);
  });

  test("fillOnlyIf removes the add-in's highlight and leaves a user's own fill", async () => {
    const { wb } = await loadWorkbook(await fixture());
    applyWritePlan(wb, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: "#FCE4D6" }]));
    applyWritePlan(wb, plan([
      { sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: null, fillOnlyIf: "#FCE4D6" },
      { sheet: "事業12", row: 1, col: 6, purpose: "grade", fill: null, fillOnlyIf: "#FCE4D6" },
    ]));
    const ws = wb.getWorksheet("事業12")!;
    expect(ws.getCell("G3").fill).toBeUndefined();
    applyWritePlan(wb, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: "#00FF00" }]));
    applyWritePlan(wb, plan([{ sheet: "事業12", row: 2, col: 6, purpose: "grade", fill: null, fillOnlyIf: "#FCE4D6" }]));
    expect((ws.getCell("G3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00FF00");
  });

  test("refuses the whole plan, writing nothing, outside its columns, into a merged cell or a missing sheet", async () => {
    const { wb } = await loadWorkbook(await fixture());
    const before = JSON.stringify(readWorkbookSnapshot(wb));
    const good = { sheet: "事業12", row: 2, col: 6, purpose: "grade" as const, value: "A" };
    expect(() => applyWritePlan(wb, plan([good, { sheet: "事業12", row: 2, col: 2, purpose: "grade", value: "x" }]))).toThrow(/C3/);
    expect(() => applyWritePlan(wb, { ...plan([good, { sheet: "事業12", row: 0, col: 2, purpose: "grade", value: "x" }], [6, 2]), allowed: [{ sheet: "事業12", col: 2, purpose: "grade", fromRow: 0, toRow: 5 }, { sheet: "事業12", col: 6, purpose: "grade", fromRow: 0, toRow: 5 }] })).toThrow(/結合/);
    expect(() => applyWritePlan(wb, { ...plan([{ ...good, sheet: "消えたシート" }]), allowed: [{ sheet: "消えたシート", col: 6, purpose: "grade", fromRow: 0, toRow: 5 }] })).toThrow(/消えたシート/);
    expect(JSON.stringify(readWorkbookSnapshot(wb))).toBe(before);
  });
});

describe("findUnsupportedParts", () => {
  async function withEntries(entries: Record<string, string>): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await fixture());
    for (const [path, content] of Object.entries(entries)) zip.file(path, content);
    return Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
  }

  test("names a chart, a pivot table and macros", async () => {
    const chart = await withEntries({ "xl/charts/chart1.xml": "<c:chartSpace/>" });
    expect((await loadWorkbook(chart)).unsupported).toEqual(["グラフ (charts)"]);
    const more = await withEntries({ "xl/pivotTables/pivotTable1.xml": "<x/>", "xl/vbaProject.bin": "x" });
    expect((await loadWorkbook(more)).unsupported).toEqual(["ピボットテーブル (pivot tables)", "マクロ (VBA macros)"]);
  });
});
