import type { Direction, Trend } from "../indicators/Indicator";
import { nearlyEqual } from "./compare";

/** Against the baseline, in the indicator's direction. */
export function trendOf(actual: number | null, baseline: number | null, direction: Direction): Trend | null {
  if (actual === null || baseline === null) return null;
  if (nearlyEqual(actual, baseline)) return "unchanged";
  const better = direction === "up" ? actual > baseline : actual < baseline;
  return better ? "improved" : "worsened";
}
