import { parseWorkingYear, workingYearsText } from "../../../src/core/periods/workingYear";

test.each([
  ["R7", 2025], ["令和7年度", 2025], ["2025", 2025], ["2025年度", 2025], ["FY2025", 2025], ["令和元年度", 2019], ["H31", 2019],
  ["平成元年度", 1989], ["2100", 2100], ["令和82年度", 2100], ["Ｒ７", 2025],
])("%s is FY%i", (text, fy) => {
  expect(parseWorkingYear(text)).toEqual({ ok: true, fy });
});

test.each([
  ["令和99年度", "outside-era"], ["R83", "outside-era"], ["平成32年度", "outside-era"], ["昭和65年", "outside-era"],
  ["2200", "out-of-range"], ["2101", "out-of-range"], ["1988", "out-of-range"], ["昭和60年度", "out-of-range"],
  ["令和九十九", "unreadable"], ["来年", "unreadable"], ["", "unreadable"],
])("%s is refused (%s)", (text, code) => {
  expect(parseWorkingYear(text)).toMatchObject({ ok: false, code });
});

test("平成32年度 says which year of 令和 it would be; the range is said in words", () => {
  expect(parseWorkingYear("平成32年度")).toMatchObject({ era: "平成", last: 31, fy: 2020 });
  expect(workingYearsText()).toBe("平成元年度〜令和82年度（1989〜2100年度）");
});
