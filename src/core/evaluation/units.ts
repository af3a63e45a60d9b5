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
