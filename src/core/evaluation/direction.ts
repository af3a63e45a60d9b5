import type { Direction, DirectionSource } from "../indicators/Indicator";
import type { Target } from "../targets/Target";

export interface DirectionDecision {
  direction: Direction;
  source: DirectionSource;
  /** Guessed from the baseline: the user should confirm it (flag direction-inferred). */
  inferred: boolean;
}

/**
 * Whether more is better, from (in order): the target's comparator (以上/超 up, 以下/未満 down)
 * and a zero target (down, unless the baseline is negative); the user's saved choice, then the
 * sheet's 方向 column; a directional target (増加/減少); a value target below the baseline (down,
 * a guess); otherwise up.
 */
export function decideDirection(target: Target, baseline: number | null, given: { override?: Direction; sheet?: Direction | null }): DirectionDecision {
  if ((target.kind === "value" || target.kind === "reference") && target.comparator) {
    const up = target.comparator === ">=" || target.comparator === ">";
    return { direction: up ? "up" : "down", source: "comparator", inferred: false };
  }
  if (target.kind === "value" && target.value === 0) {
    return { direction: baseline !== null && baseline < 0 ? "up" : "down", source: "zero-target", inferred: false };
  }
  if (given.override) return { direction: given.override, source: "given", inferred: false };
  if (given.sheet) return { direction: given.sheet, source: "given", inferred: false };
  if (target.kind === "directional" && target.direction !== "maintain") {
    return { direction: target.direction, source: "directional-target", inferred: false };
  }
  if (target.kind === "value" && baseline !== null && target.value < baseline) {
    return { direction: "down", source: "baseline", inferred: true };
  }
  return { direction: "up", source: "default", inferred: false };
}
