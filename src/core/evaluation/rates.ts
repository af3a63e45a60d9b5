import type { Direction } from "../indicators/Indicator";
import type { Comparator } from "../targets/Target";
import { atLeast, atMost, nearlyEqual } from "./compare";

/** Whether actual A meets target T in the indicator's direction (strict for 超 / 未満). */
export function isAchieved(a: number, t: number, direction: Direction, comparator?: Comparator): boolean {
  if (comparator === ">") return a > t && !nearlyEqual(a, t);
  if (comparator === "<") return a < t && !nearlyEqual(a, t);
  return direction === "up" ? atLeast(a, t) : atMost(a, t);
}

/** 達成率: A ÷ T (up) or T ÷ A (down); none for a zero target or a non-positive divisor. */
export function achievementRate(a: number, t: number, direction: Direction): number | null {
  if (t === 0) return null;
  if (direction === "up") return t > 0 ? a / t : null;
  return a > 0 && t > 0 ? t / a : null;
}

/**
 * 進捗率 from the baseline: (A − B) ÷ (T − B) for a plain value target with B ≠ T; for a
 * comparator target, or B = T: A ÷ T (up) or (2T − A) ÷ T (down).
 */
export function progressRate(a: number, b: number, t: number, direction: Direction, hasComparator: boolean): number | null {
  if (!hasComparator && !nearlyEqual(b, t)) return (a - b) / (t - b);
  if (t === 0) return null;
  return direction === "up" ? a / t : (2 * t - a) / t;
}

/** The share of the plan period passed by year Y: (Y − P + 1) ÷ (targetYear − P + 1), in [0, 1]. */
export function expectedShare(year: number, planStart: number, targetYear: number): number {
  const span = targetYear - planStart + 1;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (year - planStart + 1) / span));
}
