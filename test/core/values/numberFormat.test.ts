/**
 * Number formats as Japanese workbooks hold them (the invariant code: Japanese Excel shows
 * `G/標準"件"` and stores `General"件"`), each with the reading a number cell gets.
 */
import fs from "node:fs";
import path from "node:path";
import { snapshotOf } from "../../helpers/xlsxFiles";
import { ExcelJSWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { getPreset } from "../../../src/core/presets/builtin";
import { parseValue } from "../../../src/core/values/parseValue";
import { evaluateWorkbook } from "../../../src/core/workbook/evaluateWorkbook";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";

type Expected = { value: number; unit: string; text: string } | "date";

/** [format, cell value, reading]: formats taken from municipal KPI and action-plan workbooks. */
const FORMATS: [string, number, Expected][] = [
  // General with literal text or units: 「G/標準"件"」 in Japanese Excel
  ['General"件"', 1274, { value: 1274, unit: "件", text: "1,274件" }],
  ['General" 件"', 1274, { value: 1274, unit: "件", text: "1,274件" }],
  ['General"人"', 24, { value: 24, unit: "人", text: "24人" }],
  ['General"品目"', 266, { value: 266, unit: "品目", text: "266品目" }],
  ['G/標準"校"', 3, { value: 3, unit: "校", text: "3校" }],
  ['"約"General"人"', 120, { value: 120, unit: "人", text: "120人" }],
  ["General", 0.5, { value: 0.5, unit: "", text: "0.5" }],
  ["@", 12, { value: 12, unit: "", text: "12" }],
  // Locale and calendar tags
  ["[$-ja-JP]General", 1500, { value: 1500, unit: "", text: "1,500" }],
  ['[$-ja-JP]General"件"', 1500, { value: 1500, unit: "件", text: "1,500件" }],
  ['[$-411]General"回"', 8, { value: 8, unit: "回", text: "8回" }],
  ['[$-411]#,##0"人"', 944, { value: 944, unit: "人", text: "944人" }],
  ["[DBNum1]General", 12, { value: 12, unit: "", text: "12" }],
  ['[DBNum1][$-411]General"件"', 12, { value: 12, unit: "件", text: "12件" }],
  ['[DBNum2]#,##0"円"', 5000, { value: 5000, unit: "円", text: "5,000円" }],
  ["[DBNum3]0", 7, { value: 7, unit: "", text: "7" }],
  ['[DBNum1][$-ja-JP]0"位"', 3, { value: 3, unit: "位", text: "3位" }],
  // Units, thousands, currency
  ['#,##0"件"', 2267, { value: 2267, unit: "件", text: "2,267件" }],
  ['#,##0"部"', 91750, { value: 91750, unit: "部", text: "91,750部" }],
  ['0.0"㎡"', 2.05, { value: 2.05, unit: "㎡", text: "2.05㎡" }],
  ["0\\件", 12, { value: 12, unit: "件", text: "12件" }],
  ['#,##0"千円"', 23470, { value: 23_470_000, unit: "円", text: "23,470,000円" }],
  ['#,##0,"千円"', 23_470_000, { value: 23_470_000, unit: "円", text: "23,470,000円" }],
  ['#,##0.0"万人"', 6.5, { value: 65_000, unit: "人", text: "65,000人" }],
  ['0.0"億円"', 99.8, { value: 9_980_000_000, unit: "円", text: "9,980,000,000円" }],
  ["¥#,##0", 1000, { value: 1000, unit: "円", text: "1,000円" }],
  ["[$￥-411]#,##0", 1000, { value: 1000, unit: "円", text: "1,000円" }],
  ['"¥"#,##0;"¥"\\-#,##0', 300, { value: 300, unit: "円", text: "300円" }],
  // Percentages
  ["0.0%", 0.749, { value: 0.749, unit: "%", text: "74.9%" }],
  ["0%", 1, { value: 1, unit: "%", text: "100%" }],
  ['0.0"%"', 74.9, { value: 0.749, unit: "%", text: "74.9%" }],
  ["0.0\\%", 80.9, { value: 0.809, unit: "%", text: "80.9%" }],
  // Padding, colours, sections, conditions
  ["#,##0_ ", 1512, { value: 1512, unit: "", text: "1,512" }],
  ['#,##0"件"_ ;[Red]\\-#,##0"件"\\ ', 1512, { value: 1512, unit: "件", text: "1,512件" }],
  ['#,##0"人";[Red]-#,##0"人"', -13, { value: -13, unit: "人", text: "-13人" }],
  ['#,##0;"△"#,##0', -13, { value: -13, unit: "", text: "-13" }],
  ['#,##0"人";"▲"#,##0"人";"－"', 0, { value: 0, unit: "人", text: "0人" }],
  ['[=0]"－";#,##0"件"', 5, { value: 5, unit: "件", text: "5件" }],
  ["#,##0.0_);[Red]\\(#,##0.0\\)", 12.5, { value: 12.5, unit: "", text: "12.5" }],
  ['[Blue]#,##0"施設"', 4, { value: 4, unit: "施設", text: "4施設" }],
  ["* #,##0", 3, { value: 3, unit: "", text: "3" }],
  ['"第"0"期"', 2, { value: 2, unit: "期", text: "2期" }],
  ["0.00E+00", 1234, { value: 1234, unit: "", text: "1,234" }],
  // Dates and times: not quantities
  ['[$-411]ggge"年"m"月"d"日"', 45382, "date"],
  ['[$-ja-JP]ggge"年"m"月"d"日"', 45382, "date"],
  ["[$-ja-JP-x-gannen]ggge\"年\"m\"月\"", 45382, "date"],
  ["ge.m.d", 45382, "date"],
  ['yyyy"年"m"月"d"日"', 45382, "date"],
  ['m"月"d"日"', 45382, "date"],
  ["yyyy/m/d", 45382, "date"],
  ["[$-F800]dddd, mmmm dd, yyyy", 45382, "date"],
  ["h:mm", 0.5, "date"],
  ["[h]:mm:ss", 1.5, "date"],
  ["[$-F400]h:mm:ss AM/PM", 0.25, "date"],
];

describe("number formats from Japanese workbooks", () => {
  test("there are at least 40", () => expect(FORMATS.length).toBeGreaterThanOrEqual(40));

  test.each(FORMATS)("%s with %p", (numberFormat, value, expected) => {
    const reading = parseValue({ value, numberFormat });
    if (expected === "date") expect(reading).toMatchObject({ kind: "error", message: expect.stringContaining("日付") });
    else expect(reading).toEqual({ kind: "number", ...expected });
  });
});

/** Every number-with-unit text cell as a number under the format Japanese Excel would give it: 1,274 件 → 1274 with G/標準"件". */
function asFormattedNumbers(book: WorkbookSnapshot): { book: WorkbookSnapshot; converted: number } {
  let converted = 0;
  const sheets = book.sheets.map((sheet) => {
    const values = sheet.values.map((line) => [...line]);
    const numberFormats = sheet.numberFormats.map((line) => [...line]);
    values.forEach((line, r) => line.forEach((v, c) => {
      if (typeof v !== "string") return;
      const reading = parseValue({ value: v });
      if (reading.kind !== "number" || reading.note || reading.cumulative || /[万億千]/.test(v)) return;
      if (reading.unit === "%") {
        values[r][c] = reading.value;
        numberFormats[r][c] = "0.0%";
      } else if (reading.unit !== "") {
        values[r][c] = reading.value;
        numberFormats[r][c] = `General"${reading.unit}"`;
      } else return;
      converted++;
    }));
    return { ...sheet, values, numberFormats };
  });
  return { book: { sheets }, converted };
}

test('the 武蔵野市 sample with G/標準"件" number cells grades exactly as with its text cells', async () => {
  const snapshot = await snapshotOf(fs.readFileSync(path.join(__dirname, "../../../seeds/musashino-action-plan.xlsx")));
  const settings = { year: 2025, preset: getPreset("standard")! };
  const before = evaluateWorkbook(readWorkbook(snapshot), settings);
  const { book, converted } = asFormattedNumbers(snapshot);
  expect(converted).toBeGreaterThan(100);
  const after = evaluateWorkbook(readWorkbook(book), settings);
  const grades = (e: typeof before) => e.outcomes.map((o) => `${o.indicator.sheet} ${o.indicator.name}: ${o.result.grade} ${o.result.rate}`);
  expect(grades(after)).toEqual(grades(before));
  expect(after.diagnostics.filter((d) => /日付/.test(d.message))).toEqual([]);

  // The same cells saved as an .xlsx (number formats in styles.xml) and read back by the file layer.
  const builder = new ExcelJSWorkbookBuilder();
  for (const sheet of book.sheets) {
    const b = builder.sheet(sheet.name);
    sheet.values.forEach((line, r) => line.forEach((v, c) => {
      if (v !== null) b.set(sheet.origin.row + r, sheet.origin.col + c, v, "value", sheet.numberFormats[r][c]);
    }));
    for (const m of sheet.merges) b.merge(m);
  }
  const saved = await snapshotOf(new Uint8Array(await builder.workbook.xlsx.writeBuffer()));
  expect(grades(evaluateWorkbook(readWorkbook(saved), settings))).toEqual(grades(before));
});
