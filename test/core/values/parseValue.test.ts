import { formatInfo, formatQuantity, parseValue } from "../../../src/core/values/parseValue";
import type { ValueReading } from "../../../src/core/values/ValueReading";

const read = (value: string | number | boolean | null, numberFormat?: string): ValueReading => parseValue({ value, numberFormat });

describe("parseValue: numbers with units and notes", () => {
  it.each<[string, number, string, string]>([
    ["2,267件 (12計画)", 2267, "件", "12計画"],
    ["2,267件（12計画）", 2267, "件", "12計画"],
    ["365人 (延べ26回)", 365, "人", "延べ26回"],
    ["47人 (17委員会)", 47, "人", "17委員会"],
    ["24名", 24, "名", ""],
    ["0名", 0, "名", ""],
    ["2.05㎡", 2.05, "㎡", ""],
    ["2.05 ㎥", 2.05, "㎥", ""],
    ["12.5㎢", 12.5, "㎢", ""],
    ["91,750部", 91750, "部", ""],
    ["2,399,252件", 2399252, "件", ""],
    ["3校", 3, "校", ""],
    ["2回", 2, "回", ""],
    ["350 品目", 350, "品目", ""],
    ["266 品目", 266, "品目", ""],
    ["944 人", 944, "人", ""],
    ["1,274 件", 1274, "件", ""],
    ["18,167 人", 18167, "人", ""],
    ["6 箇所", 6, "箇所", ""],
    ["115団体", 115, "団体", ""],
    ["270区画", 270, "区画", ""],
    ["1.16", 1.16, "", ""],
    ["112", 112, "", ""],
    ["１２３", 123, "", ""],
    ["0108040103", 108040103, "", ""],
  ])("%s", (text, value, unit, note) => {
    const r = read(text);
    expect(r).toEqual({ kind: "number", value, unit, text, ...(note === "" ? {} : { note }) });
  });

  it.each<[string, number, string]>([
    ["99.8億円", 9_980_000_000, "円"],
    ["23,470千円", 23_470_000, "円"],
    ["6.5 万件", 65_000, "件"],
    ["4万件", 40_000, "件"],
    ["1.2百万円", 1_200_000, "円"],
    ["3兆円", 3_000_000_000_000, "円"],
    ["0.07万人", 700, "人"],
    ["4万", 40_000, ""],
  ])("multiplier %s", (text, value, unit) => {
    expect(read(text)).toEqual({ kind: "number", value, unit, text });
  });

  it("scales multipliers through the decimal, not by multiplying doubles", () => {
    expect(read("1.1万件")).toMatchObject({ value: 11000 });
    expect(read("0.29万件")).toMatchObject({ value: Number("0.29e4") });
    expect(read("1.005億円")).toMatchObject({ value: 100_500_000 });
  });
});

describe("parseValue: percentages", () => {
  it.each<[string, number]>([
    ["74.9%", 0.749],
    ["８４.９％", 0.849],
    ["１００％", 1],
    ["103%", 1.03],
    ["104%", 1.04],
    ["5.0%", 0.05],
    ["4.96%", 0.0496],
    ["3.01%", 0.0301],
    ["0.06%", 0.0006],
    ["0%", 0],
    ["41.08%", 0.4108],
    ["82.5 %", 0.825],
  ])("%s", (text, value) => {
    expect(read(text)).toEqual({ kind: "number", value, unit: "%", text });
  });

  it("is exact: 74.9% is the double nearest 0.749, which 74.9 / 100 is not", () => {
    expect(74.9 / 100).not.toBe(0.749);
    expect((read("74.9%") as { value: number }).value).toBe(0.749);
    expect((read("0.7%") as { value: number }).value).toBe(0.007);
    expect((read("57.7%") as { value: number }).value).toBe(0.577);
  });

  it("reads a number cell formatted as a percentage as it is", () => {
    expect(read(0.749, "0.0%")).toEqual({ kind: "number", value: 0.749, unit: "%", text: "74.9%" });
    expect(read(1.03, "0%")).toEqual({ kind: "number", value: 1.03, unit: "%", text: "103%" });
    expect(read(0, "0.00%")).toEqual({ kind: "number", value: 0, unit: "%", text: "0%" });
  });

  it("refuses a percent sign inside another unit", () => {
    expect(read("5%pt").kind).toBe("error");
  });
});

describe("parseValue: signs", () => {
  it.each<[string, number, string]>([
    ["+460人", 460, "人"],
    ["+600人", 600, "人"],
    ["-13 人", -13, "人"],
    ["-13人", -13, "人"],
    ["△13", -13, ""],
    ["▲13", -13, ""],
    ["▲2.5%", -0.025, "%"],
    ["△1,200千円", -1_200_000, "円"],
    ["＋４６０人", 460, "人"],
    ["－１３人", -13, "人"],
    ["－１３ 人", -13, "人"],
    ["−13人", -13, "人"],
    ["-0.5%", -0.005, "%"],
    ["0 人", 0, "人"],
  ])("%s", (text, value, unit) => {
    expect(read(text)).toEqual({ kind: "number", value, unit, text });
  });

  it("never returns negative zero", () => {
    expect(Object.is((read("-0件") as { value: number }).value, 0)).toBe(true);
    expect(Object.is((read(-0) as { value: number }).value, 0)).toBe(true);
  });
});

describe("parseValue: footnote marks", () => {
  it.each<[string, number, string]>([
    ["80.9%※", 0.809, "%"],
    ["58.1%※1", 0.581, "%"],
    ["82.5%※2", 0.825, "%"],
    ["+460人※1", 460, "人"],
    ["62,600人※2", 62600, "人"],
    ["187,066人※", 187066, "人"],
    ["1.78%※", 0.0178, "%"],
    ["12件※1※2", 12, "件"],
    ["※1 12件", 12, "件"],
  ])("%s", (text, value, unit) => {
    expect(read(text)).toEqual({ kind: "number", value, unit, text });
  });

  it("a lone mark is no value", () => {
    expect(read("※2")).toEqual({ kind: "empty", text: "※2" });
    expect(read("※")).toEqual({ kind: "empty", text: "※" });
  });

  it("words after a mark are a note about the value", () => {
    expect(read("55% ※平成 32 年世論調査")).toEqual({ kind: "number", value: 0.55, unit: "%", note: "平成 32 年世論調査", text: "55% ※平成 32 年世論調査" });
  });
});

describe("parseValue: empty", () => {
  it.each(["—", "－", "-", "―", "‐", "—%", "-%", "ー", "−", "--", "— 人", "", "   ", "　"])("%j", (text) => {
    expect(read(text)).toEqual({ kind: "empty", text: text.trim() });
  });

  it("null is empty", () => {
    expect(read(null)).toEqual({ kind: "empty", text: "" });
    expect(parseValue({ value: null })).toEqual({ kind: "empty", text: "" });
  });

  it.each(["未集計", "調査中", "未把握", "集計中", "評価不能", "非公表"])("%s keeps the word as reason", (word) => {
    expect(read(word)).toEqual({ kind: "empty", reason: word, text: word });
    expect(read(` ${word} `)).toEqual({ kind: "empty", reason: word, text: word });
  });

  it("a reason word with a note in brackets", () => {
    expect(read("未集計（10月公表予定）")).toEqual({ kind: "empty", reason: "未集計", text: "未集計（10月公表予定）" });
  });
});

describe("parseValue: cumulative and approximate", () => {
  it.each<[string, number, string]>([
    ["延べ8", 8, ""],
    ["延べ 365人", 365, "人"],
    ["［累計］12,000人", 12000, "人"],
    ["[累計]12,000人", 12000, "人"],
    ["累計 120件", 120, "件"],
    ["120件（累計）", 120, "件"],
  ])("%s", (text, value, unit) => {
    expect(read(text)).toEqual({ kind: "number", value, unit, cumulative: true, text });
  });

  it("約 is a note", () => {
    expect(read("約1,000人")).toEqual({ kind: "number", value: 1000, unit: "人", note: "約", text: "約1,000人" });
    expect(read("約 6.5万件")).toEqual({ kind: "number", value: 65000, unit: "件", note: "約", text: "約 6.5万件" });
  });

  it("a note naming 延べ for another count does not make the value cumulative", () => {
    expect(read("365人 (延べ26回)")).not.toHaveProperty("cumulative");
  });
});

describe("parseValue: number cells", () => {
  it.each<[number, string | undefined, string, string]>([
    [1512, undefined, "", "1,512"],
    [1512, "General", "", "1,512"],
    [1512, "G/標準", "", "1,512"],
    [1512, '#,##0"件"', "件", "1,512件"],
    [2.05, '0.0"㎡"', "㎡", "2.05㎡"],
    [12, "0\\件", "件", "12件"],
    [12, '#,##0"人";[Red]-#,##0"人"', "人", "12人"],
    [12, '[$-ja-JP]#,##0" 人"', "人", "12人"],
    [1000, "¥#,##0", "円", "1,000円"],
    [3.14159, "0.00", "", "3.1416"],
    [1.5e21, "General", "", "1.5e+21"],
  ])("%p formatted %p", (value, numberFormat, unit, text) => {
    expect(read(value, numberFormat)).toEqual({ kind: "number", value, unit, text });
  });

  it("a date cell is not a quantity", () => {
    expect(read(45382, "yyyy/m/d")).toMatchObject({ kind: "error" });
    expect(read(45382, '[$-ja-JP]ggge"年"m"月"d"日"')).toMatchObject({ kind: "error" });
    expect(read(0.5, "h:mm")).toMatchObject({ kind: "error" });
  });

  it("scientific formats are numbers", () => {
    expect(read(1234, "0.00E+00")).toMatchObject({ kind: "number", value: 1234, unit: "" });
  });

  it("booleans and non-finite numbers are errors", () => {
    expect(read(true)).toMatchObject({ kind: "error", text: "TRUE" });
    expect(read(false)).toMatchObject({ kind: "error", text: "FALSE" });
    expect(read(Number.NaN)).toMatchObject({ kind: "error" });
    expect(read(Number.POSITIVE_INFINITY)).toMatchObject({ kind: "error" });
  });

  it("formatInfo is cached and pure", () => {
    expect(formatInfo('#,##0"件"')).toBe(formatInfo('#,##0"件"'));
    expect(formatInfo("0.0%")).toEqual({ unit: "%", date: false, power: 0 });
    expect(formatInfo("yyyy年m月")).toEqual({ unit: "年月", date: true, power: 0 });
  });
});

describe("parseValue: never guessed", () => {
  it.each([
    "10～20件",
    "10〜20件",
    "10-20件",
    "10件 20件",
    "10 20",
    "1,2345件",
    "12,34",
    "たくさん",
    "約",
    "増加",
    "前年度比",
    "R6.3",
    "R7",
    "abc",
    "1,000人と2,000人",
    "法定雇用率以上",
    "100% 以上",
    "12%件",
    "人口 100人",
    "100人以上",
    "1.2.3",
    "△",
    "+",
    ".5",
    "x".repeat(500),
  ])("%s is an error with the text", (text) => {
    const r = read(text);
    expect(r).toEqual({ kind: "error", text, message: `数値として読めません: 「${text}」` });
  });
});

describe("formatQuantity", () => {
  it.each<[number, string, string]>([
    [1512, "件", "1,512件"],
    [0.756, "%", "75.6%"],
    [0, "%", "0%"],
    [1.03, "%", "103%"],
    [0.749, "%", "74.9%"],
    [0.12345, "%", "12.35%"],
    [0.0496, "%", "4.96%"],
    [1e-7, "%", "0%"],
    [9_980_000_000, "円", "9,980,000,000円"],
    [2.05, "㎡", "2.05㎡"],
    [3.14159265, "", "3.1416"],
    [1.5, "人", "1.5人"],
    [100, "人", "100人"],
    [1000, "", "1,000"],
    [-13, "人", "-13人"],
    [-1234.5, "件", "-1,234.5件"],
    [-0.00001, "件", "0件"],
    [123456.7, "円", "123,456.7円"],
    [1 / 3, "", "0.3333"],
  ])("%p %p → %s", (value, unit, expected) => {
    expect(formatQuantity(value, unit)).toBe(expected);
  });

  it("never throws on odd numbers", () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, Number.MIN_VALUE, 1e300]) {
      expect(typeof formatQuantity(v, "%")).toBe("string");
      expect(typeof formatQuantity(v, "件")).toBe("string");
    }
  });
});
