import { labelKey } from "../../../src/core/workbook/Grid";
import { ACTION_TABLE_WORDS } from "../../../src/core/layouts/detectActionPlan";
import { HEADER_WORDS, readHeader, readHeaderPair } from "../../../src/core/layouts/headerWords";

const read = (text: string, words = null as typeof ACTION_TABLE_WORDS | null) => readHeader(labelKey(text), words);
const role = (r: string, fy: number | null = null) => ({ kind: "role", role: r, fy });

describe("one header cell", () => {
  test.each([
    ["指標名", role("name")],
    ["重要業績評価指標（KPI）", role("name")],
    ["成果指標", role("name")],
    ["基準値", role("baseline")],
    ["現状(平成26年度末)", role("baseline", 2014)],
    ["現状値（令和元年度）", role("baseline", 2019)],
    ["目標値", role("target")],
    ["数値目標等（H31）", role("target", 2019)],
    ["目標(平成31年度末)", role("target", 2019)],
    ["R7目標", role("target", 2025)],
    ["目標値(R8)", role("target", 2026)],
    ["令和9年度目標値", role("target", 2027)],
    ["2027年度目標", role("target", 2027)],
    ["Ｒ７目標", role("target", 2025)],
    ["２０２７年度目標", role("target", 2027)],
    ["最終目標値", role("target")],
    ["R7実績", role("actual", 2025)],
    ["令和7年度実績", role("actual", 2025)],
    ["2025年度実績", role("actual", 2025)],
    ["実績値(R7)", role("actual", 2025)],
    ["実績値", role("actual")],
    ["R7達成率", role("rate", 2025)],
    ["達成率（%）", role("rate")],
    ["目標達成率", role("rate")],
    ["達成度", role("rate")],
    ["R7評価", role("grade", 2025)],
    ["評価", role("grade")],
    ["総合評価", role("grade")],
    ["目標年度", role("targetPeriod")],
    ["単位", role("unit")],
    ["方向性", role("direction")],
    ["担当課", role("department")],
    ["区分", role("division")],
    ["R7", { kind: "year", fy: 2025 }],
    ["令和7年度", { kind: "year", fy: 2025 }],
    ["R5年度", { kind: "year", fy: 2023 }],
    ["2025年度", { kind: "year", fy: 2025 }],
    ["令和7(2025)年度", { kind: "year", fy: 2025 }],
    ["出典", { kind: "none" }],
    ["備考", { kind: "none" }],
    ["評価の理由", { kind: "unknown" }],
    ["目標達成に向けた取組", { kind: "unknown" }],
  ])("%s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test("in a 事業シート block a bare 実績値 is the baseline printed when the plan was written", () => {
    expect(read("実績値", ACTION_TABLE_WORDS)).toEqual(role("baseline"));
    expect(read("R7実績", ACTION_TABLE_WORDS)).toEqual(role("actual", 2025));
    expect(read("項目", ACTION_TABLE_WORDS)).toEqual(role("name"));
  });
});

describe("a group row over a sub-header row", () => {
  const pair = (group: string, sub: string, words = null as typeof ACTION_TABLE_WORDS | null) => readHeaderPair(labelKey(group), labelKey(sub), words);

  test.each([
    ["目標値", "R7", role("target", 2025)],
    ["目標値", "R11", role("target", 2029)],
    ["実績値", "R6", role("actual", 2024)],
    ["基準値", "R2", role("baseline", 2020)],
    ["令和7年度", "目標", role("target", 2025)],
    ["令和7年度", "実績", role("actual", 2025)],
    ["令和7年度", "達成率", role("rate", 2025)],
    ["令和7年度", "評価", role("grade", 2025)],
    ["2025年度", "実績値", role("actual", 2025)],
    ["指標名", "", role("name")],
    ["", "単位", role("unit")],
    ["R8", "R7評価", role("grade", 2025)],
  ])("%s over %s", (group, sub, expected) => {
    expect(pair(group, sub)).toEqual(expected);
  });

  test("実績値 over years is the yearly actuals, even in a 事業シート block", () => {
    expect(pair("実績値", "R7", ACTION_TABLE_WORDS)).toEqual(role("actual", 2025));
  });
});

test("every word of the vocabulary is read as its role (none is skipped by the quick test)", () => {
  for (const [role, words] of Object.entries(HEADER_WORDS)) {
    for (const word of words!) expect({ word, reading: readHeader(labelKey(word)) }).toEqual({ word, reading: expect.objectContaining({ kind: "role", role }) });
  }
  expect(readHeader("2025")).toEqual({ kind: "year", fy: 2025 });
});
