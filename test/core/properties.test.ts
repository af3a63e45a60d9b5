import fc from "fast-check";
import { extractPeriodFromHeader, fiscalYearJapanese, fiscalYearLabel, parseFiscalYear, parsePeriod } from "../../src/core/periods/parsePeriod";
import { parseDirectionWord, parseTarget } from "../../src/core/targets/parseTarget";
import { formatQuantity, parseValue } from "../../src/core/values/parseValue";
import { foldName, normalizeText } from "../../src/core/text/normalize";
import { evaluateIndicator } from "../../src/core/evaluation/evaluateIndicator";
import { getPreset } from "../../src/core/presets/builtin";

/** Characters the parsers care about, so that random text often looks almost like a value. */
const NEAR = [..."0123456789０１２３４５６７８９,.，．%％+-－−△▲※万億千兆件人㎡㎥()（）［］[]RHSrh令和平成昭元年度末月以上以下未満超内≧≦≥≤約延べ累計～〜 　—―‐ー增減加少維持FY\"\\"];
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...NEAR), maxLength: 24 }),
);
const anyCellValue = fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const anyFormat = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("General", "0.0%", "0%", '#,##0"件"', '0.0"㎡"', "yyyy/m/d", "0\\件", "[Red]0", '"'),
  fc.string({ unit: "binary", maxLength: 12 }),
);

describe("(a) parsers never throw", () => {
  it("on any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseValue({ value: text });
        parseTarget({ value: text });
        parsePeriod(text);
        parsePeriod({ value: text });
        parseFiscalYear(text);
        extractPeriodFromHeader(text);
        parseDirectionWord(text);
        normalizeText(text);
        foldName(text);
      }),
      { numRuns: 4000 },
    );
  });

  it("on any cell", () => {
    fc.assert(
      fc.property(anyCellValue, anyFormat, (value, numberFormat) => {
        const cell = { value, numberFormat };
        const r = parseValue(cell);
        expect(["number", "empty", "error"]).toContain(r.kind);
        expect(typeof r.text).toBe("string");
        expect(["value", "directional", "reference", "none", "error"]).toContain(parseTarget(cell).kind);
        expect(["fiscalYear", "pointInTime", "everyYear", "empty", "error"]).toContain(parsePeriod(cell).kind);
      }),
      { numRuns: 3000 },
    );
  });

  it("a number reading is always finite and an error always has a message", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseValue({ value: text });
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
        if (r.kind === "error") expect(r.message).toContain("読めません");
        const p = parsePeriod(text);
        if (p.kind === "pointInTime") expect(p.month >= 1 && p.month <= 12).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("formatQuantity never throws", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom("", "%", "件", "㎡"), (value, unit) => {
        expect(typeof formatQuantity(value, unit)).toBe("string");
      }),
    );
  });

  it("evaluating an indicator built from any text never throws", () => {
    const preset = getPreset("progress")!;
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        evaluateIndicator(
          { name: a, target: { value: a }, targetPeriod: { value: b }, baseline: { value: b }, actual: { value: c }, direction: { value: c }, unit: { value: a } },
          preset,
          { year: 2025, planStart: 2021 },
        );
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const FULL = (s: string) => s.replace(/[0-9.,+%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const UNITS = ["件", "人", "名", "回", "校", "品目", "施設", "部", "円", "㎡", "㎥", "箇所", ""];

/** A non-negative decimal with up to 3 places, as its exact decimal string. */
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, places]) => {
    const s = String(n).padStart(places + 1, "0");
    return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  });

function withCommas(s: string): string {
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

describe("(b) a number written the ways the domain lists reads back as itself", () => {
  it("with units, separators, full-width digits, signs, multipliers, percentages", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...UNITS), fc.constantFrom("", " "), (digits, unit, space) => {
        const value = Number(digits);
        const expectNumber = (text: string, expected: number, expectedUnit = unit) => {
          const r = parseValue({ value: text });
          expect(r).toEqual({ kind: "number", value: expected, unit: expectedUnit, text: text.trim() });
        };
        expectNumber(`${withCommas(digits)}${space}${unit}`, value);
        expectNumber(`${digits}${space}${unit}`, value);
        expectNumber(FULL(withCommas(digits)) + space + unit, value);
        expectNumber(`+${withCommas(digits)}${unit}`, value);
        expectNumber(FULL(`+${digits}`) + unit, value);
        expectNumber(`△${withCommas(digits)}${unit}`, value === 0 ? 0 : -value);
        expectNumber(`▲${digits}${unit}`, value === 0 ? 0 : -value);
        expectNumber(`-${digits}${space}${unit}`, value === 0 ? 0 : -value);
        if (unit !== "") {
          expectNumber(`${digits}万${unit}`, Number(`${digits}e4`));
          expectNumber(`${digits}${space}万${unit}`, Number(`${digits}e4`));
          expectNumber(`${digits}億${unit}`, Number(`${digits}e8`));
          expectNumber(`${withCommas(digits)}千${unit}`, Number(`${digits}e3`));
        }
        expectNumber(`${digits}%`, Number(`${digits}e-2`), "%");
        expectNumber(`${withCommas(digits)}${space}%`, Number(`${digits}e-2`), "%");
        expectNumber(FULL(`${digits}%`), Number(`${digits}e-2`), "%");
        expectNumber(`${digits}%※1`, Number(`${digits}e-2`), "%");
        expectNumber(`${digits}${unit}※`, value);
      }),
      { numRuns: 1000 },
    );
  });

  it("percent cells formatted 0.0% read as themselves", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom("0.0%", "0%", "0.00%"), (digits, numberFormat) => {
        const value = Number(`${digits}e-2`);
        expect(parseValue({ value, numberFormat })).toMatchObject({ kind: "number", value, unit: "%" });
      }),
      { numRuns: 500 },
    );
  });

  it("a number cell's display text reads back as the same value", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom("件", "人", "円", "㎡", ""), fc.boolean(), (digits, unit, negative) => {
        const value = negative ? -Number(digits) : Number(digits);
        const cell = parseValue({ value, numberFormat: unit === "" ? "General" : `#,##0.###"${unit}"` });
        expect(cell.kind).toBe("number");
        expect(parseValue({ value: cell.text })).toMatchObject({ kind: "number", value: value === 0 ? 0 : value, unit });
      }),
      { numRuns: 500 },
    );
  });

  it("formatQuantity of a percentage reads back (up to 2 decimals of a percent)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 2 }), (n, places) => {
        const value = Number(`${n}e${-places - 2}`);
        expect(parseValue({ value: formatQuantity(value, "%") })).toMatchObject({ kind: "number", value: value === 0 ? 0 : value, unit: "%" });
      }),
      { numRuns: 500 },
    );
  });

  it("targets with a comparator read back", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...UNITS), fc.constantFrom(["以上", ">="], ["以下", "<="], ["未満", "<"], ["超", ">"], ["以内", "<="]), (digits, unit, [word, comparator]) => {
        const text = `${withCommas(digits)}${unit} ${word}`;
        expect(parseTarget({ value: text })).toEqual({ kind: "value", value: Number(digits), unit, comparator, text });
      }),
      { numRuns: 500 },
    );
  });

  it("fiscal years written every way read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1989, max: 2116 }), (fy) => {
        for (const text of [fiscalYearLabel(fy), `${fiscalYearLabel(fy)}年度`, fiscalYearJapanese(fy), `${fy}年度`, `FY${fy}`, String(fy)]) {
          expect(parsePeriod(text)).toEqual({ kind: "fiscalYear", fy, text });
          if (text !== String(fy)) expect(extractPeriodFromHeader(`${text}実績`)).toMatchObject({ kind: "fiscalYear", fy });
        }
      }),
      { numRuns: 300 },
    );
  });
});
