import {
  extractPeriodFromHeader,
  fiscalYearJapanese,
  fiscalYearLabel,
  fiscalYearOfMonth,
  parseFiscalYear,
  parsePeriod,
} from "../../../src/core/periods/parsePeriod";

describe("parsePeriod: fiscal years", () => {
  it.each<[string, number]>([
    ["R7", 2025],
    ["R7年度", 2025],
    ["R 7 年度", 2025],
    ["R11 年度", 2029],
    ["R10 年度", 2028],
    ["R6 年度", 2024],
    ["R5年度", 2023],
    ["r7", 2025],
    ["Ｒ７年度", 2025],
    ["令和7年度", 2025],
    ["令和７年度", 2025],
    ["令和元年度", 2019],
    ["令和 元 年度", 2019],
    ["2025年度", 2025],
    ["２０２５年度", 2025],
    ["2025", 2025],
    ["FY2025", 2025],
    ["令和7(2025)年度", 2025],
    ["令和7（2025）年度", 2025],
    ["H31", 2019],
    ["H31年度", 2019],
    ["平成31年度", 2019],
    ["平成元年度", 1989],
    ["平成26年度", 2014],
    ["2019年度", 2019],
    ["H26", 2014],
    ["S64", 1989],
    ["昭和63年度", 1988],
    ["S1", 1926],
  ])("%s → FY%d", (text, fy) => {
    expect(parsePeriod(text)).toEqual({ kind: "fiscalYear", fy, text });
  });

  it("a synthesized cell parses like its text", () => {
    expect(parsePeriod({ value: "2019年度" })).toEqual({ kind: "fiscalYear", fy: 2019, text: "2019年度" });
    expect(parsePeriod({ value: "R12. 3" })).toMatchObject({ kind: "pointInTime", fy: 2029 });
  });

  it("a year number in a cell is a fiscal year; other numbers are errors", () => {
    expect(parsePeriod({ value: 2025 })).toEqual({ kind: "fiscalYear", fy: 2025, text: "2025" });
    expect(parsePeriod({ value: 2025, numberFormat: "General" })).toEqual({ kind: "fiscalYear", fy: 2025, text: "2025" });
    expect(parsePeriod({ value: 7 })).toMatchObject({ kind: "error" });
    expect(parsePeriod({ value: 2025.5 })).toMatchObject({ kind: "error" });
    expect(parsePeriod({ value: Number.NaN })).toMatchObject({ kind: "error" });
    expect(parsePeriod({ value: true })).toMatchObject({ kind: "error" });
  });

  it("a date cell is the month it names", () => {
    // 45382 = 2024-03-31 in Excel's 1900 date system.
    expect(parsePeriod({ value: 45382, numberFormat: "yyyy/m/d" })).toEqual({ kind: "pointInTime", fy: 2023, year: 2024, month: 3, text: "2024年3月" });
    expect(parsePeriod({ value: 45383, numberFormat: "yyyy/m/d" })).toMatchObject({ kind: "pointInTime", fy: 2024, year: 2024, month: 4 });
  });

  it("the Western year in brackets must agree with the era", () => {
    expect(parsePeriod("令和7(2026)年度")).toMatchObject({ kind: "error" });
  });
});

describe("parsePeriod: points in time", () => {
  it.each<[string, number, number, number]>([
    ["R6.3", 2023, 2024, 3],
    ["R6. 3", 2023, 2024, 3],
    ["R12.3", 2029, 2030, 3],
    ["R12. 3", 2029, 2030, 3],
    ["R8.3", 2025, 2026, 3],
    ["R6.11", 2024, 2024, 11],
    ["R6.9", 2024, 2024, 9],
    ["R6.4", 2024, 2024, 4],
    ["R6.6", 2024, 2024, 6],
    ["R7.1", 2024, 2025, 1],
    ["令和6年3月", 2023, 2024, 3],
    ["令和6年3月末", 2023, 2024, 3],
    ["2024年3月", 2023, 2024, 3],
    ["2024.3", 2023, 2024, 3],
    ["平成31年度末", 2019, 2020, 3],
    ["平成26年度末", 2014, 2015, 3],
    ["R6年度末", 2024, 2025, 3],
    ["H31.4", 2019, 2019, 4],
  ])("%s → FY%d (%d-%d)", (text, fy, year, month) => {
    expect(parsePeriod(text)).toEqual({ kind: "pointInTime", fy, year, month, text });
  });

  it("fiscalYearOfMonth: April starts the year", () => {
    expect(fiscalYearOfMonth(2024, 3)).toBe(2023);
    expect(fiscalYearOfMonth(2024, 4)).toBe(2024);
    expect(fiscalYearOfMonth(2024, 12)).toBe(2024);
    expect(fiscalYearOfMonth(2025, 1)).toBe(2024);
  });
});

describe("parsePeriod: every year, empty, errors", () => {
  it("毎年度", () => {
    expect(parsePeriod("毎年度")).toEqual({ kind: "everyYear", text: "毎年度" });
  });

  it.each(["", "  ", "—", "-", "－", "―", "‐"])("%j is empty", (text) => {
    expect(parsePeriod(text)).toEqual({ kind: "empty", text: text.trim() });
  });

  it("null is empty", () => {
    expect(parsePeriod({ value: null })).toEqual({ kind: "empty", text: "" });
    expect(parsePeriod(null)).toMatchObject({ kind: "empty" });
  });

  it("a relative year, a Western year that disagrees with the era, a bare number are errors", () => {
    for (const bad of ["来年", "令和7(2024)年度", "12", { value: 3.5 }]) expect(parsePeriod(bad)).toMatchObject({ kind: "error" });
  });

  it.each(["R6.13", "R6.0", "R0", "H0年度", "令和", "年度", "来年度", "R7～R11", "2025-2029", "12345年度", "R123", "X7", "KPI", "1800年度", "3校", "x".repeat(300)])(
    "%s is an error",
    (text) => {
      expect(parsePeriod(text)).toMatchObject({ kind: "error", text });
      expect((parsePeriod(text) as { message: string }).message).toMatch(/読めません|一致しません/);
    },
  );
});

describe("extractPeriodFromHeader", () => {
  it.each<[string, number]>([
    ["数値目標等（H31）", 2019],
    ["目標値（令和７年度）", 2025],
    ["現状値（令和元年度）", 2019],
    ["目標値（2027年度）", 2027],
    ["R7実績", 2025],
    ["令和7年度実績", 2025],
    ["令和元年度実績", 2019],
    ["2025年度実績", 2025],
    ["実績値(R7)", 2025],
    ["実績値（R7）", 2025],
    ["R8達成率", 2026],
    ["R7評価", 2025],
    ["R10実績", 2028],
    ["達成率（令和8年度）", 2026],
  ])("%s → FY%d", (header, fy) => {
    expect(extractPeriodFromHeader(header)).toEqual({ kind: "fiscalYear", fy, text: header });
  });

  it.each<[string, number, number]>([
    ["現状(平成26年度末)", 2014, 2015],
    ["目標(平成31年度末)", 2019, 2020],
  ])("%s → end of FY%d", (header, fy, year) => {
    expect(extractPeriodFromHeader(header)).toEqual({ kind: "pointInTime", fy, year, month: 3, text: header });
  });

  it("a month in a header", () => {
    expect(extractPeriodFromHeader("実績（R6.3）")).toMatchObject({ kind: "pointInTime", fy: 2023, year: 2024, month: 3 });
  });

  it.each(["目標値", "実績値", "評価", "達成率", "重要業績評価指標（KPI）", "KPI2", "SR7", "ABC123", "戦略指標", "基準値", "項目", "CS公募", "", "年度", "事業番号12", "12025年度"])(
    "%j → null",
    (header) => {
      expect(extractPeriodFromHeader(header)).toBeNull();
    },
  );
});

describe("parseFiscalYear", () => {
  it.each<[string, number | null]>([
    ["R7", 2025],
    ["r7", 2025],
    ["令和7年度", 2025],
    ["令和元年度", 2019],
    ["2025", 2025],
    ["2025年度", 2025],
    ["FY2025", 2025],
    ["fy2025", 2025],
    ["H31", 2019],
    [" R8 ", 2026],
    ["R6.3", null],
    ["毎年度", null],
    ["来年度", null],
    ["", null],
    ["abc", null],
    ["7", null],
  ])("%j → %p", (text, fy) => {
    expect(parseFiscalYear(text)).toBe(fy);
  });
});

describe("fiscal year labels", () => {
  it.each<[number, string, string]>([
    [2025, "R7", "令和7年度"],
    [2019, "R1", "令和元年度"],
    [2020, "R2", "令和2年度"],
    [2018, "H30", "平成30年度"],
    [1989, "H1", "平成元年度"],
    [2029, "R11", "令和11年度"],
  ])("FY%d → %s, %s", (fy, label, japanese) => {
    expect(fiscalYearLabel(fy)).toBe(label);
    expect(fiscalYearJapanese(fy)).toBe(japanese);
  });

  it("labels read back as the same fiscal year", () => {
    for (let fy = 1989; fy <= 2100; fy++) {
      expect(parseFiscalYear(fiscalYearLabel(fy))).toBe(fy);
      expect(parseFiscalYear(fiscalYearJapanese(fy))).toBe(fy);
    }
  });
});
