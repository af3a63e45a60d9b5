/** 以上 ≥, 以下 ≤, 未満 <, 超 >. */
export type Comparator = ">=" | "<=" | "<" | ">";

export type DirectionWord = "up" | "down" | "maintain";

/**
 * A target (目標値) as written.
 * - `value`: `2,000 件`, `100% 以上`, `2.08㎡以下`, `0件` (a zero target: value 0).
 * - `directional`: `増加`/`向上` (up), `減少` (down), `維持` (not worse than the baseline).
 * - `reference`: `法定雇用率以上`, `各年標準財政規模以下`: relative to a named value the sheet lacks.
 * - `none`: `—`, blank.
 * - `error`: text that cannot be read; never guessed.
 */
export type Target =
  | { kind: "value"; value: number; unit: string; comparator?: Comparator; note?: string; text: string }
  | { kind: "directional"; direction: DirectionWord; text: string }
  | { kind: "reference"; name: string; comparator: Comparator; text: string }
  | { kind: "none"; text: string }
  | { kind: "error"; text: string; message: string };
