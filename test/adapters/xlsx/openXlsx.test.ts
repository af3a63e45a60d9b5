/** Reading: what the core gets from a package, the writers whose files must open, and clear refusals. */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { openXlsx } from "../../../src/adapters/xlsx/openXlsx";
import { minimalXlsx } from "../../helpers/minimalXlsx";

const ROOT = path.join(__dirname, "../../..");
const FIXTURES = path.join(ROOT, "test/fixtures/xlsx");

async function open(bytes: Uint8Array) {
  const opened = await openXlsx(bytes, "book.xlsx");
  if (!opened.ok) throw new Error(opened.message);
  return opened.snapshot;
}

describe("what the core reads", () => {
  test("strings shared, inline and rich (phonetic guides left out), numbers with formats, booleans, errors, dates", async () => {
    const sheet = (await open(await minimalXlsx({
      strings: ["<si><t>寄附件数</t></si>", '<si><r><t>返礼</t></r><r><rPr><b/></rPr><t>品目数</t></r><rPh sb="0" eb="2"><t>ヘンレイ</t></rPh></si>', "<si><t>A_x000D_B</t></si>"],
      sheets: [{ name: "事業1", data: '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="1"><v>2000</v></c><c r="D2" t="inlineStr"><is><t>R12.3</t></is></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#DIV/0!</v></c><c r="G2" s="2"><v>45748</v></c><c r="H2" t="d"><v>2025-04-01T00:00:00Z</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c><c r="D3" s="3"/></row>' }],
    }))).sheets[0];
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.values[0]).toEqual(["寄附件数", 2000, "R12.3", true, "#DIV/0!", 45748, 45748]);
    expect(sheet.numberFormats[0].slice(1, 2)).toEqual(['#,##0"件"']);
    expect(sheet.numberFormats[0][5]).toBe("mm-dd-yy");
    expect(sheet.values[1].slice(0, 3)).toEqual(["返礼品目数", "A\rB", null]);
  });

  test("formulas: shared ones moved to each cell, array ones over their range, cached values kept", async () => {
    const sheet = (await open(await minimalXlsx({
      sheets: [{ name: "S", data: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A:A)</f><v>4</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c><c r="C2"><f t="array" ref="C2:C3">A2:A3*10</f><v>20</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c><c r="C3"><v>30</v></c><c r="D3"><f>"A1&amp;"&amp;A1</f><v>A1&amp;1</v></c></row>' }],
    }))).sheets[0];
    expect(sheet.formulas?.map((r) => r[1])).toEqual(["=A1*2+$A$1+SUM(A:A)", "=A2*2+$A$1+SUM(A:A)", "=A3*2+$A$1+SUM(A:A)"]);
    expect(sheet.values.map((r) => r[1])).toEqual([4, 5, null]);
    expect(sheet.formulas?.map((r) => r[2])).toEqual([null, "=A2:A3*10", "=A2:A3*10"]);
    expect(sheet.formulas?.[2][3]).toBe('="A1&"&A1');
  });

  test("merged areas, protection, 1904 dates, rows and cells without r", async () => {
    const book = await open(await minimalXlsx({
      date1904: true,
      sheets: [{ name: "S", data: '<row><c><v>1</v></c><c s="2"><v>44286</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>', after: '<sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="A3:C3"/></mergeCells>' }],
    }));
    const sheet = book.sheets[0];
    expect(sheet.values[0]).toEqual([1, 44286 + 1462, null]);
    expect(sheet.values[1][0]).toBe("x");
    expect(sheet.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
    expect(sheet.protected).toBe(true);
  });
});

describe("workbooks from every writer open", () => {
  const files = [
    ...fs.readdirSync(path.join(FIXTURES, "excel")).filter((f) => /\.xls[xm]$/.test(f)).map((f) => `test/fixtures/xlsx/excel/${f}`),
    "test/fixtures/xlsx/libreoffice-features.xlsm",
    "test/fixtures/xlsx/openpyxl-features.xlsx",
    ...fs.readdirSync(path.join(ROOT, "seeds")).filter((f) => f.endsWith(".xlsx")).map((f) => `seeds/${f}`),
  ];
  test.each(files)("%s", async (file) => {
    const opened = await openXlsx(fs.readFileSync(path.join(ROOT, file)), file);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.snapshot.sheets.length).toBeGreaterThan(0);
  });
});

describe("refusals name the file and the reason", () => {
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const cases: [string, () => Promise<Uint8Array>, string, RegExp][] = [
    ["an encrypted workbook", async () => new Uint8Array([...OLE, ...new Array(100).fill(0), ...utf16("EncryptionInfo"), 0, 0, ...utf16("EncryptedPackage")]), "encrypted", /パスワード/],
    ["an .xls", async () => new Uint8Array([...OLE, ...new Array(100).fill(0), ...utf16("Workbook")]), "xls", /97-2003/],
    ["an .ods", async () => {
      const zip = new JSZip();
      zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
      zip.file("content.xml", "<office:document-content/>");
      return zip.generateAsync({ type: "uint8array" });
    }, "ods", /OpenDocument/],
    ["a text file", async () => new TextEncoder().encode("指標,実績値\n"), "not-a-workbook", /ではない/],
    ["a truncated zip", async () => (await minimalXlsx({ sheets: [{ name: "S", data: "" }] })).slice(0, 300), "broken-zip", /壊れて/],
    ["a zip without a workbook", async () => {
      const zip = new JSZip();
      zip.file("readme.txt", "x");
      return zip.generateAsync({ type: "uint8array" });
    }, "not-a-workbook", /ではない/],
    ["a sheet that is not XML", async () => {
      const zip = await JSZip.loadAsync(await minimalXlsx({ sheets: [{ name: "S", data: "" }] }));
      zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row></sheetData>");
      return zip.generateAsync({ type: "uint8array" });
    }, "broken-part", /xl\/worksheets\/sheet1\.xml/],
    ["a sheet part missing", async () => {
      const zip = await JSZip.loadAsync(await minimalXlsx({ sheets: [{ name: "S", data: "" }] }));
      zip.remove("xl/worksheets/sheet1.xml");
      return zip.generateAsync({ type: "uint8array" });
    }, "missing-part", /xl\/worksheets\/sheet1\.xml/],
  ];
  test.each(cases)("%s", async (_, make, code, words) => {
    const opened = await openXlsx(await make(), "実績.xlsx");
    expect(opened).toMatchObject({ ok: false, code, file: "実績.xlsx" });
    if (!opened.ok) {
      expect(opened.message).toContain("実績.xlsx");
      expect(opened.message).toMatch(words);
    }
  });
});
