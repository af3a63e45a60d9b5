import iconv from "iconv-lite";
import { decodeText, parseActualRows, parsePastedBlock } from "../../../src/adapters/csv/readActuals";

const CSV = '事業番号,指標,実績値\n12,寄附件数,"1,512件"\n12,返礼品目数,280\n5,施設数,\n';

describe("decodeText", () => {
  test("UTF-8, UTF-8 with BOM and Shift_JIS read the same", () => {
    expect(decodeText(Buffer.from(CSV, "utf8"))).toEqual({ text: CSV, encoding: "utf-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, "utf8")]))).toEqual({ text: CSV, encoding: "utf-8-bom" });
    expect(decodeText(iconv.encode(CSV, "cp932"))).toEqual({ text: CSV, encoding: "shift_jis" });
  });
});

describe("parseActualRows", () => {
  test("rows keep values as typed; an empty 実績値 is reported and skipped", () => {
    const { rows, problems } = parseActualRows(CSV);
    expect(rows).toEqual([
      { line: 2, projectNo: "12", indicator: "寄附件数", actual: "1,512件" },
      { line: 3, projectNo: "12", indicator: "返礼品目数", actual: "280" },
    ]);
    expect(problems).toEqual([{ line: 4, message: expect.stringContaining("実績値が空") }]);
  });

  test("TSV, full-width and spaced headers, formula-looking values kept as text", () => {
    const { rows } = parseActualRows("指 標\t実績\n寄附件数\t=1+1\n", { fileName: "r7.tsv" });
    expect(rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "=1+1" }]);
  });

  test("シート and セル address cells directly", () => {
    expect(parseActualRows("シート,セル,実績値\n事業12,G11,1512\n").rows).toEqual([{ line: 2, sheet: "事業12", cell: "G11", actual: "1512" }]);
  });

  test("a file without the required columns is an error naming the column", () => {
    expect(() => parseActualRows("指標,値\n寄附件数,1\n")).toThrow(/実績値/);
    expect(() => parseActualRows("事業番号,実績値\n12,1\n")).toThrow(/指標/);
  });
});

describe("parsePastedBlock", () => {
  test("two columns: name and value; three: project, name, value; with a header", () => {
    expect(parsePastedBlock("寄附件数\t1,512件\r\n返礼品目数\t280\r\n").rows).toEqual([
      { line: 1, indicator: "寄附件数", actual: "1,512件" },
      { line: 2, indicator: "返礼品目数", actual: "280" },
    ]);
    expect(parsePastedBlock("12\t寄附件数\t1512").rows).toEqual([{ line: 1, projectNo: "12", indicator: "寄附件数", actual: "1512" }]);
    expect(parsePastedBlock("指標\t実績値\n寄附件数\t1512").rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "1512" }]);
  });
});
