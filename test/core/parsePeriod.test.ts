import { extractPeriodFromHeader, fiscalYearJapanese, fiscalYearLabel, parseFiscalYear, parsePeriod } from "../../src/core/periods/parsePeriod";

describe("parsePeriod", () => {
  test.each<[string, number]>([
    ["R7", 2025], ["R7年度", 2025], ["R 7 年度", 2025], ["R10 年度", 2028], ["令和7年度", 2025], ["令和７年度", 2025],
    ["令和元年度", 2019], ["2025年度", 2025], ["令和7(2025)年度", 2025], ["令和7（2025）年度", 2025], ["H31", 2019],
    ["H31年度", 2019], ["平成31年度", 2019], ["平成26年度", 2014], ["2019年度", 2019],
  ])("%s is fiscal year %d", (text, fy) => {
    expect(parsePeriod(text)).toEqual({ kind: "fiscalYear", fy, text });
  });

  test.each<[string, number, number, number]>([
    ["R6.3", 2023, 2024, 3],
    ["R6. 3", 2023, 2024, 3],
    ["R12.3", 2029, 2030, 3],
    ["R12. 3", 2029, 2030, 3],
    ["R6.4", 2024, 2024, 4],
    ["R6.11", 2024, 2024, 11],
    ["R6.9", 2024, 2024, 9],
    ["令和6年3月", 2023, 2024, 3],
    ["2024年3月", 2023, 2024, 3],
    ["平成31年度末", 2019, 2020, 3],
    ["平成26年度末", 2014, 2015, 3],
  ])("%s is a point in fiscal year %d (%d-%d)", (text, fy, year, month) => {
    expect(parsePeriod(text)).toEqual({ kind: "pointInTime", fy, year, month, text });
  });

  test("every year, empty and errors", () => {
    expect(parsePeriod("毎年度")).toEqual({ kind: "everyYear", text: "毎年度" });
    for (const dash of ["", "—", "-", "－"]) expect(parsePeriod(dash)).toMatchObject({ kind: "empty" });
    expect(parsePeriod(null)).toMatchObject({ kind: "empty" });
    expect(parsePeriod({ value: 2025 })).toMatchObject({ kind: "fiscalYear", fy: 2025 });
    expect(parsePeriod({ value: "2019年度" })).toMatchObject({ kind: "fiscalYear", fy: 2019 });
    for (const bad of ["来年", "R6.13", "令和7(2024)年度", "12", { value: 3.5 }]) expect(parsePeriod(bad)).toMatchObject({ kind: "error" });
  });
});

describe("extractPeriodFromHeader", () => {
  test.each<[string, number]>([
    ["数値目標等（H31）", 2019], ["現状(平成26年度末)", 2014], ["目標値（令和７年度）", 2025], ["現状値（令和元年度）", 2019],
    ["目標値（2027年度）", 2027], ["目標(平成31年度末)", 2019], ["R7実績", 2025], ["令和7年度実績", 2025], ["令和元年度実績", 2019],
    ["2025年度実績", 2025], ["実績値(R7)", 2025], ["R8達成率", 2026], ["R7評価", 2025],
  ])("%s names fiscal year %d", (header, fy) => {
    expect(extractPeriodFromHeader(header)).toMatchObject({ fy });
  });

  test.each(["目標値", "実績値", "評価", "重要業績評価指標（KPI）", "CS公募", "項目"])("%s names no year", (header) => {
    expect(extractPeriodFromHeader(header)).toBeNull();
  });
});

test("fiscal years typed by users, and their labels", () => {
  expect(["R7", "r7", "令和7年度", "2025", "2025年度", "FY2025"].map(parseFiscalYear)).toEqual(Array(6).fill(2025));
  expect(parseFiscalYear("令和元年度")).toBe(2019);
  expect(parseFiscalYear("R6.3")).toBeNull();
  expect(parseFiscalYear("来年度")).toBeNull();
  expect([2025, 2019, 2018].map(fiscalYearLabel)).toEqual(["R7", "R1", "H30"]);
  expect([2025, 2019, 2018].map(fiscalYearJapanese)).toEqual(["令和7年度", "令和元年度", "平成30年度"]);
});
