/**
 * What a cell's content means as a quantity.
 *
 * - `number`: `value` is the number in base units (99.8億円 → 9_980_000_000, 74.9% → 0.749),
 *   `unit` is the canonical unit without multiplier ("円", "件", "%", "㎡", "" when none).
 * - `empty`: no value (blank, —, －, -, ―, —%); `reason` keeps a word such as 未集計 or 調査中.
 * - `error`: text the engine cannot read; never guessed.
 */
export type ValueReading =
  | {
      kind: "number";
      value: number;
      unit: string;
      /** Note in brackets or after the value: `2,267件 (12計画)` → "12計画". */
      note?: string;
      /** `延べ8`, `［累計］`: a cumulative count. */
      cumulative?: boolean;
      /** The text as found (or the number formatted for display). */
      text: string;
    }
  | { kind: "empty"; reason?: string; text: string }
  | { kind: "error"; text: string; message: string };

export const PERCENT_UNIT = "%";
