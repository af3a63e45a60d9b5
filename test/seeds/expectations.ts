import type { ExpectedTarget, ExpectedValue } from "../../seeds/data/types";
import type { Target } from "../../src/core/targets/Target";
import type { ValueReading } from "../../src/core/values/ValueReading";

/** A reading in the shape of the transcription's `expected`, to compare with toEqual. */
export function asExpectedValue(reading: ValueReading): ExpectedValue | { error: string } {
  if (reading.kind === "error") return { error: reading.text };
  if (reading.kind === "empty") return reading.reason ? { empty: true, reason: reading.reason } : { empty: true };
  return reading.note ? { value: reading.value, unit: reading.unit, note: reading.note } : { value: reading.value, unit: reading.unit };
}

export function asExpectedTarget(target: Target): ExpectedTarget | { error: string } {
  switch (target.kind) {
    case "value":
      return target.comparator ? { kind: "value", value: target.value, unit: target.unit, comparator: target.comparator } : { kind: "value", value: target.value, unit: target.unit };
    case "directional":
      return { kind: "directional", direction: target.direction };
    case "reference":
      return { kind: "reference", name: target.name, comparator: target.comparator };
    case "none":
      return { kind: "none" };
    default:
      return { error: target.text };
  }
}

/** Transcribed values with a note keep it; readings without one are compared on value and unit only. */
export function withoutNote<T extends object>(v: T): T {
  if ("note" in v) {
    const { note: _note, ...rest } = v as T & { note?: string };
    return rest as T;
  }
  return v;
}
