import { PERCENT_UNIT } from "../values/ValueReading";

/** Units that mean the same thing: persons (人 = 名), places (か所 = 箇所 = ヶ所 = カ所). */
const SAME: Record<string, string> = {
  名: "人",
  ヶ所: "か所",
  ケ所: "か所",
  カ所: "か所",
  箇所: "か所",
  個所: "か所",
  ヵ所: "か所",
};

export function canonicalUnit(unit: string): string {
  return SAME[unit] ?? unit;
}

export function sameUnit(a: string, b: string): boolean {
  return canonicalUnit(a) === canonicalUnit(b);
}

/**
 * How a typed unit disagrees with the one expected (the target's, the indicator's): no unit where a
 * percentage is expected ("no-percent"), or another unit ("other"). A missing unit elsewhere takes
 * the expected one; no expected unit accepts any.
 */
export function unitDisagreement(typed: string, expected: string): "no-percent" | "other" | null {
  if (typed === "") return expected === PERCENT_UNIT ? "no-percent" : null;
  return expected !== "" && !sameUnit(typed, expected) ? "other" : null;
}
