/**
 * Exact decimal scaling: `scaleDecimal("74.9", -2)` is the double nearest 0.749 (74.9 / 100 is
 * 0.7490000000000001). Written through the exponent so JavaScript rounds once, from the decimal.
 */
export function scaleDecimal(digits: string, power: number): number {
  return power === 0 ? Number(digits) : Number(`${digits}e${power}`);
}
