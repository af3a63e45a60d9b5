import fc from "fast-check";
import { extractPeriodFromHeader, parseFiscalYear, parsePeriod } from "../../src/core/periods/parsePeriod";
import { parseTarget } from "../../src/core/targets/parseTarget";
import { parseValue } from "../../src/core/values/parseValue";
import { evaluateIndicator } from "../../src/core/evaluation/evaluateIndicator";
import { getPreset } from "../../src/core/presets/builtin";

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(..."0123456789０１２３４５６７８９,.，．%％+-－△▲※万億千件人㎡()（）R令和平成年度末以上以下未満超 　—".split("")), maxLength: 20 }),
);

test("no input string makes a parser throw", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      parseValue({ value: text });
      parseTarget({ value: text });
      parsePeriod(text);
      parseFiscalYear(text);
      extractPeriodFromHeader(text);
      evaluateIndicator({ name: text, target: { value: text }, targetPeriod: { value: text }, baseline: { value: text }, actual: { value: text }, direction: { value: text }, unit: { value: text } }, getPreset("progress")!, { year: 2025, planStart: 2021 });
    }),
    { numRuns: 3000 },
  );
});

const FULL = (s: string) => s.replace(/[0-9.,+%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const UNITS = ["件", "人", "名", "回", "校", "品目", "施設", "部", "円", "㎡", ""];

/** A decimal with up to 3 places, as its exact string. */
const decimal = fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 3 })).map(([n, places]) => {
  const s = String(n).padStart(places + 1, "0");
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
});

function withCommas(s: string): string {
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

test("a number formatted the ways the domain lists reads back as itself", () => {
  fc.assert(
    fc.property(decimal, fc.constantFrom(...UNITS), (digits, unit) => {
      const value = Number(digits);
      const expectNumber = (text: string, expected: number, expectedUnit = unit) =>
        expect(parseValue({ value: text })).toMatchObject({ kind: "number", value: expected, unit: expectedUnit });
      expectNumber(`${withCommas(digits)}${unit}`, value);
      expectNumber(`${digits} ${unit}`.trim(), value);
      expectNumber(FULL(`${withCommas(digits)}`) + unit, value);
      expectNumber(`+${digits}${unit}`, value);
      if (value !== 0) {
        expectNumber(`△${digits}${unit}`, -value);
        expectNumber(`-${digits}${unit}`, -value);
      }
      if (unit !== "" && unit !== "㎡") expectNumber(`${digits}万${unit}`, Number(`${digits}e4`));
      expectNumber(`${digits}%`, Number(`${digits}e-2`), "%");
      expectNumber(FULL(`${digits}%`), Number(`${digits}e-2`), "%");
      expectNumber(`${digits}%※1`, Number(`${digits}e-2`), "%");
      expect(parseValue({ value: Number(`${digits}e-2`), numberFormat: "0.0%" })).toMatchObject({ kind: "number", value: Number(`${digits}e-2`), unit: "%" });
    }),
    { numRuns: 500 },
  );
});
