import { parseDirectionWord, parseTarget } from "../../../src/core/targets/parseTarget";
import type { Comparator } from "../../../src/core/targets/Target";

const target = (value: string | number | boolean | null, numberFormat?: string) => parseTarget({ value, numberFormat });

describe("parseTarget: values", () => {
  it.each<[string, number, string]>([
    ["2,000 件", 2000, "件"],
    ["350 品目", 350, "品目"],
    ["1,000 人", 1000, "人"],
    ["6.5 万件", 65000, "件"],
    ["６.５ 万件", 65000, "件"],
    ["600件", 600, "件"],
    ["48件", 48, "件"],
    ["6校", 6, "校"],
    ["2回", 2, "回"],
    ["10件", 10, "件"],
    ["82.5%", 0.825, "%"],
    ["81.6%", 0.816, "%"],
    ["0.8%", 0.008, "%"],
    ["80%", 0.8, "%"],
    ["100%", 1, "%"],
    ["１００％", 1, "%"],
    ["20 人", 20, "人"],
    ["0 人", 0, "人"],
    ["+600人", 600, "人"],
    ["55.7%", 0.557, "%"],
    ["1.23", 1.23, ""],
    ["85%", 0.85, "%"],
  ])("%s", (text, value, unit) => {
    expect(target(text)).toEqual({ kind: "value", value, unit, text });
  });

  it.each<[string, number, string]>([
    ["0件", 0, "件"],
    ["0%", 0, "%"],
    ["0施設", 0, "施設"],
  ])("zero target %s", (text, value, unit) => {
    expect(target(text)).toEqual({ kind: "value", value, unit, text });
  });

  it.each<[string, number, string, Comparator]>([
    ["100% 以上", 1, "%", ">="],
    ["100%以上", 1, "%", ">="],
    ["2.08㎡以下", 2.08, "㎡", "<="],
    ["5件未満", 5, "件", "<"],
    ["10件超", 10, "件", ">"],
    ["3日以内", 3, "日", "<="],
    ["≧80%", 0.8, "%", ">="],
    ["≥ 80%", 0.8, "%", ">="],
    ["≦2.08㎡", 2.08, "㎡", "<="],
    ["≤2.08㎡", 2.08, "㎡", "<="],
    ["＞10件", 10, "件", ">"],
    ["<5件", 5, "件", "<"],
    ["100% 以 上", 1, "%", ">="],
    ["100%以上を目指す", 1, "%", ">="],
    ["1,000人を超える", 1000, "人", ">"],
    ["0件以下", 0, "件", "<="],
    ["10件未満", 10, "件", "<"],
    ["5人超", 5, "人", ">"],
    ["3件以内", 3, "件", "<="],
    ["≦20人", 20, "人", "<="],
  ])("%s", (text, value, unit, comparator) => {
    expect(target(text)).toEqual({ kind: "value", value, unit, comparator, text });
  });

  it("keeps a note", () => {
    expect(target("2,000件 (累計目標)")).toEqual({ kind: "value", value: 2000, unit: "件", note: "累計目標", text: "2,000件 (累計目標)" });
    expect(target("55% ※平成 32 年世論調査")).toEqual({ kind: "value", value: 0.55, unit: "%", note: "平成 32 年世論調査", text: "55% ※平成 32 年世論調査" });
  });

  it("number cells", () => {
    expect(target(2000)).toEqual({ kind: "value", value: 2000, unit: "", text: "2,000" });
    expect(target(2000, '#,##0"件"')).toEqual({ kind: "value", value: 2000, unit: "件", text: "2,000件" });
    expect(target(0.8, "0%")).toEqual({ kind: "value", value: 0.8, unit: "%", text: "80%" });
    expect(target(0)).toEqual({ kind: "value", value: 0, unit: "", text: "0" });
  });
});

describe("parseTarget: directions", () => {
  it.each<[string, "up" | "down" | "maintain"]>([
    ["増加", "up"],
    ["向上", "up"],
    ["上昇", "up"],
    ["拡大", "up"],
    ["増加を目指す", "up"],
    ["増加させる", "up"],
    ["減少", "down"],
    ["低下", "down"],
    ["縮小", "down"],
    ["削減", "down"],
    ["減少を目指す", "down"],
    ["維持", "maintain"],
    ["現状維持", "maintain"],
    ["維持・向上", "maintain"],
    [" 増 加 ", "up"],
  ])("%s → %s", (text, direction) => {
    expect(target(text)).toEqual({ kind: "directional", direction, text: text.trim() });
  });

  it("改善 says better, not which way: an error, never guessed", () => {
    expect(target("改善")).toMatchObject({ kind: "error" });
  });
});

describe("parseTarget: named references", () => {
  it.each<[string, string, Comparator]>([
    ["法定雇用率以上", "法定雇用率", ">="],
    ["法定雇 用率以 上", "法定雇用率", ">="],
    ["各年標準財政規模以下", "各年標準財政規模", "<="],
    ["前年度実績以上", "前年度実績", ">="],
    ["全国平均未満", "全国平均", "<"],
    ["都平均を上回る", "都平均", ">"],
  ])("%s", (text, name, comparator) => {
    expect(target(text)).toEqual({ kind: "reference", name, comparator, text });
  });
});

describe("parseTarget: none and errors", () => {
  it.each(["—", "－", "-", "―", "", "  ", "—%"])("%j is none", (text) => {
    expect(target(text)).toEqual({ kind: "none", text: text.trim() });
  });

  it("null is none", () => {
    expect(target(null)).toEqual({ kind: "none", text: "" });
  });

  it.each(["以上", "10～20件", "たくさん", "未定", "10件以上20件以下", "100人 200人", "R7", "増加 10件", "大幅減少", "高齢者減少", "検討中の目標"])("%s is an error with the text", (text) => {
    expect(target(text)).toEqual({ kind: "error", text, message: `目標値として読めません: 「${text}」` });
  });

  it("booleans and odd numbers are errors", () => {
    expect(target(true)).toMatchObject({ kind: "error", text: "true" });
    expect(target(Number.NaN)).toMatchObject({ kind: "error" });
  });

  it("a space never joins two numbers into one", () => {
    expect(target("10 20件")).toMatchObject({ kind: "error" });
  });
});

describe("parseDirectionWord", () => {
  it.each<[string, "up" | "down" | null]>([
    ["増加", "up"],
    ["増", "up"],
    ["↑", "up"],
    ["上昇", "up"],
    ["向上", "up"],
    ["増加を目指す", "up"],
    ["高い方が良い", "up"],
    ["大きい方が良い", "up"],
    ["高いほうがよい", "up"],
    ["減少", "down"],
    ["減", "down"],
    ["↓", "down"],
    ["低下", "down"],
    ["減少を目指す", "down"],
    ["低い方が良い", "down"],
    ["小さい方が良い", "down"],
    ["維持", null],
    ["", null],
    ["—", null],
    ["方向", null],
    ["大幅減少", null],
    ["高齢者", null],
    ["その他", null],
    ["上", null],
  ])("%j → %p", (text, direction) => {
    expect(parseDirectionWord(text)).toBe(direction);
  });
});
