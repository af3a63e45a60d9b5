import type { RawCell } from "../cells/RawCell";
import { normalizeValueText, parseValue, parseValueText } from "../values/parseValue";
import type { Comparator, DirectionWord, Target } from "./Target";

const WHITESPACE = /[\s\u3000]+/g;
const DASH_ONLY = /^[-‐‑‒–—―−ー~]*%?$/;
const FOOTNOTE = /※\s*\d*/g;

const SUFFIX_COMPARATORS: [string, Comparator][] = [
  ["以上", ">="],
  ["以下", "<="],
  ["以内", "<="],
  ["未満", "<"],
  ["を超える", ">"],
  ["超", ">"],
];
const PREFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:≧|≥|>=)/, ">="],
  [/^(?:≦|≤|<=)/, "<="],
  [/^</, "<"],
  [/^>/, ">"],
];

const DIRECTION_WORDS: Record<string, DirectionWord> = {
  増加: "up", 増: "up", 向上: "up", 上昇: "up", 拡大: "up", 増大: "up", 改善: "up",
  減少: "down", 減: "down", 低下: "down", 縮小: "down", 削減: "down", 抑制: "down",
  維持: "maintain", 現状維持: "maintain", 維持・向上: "maintain",
};
const AIM_SUFFIX = /(?:を目指す|をめざす|を目指します|させる|する)$/;

function compact(text: string): string {
  return normalizeValueText(text).replace(WHITESPACE, "").replace(FOOTNOTE, "");
}

/** 増加 / 増加を目指す → up, 減少 → down, 維持 → maintain, otherwise null. */
function directionWord(text: string): DirectionWord | null {
  const word = text.replace(AIM_SUFFIX, "");
  return DIRECTION_WORDS[word] ?? null;
}

/**
 * A target as written: a value with an optional comparator (`100% 以上`, `2.08㎡以下`, `0件`),
 * a direction (`増加`, `減少`, `維持`), a named reference (`法定雇用率以上`), none (`—`), or an
 * error carrying the text. Never guesses, never throws.
 */
export function parseTarget(cell: RawCell): Target {
  const { value } = cell;
  if (value === null || value === undefined) return { kind: "none", text: "" };
  if (typeof value === "number" || typeof value === "boolean") {
    const reading = parseValue(cell);
    if (reading.kind === "number") return { kind: "value", value: reading.value, unit: reading.unit, text: reading.text };
    return { kind: "error", text: String(value), message: `目標値として読めません: 「${String(value)}」` };
  }
  const original = String(value).trim();
  const text = compact(original);
  if (DASH_ONLY.test(text)) return { kind: "none", text: original };

  const direction = /\d/.test(text) ? null : directionWord(text);
  if (direction) return { kind: "directional", direction, text: original };

  let body = text;
  let comparator: Comparator | undefined;
  for (const [word, c] of SUFFIX_COMPARATORS) {
    if (body.endsWith(word)) {
      comparator = c;
      body = body.slice(0, -word.length);
      break;
    }
  }
  if (!comparator) {
    for (const [pattern, c] of PREFIX_COMPARATORS) {
      const m = pattern.exec(body);
      if (m) {
        comparator = c;
        body = body.slice(m[0].length);
        break;
      }
    }
  }
  // The original spacing matters for notes in brackets, so read the value from the text without the comparator.
  const reading = parseValueText(body);
  if (reading.kind === "number") {
    const target: Target = { kind: "value", value: reading.value, unit: reading.unit, text: original };
    if (comparator) target.comparator = comparator;
    if (reading.note) target.note = reading.note;
    return target;
  }
  if (comparator && body !== "" && !/\d/.test(body)) {
    return { kind: "reference", name: body, comparator, text: original };
  }
  return { kind: "error", text: original, message: `目標値として読めません: 「${original}」` };
}

/** A 方向 column: 増加 / ↑ / 高い方が良い → up; 減少 / ↓ / 低い方が良い → down; otherwise null. */
export function parseDirectionWord(text: string): "up" | "down" | null {
  const t = compact(text);
  if (t === "") return null;
  if (/^(↑|⇧|上|高|大)/.test(t) || /(高い|大きい|多い)方が(良い|よい)/.test(t)) return "up";
  if (/^(↓|⇩|下|低|小)/.test(t) || /(低い|小さい|少ない)方が(良い|よい)/.test(t)) return "down";
  const word = directionWord(t);
  return word === "up" || word === "down" ? word : null;
}
