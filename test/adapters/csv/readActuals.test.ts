import { parseActualRows, parsePastedBlock, type ActualRows } from "../../../src/adapters/csv/readActuals";

const CSV = '事業番号,指標,実績値\n12,寄附件数,"1,512件"\n12,返礼品目数,280\n5,施設数,\n';

function rows(read: ActualRows) {
  if (!read.ok) throw new Error(`refused: ${read.message}`);
  return read;
}

function refusal(read: ActualRows) {
  if (read.ok) throw new Error("read, not refused");
  return read;
}

describe("parseActualRows", () => {
  test("rows keep values as typed; an empty 実績値 is reported and skipped", () => {
    const read = rows(parseActualRows(CSV));
    expect(read.rows).toEqual([
      { line: 2, projectNo: "12", indicator: "寄附件数", actual: "1,512件" },
      { line: 3, projectNo: "12", indicator: "返礼品目数", actual: "280" },
    ]);
    expect(read.problems).toEqual([{ line: 4, code: "empty-actual", message: expect.stringContaining("実績値が空") }]);
  });

  test("TSV, full-width and spaced headers, formula-looking values kept as text", () => {
    expect(rows(parseActualRows("指 標\t実績\n寄附件数\t=1+1\n", { fileName: "r7.tsv" })).rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "=1+1" }]);
  });

  test("シート and セル address cells directly", () => {
    expect(rows(parseActualRows("シート,セル,実績値\n事業12,G11,1512\n")).rows).toEqual([{ line: 2, sheet: "事業12", cell: "G11", actual: "1512" }]);
  });

  test("a file without the required columns is refused naming the column", () => {
    expect(refusal(parseActualRows("指標,値\n寄附件数,1\n")).message).toMatch(/「実績値」列がありません.*「指標」、「値」/);
    expect(refusal(parseActualRows("事業番号,実績値\n12,1\n")).message).toMatch(/「指標」列/);
    expect(refusal(parseActualRows("\n\n")).refusal).toEqual({ code: "empty" });
  });

  test("an unquoted 1,234 makes the line wider than the header: reported by its line, not read as 1", () => {
    const read = rows(parseActualRows("指標,実績値\n寄附件数,1,234\n返礼品目数,280\n"));
    expect(read.rows).toEqual([{ line: 3, indicator: "返礼品目数", actual: "280" }]);
    expect(read.problems).toEqual([{ line: 2, code: "column-count", message: expect.stringContaining("見出し 2 列、この行 3 列") }]);
  });

  test("a shorter line is reported; trailing empty cells (as Excel pads them) are not a problem", () => {
    const read = rows(parseActualRows("事業番号,指標,実績値\n寄附件数,1673\n12,返礼品目数,280,,\n"));
    expect(read.problems.map((p) => [p.line, p.code])).toEqual([[2, "column-count"]]);
    expect(read.rows).toEqual([{ line: 3, projectNo: "12", indicator: "返礼品目数", actual: "280" }]);
  });

  test("a quoted line break is refused, not joined into 23; later lines keep their real line numbers", () => {
    const read = rows(parseActualRows('指標,実績値\n寄附件数,"2\n3"\n返礼品目数,280\r\n施設数,3\n'));
    expect(read.problems).toEqual([{ line: 2, code: "line-break", message: expect.stringContaining("2⏎3") }]);
    expect(read.rows).toEqual([
      { line: 4, indicator: "返礼品目数", actual: "280" },
      { line: 5, indicator: "施設数", actual: "3" },
    ]);
  });

  test("an unclosed quote is refused naming the line where it starts", () => {
    expect(refusal(parseActualRows('指標,実績値\n寄附件数,1\n返礼品目数,"280\n施設数,3\n')).refusal).toEqual({ code: "unclosed-quote", line: 3 });
  });

  test("two possible actual columns are ambiguous unless the year picks one by its header", () => {
    const text = "指標,実績値R6,実績値R7\n寄附件数,1200,1673\n";
    expect(refusal(parseActualRows(text)).refusal.code).toBe("ambiguous-actual");
    expect(rows(parseActualRows(text, { year: 2025 })).rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "1673" }]);
    expect(rows(parseActualRows(text, { year: 2024 })).rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "1200" }]);
    expect(refusal(parseActualRows(text, { year: 2023 })).refusal.code).toBe("no-year-column");
    expect(refusal(parseActualRows("指標,実績値,R6実績\n寄附件数,1,2\n", { year: 2025 })).refusal.code).toBe("ambiguous-actual");
  });

  test("a header naming another year than the one written is refused", () => {
    const refused = refusal(parseActualRows("指標,R6実績\n寄附件数,1200\n", { year: 2025 }));
    expect(refused.refusal).toMatchObject({ code: "year-mismatch", headerYear: 2024, year: 2025 });
    expect(refused.message).toContain("R6 の実績ですが、書き込む年度は R7");
    expect(rows(parseActualRows("指標,令和7年度実績\n寄附件数,1673\n", { year: 2025 })).rows).toHaveLength(1);
    expect(rows(parseActualRows("指標,実績値\n寄附件数,1673\n", { year: 2025 })).rows).toHaveLength(1);
  });

  test("100,000 lines are read with the right line numbers", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `指標${i},${i}`);
    const read = rows(parseActualRows(`指標,実績値\n${lines.join("\n")}\n`));
    expect(read.rows).toHaveLength(100_000);
    expect(read.rows[99_999]).toEqual({ line: 100_001, indicator: "指標99999", actual: "99999" });
  });
});

describe("parsePastedBlock", () => {
  test("two columns: name and value; three: project, name, value; with a header", () => {
    expect(rows(parsePastedBlock("寄附件数\t1,512件\r\n返礼品目数\t280\r\n")).rows).toEqual([
      { line: 1, indicator: "寄附件数", actual: "1,512件" },
      { line: 2, indicator: "返礼品目数", actual: "280" },
    ]);
    expect(rows(parsePastedBlock("12\t寄附件数\t1512")).rows).toEqual([{ line: 1, projectNo: "12", indicator: "寄附件数", actual: "1512" }]);
    expect(rows(parsePastedBlock("指標\t実績値\n寄附件数\t1512")).rows).toEqual([{ line: 2, indicator: "寄附件数", actual: "1512" }]);
  });

  test("a cell with a line break (Excel quotes it when copying) is refused, not joined", () => {
    const read = rows(parsePastedBlock('寄附件数\t"2\n3"\n返礼品目数\t280\n'));
    expect(read.problems).toEqual([{ line: 1, code: "line-break", message: expect.any(String) }]);
    expect(read.rows).toEqual([{ line: 3, indicator: "返礼品目数", actual: "280" }]);
  });

  test("a line narrower than the block is reported", () => {
    const read = rows(parsePastedBlock("12\t寄附件数\t1512\n返礼品目数\t280\n"));
    expect(read.problems.map((p) => [p.line, p.code])).toEqual([[2, "column-count"]]);
  });
});
