import fc from "fast-check";
import { foldName, NEEDS_NFKC, normalizeText, scanText, SCAN_MINUS, SCAN_NFKC, SCAN_SPACES } from "../../../src/core/text/normalize";

describe("normalizeText", () => {
  it.each<[string, string]>([
    ["  寄附件数  ", "寄附件数"],
    ["市民意識調査\u3000市の情報", "市民意識調査 市の情報"],
    ["法定雇 用率以 上", "法定雇 用率以 上"],
    ["８４.９％", "84.9%"],
    ["Ｒ７年度", "R7年度"],
    ["a\t\nb", "a b"],
    ["令和7（2025）年度", "令和7(2025)年度"],
    ["⼈口", "人口"],
    ["plain", "plain"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("agrees with NFKC + folding + trim on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
        expect(normalizeText(s)).toBe(s.normalize("NFKC").replace(/[\s\u3000]+/g, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("foldName", () => {
  it.each<[string, string]>([
    ["重要業績評価指標（KPI）", "重要業績評価指標(kpi)"],
    ["寄附 件数", "寄附件数"],
    ["\u3000返礼品目数 ", "返礼品目数"],
    ["ＡＢＣ", "abc"],
  ])("%j → %j", (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

describe("scanText", () => {
  it("flags what a text needs", () => {
    expect(scanText("1,274件")).toBe(0);
    expect(scanText("1,274 件")).toBe(0);
    expect(scanText(" 1")).toBe(SCAN_SPACES);
    expect(scanText("1 ")).toBe(SCAN_SPACES);
    expect(scanText("1  件")).toBe(SCAN_SPACES);
    expect(scanText("８")).toBe(SCAN_NFKC);
    expect(scanText("\u221213")).toBe(SCAN_MINUS);
    expect(scanText("\u3000") & SCAN_SPACES).toBe(SCAN_SPACES);
  });
});

describe("NFKC skipping is exact", () => {
  it("every character treated as stable is unchanged by NFKC", () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if ((scanText(s) & SCAN_NFKC) === 0) expect(`${c.toString(16)}:${s.normalize("NFKC")}`).toBe(`${c.toString(16)}:${s}`);
    }
  });
});

it("NEEDS_NFKC agrees with scanText", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => {
      expect(NEEDS_NFKC.test(s)).toBe((scanText(s) & SCAN_NFKC) !== 0);
    }),
    { numRuns: 2000 },
  );
});
