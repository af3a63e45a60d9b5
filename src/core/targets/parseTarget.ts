import type { RawCell } from "../cells/RawCell";
import { normalizeValueText, parseValue, parseValueText } from "../values/parseValue";
import type { Comparator, DirectionWord, Target } from "./Target";
import { memoByText } from "../text/memoByText";

const SPACES = / /g;
const FOOTNOTE = /※\s*\d*/g;
/** `55% ※平成32年世論調査`: words after a mark are a note. */
const FOOTNOTE_TEXT = /^(.*?\S)\s*※\s*\d*\s*([^\d※\s][^※]*)$/;
const DASH_ONLY = /^[-‐‑‒–—―−ー~]*%?$/;
const HAS_DIGIT = /\d/;
const MAX_LENGTH = 200;

/**
 * Comparator words after the value. PDF extraction wraps cells anywhere (`法定雇 用率以 上`), so a
 * space may sit between the characters of the word. Longest words first.
 */
const SUFFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/\s*を\s*超\s*え\s*る$/, ">"],
  [/\s*を\s*上\s*回\s*る$/, ">"],
  [/\s*を\s*下\s*回\s*る$/, "<"],
  [/\s*以\s*上$/, ">="],
  [/\s*以\s*下$/, "<="],
  [/\s*以\s*内$/, "<="],
  [/\s*未\s*満$/, "<"],
  [/\s*超$/, ">"],
];
/** Last characters of the comparator words and aims: most targets end in a unit and skip the regexes. */
const COMPARATOR_LAST = new Set([..."上下内満超る"].map((c) => c.charCodeAt(0)));
const AIM_LAST = new Set([..."するへ"].map((c) => c.charCodeAt(0)));
/** Comparator signs before the value (≧ ≦ stay as they are under NFKC; ＞ ＜ become > <). */
const PREFIX_COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:≧|≥|>=|≧=)\s*/, ">="],
  [/^(?:≦|≤|<=|≦=)\s*/, "<="],
  [/^<\s*/, "<"],
  [/^>\s*/, ">"],
];
/** `…を目指す`, `…させる`: the aim around a target, not part of it. */
const AIM_SUFFIX = /\s*(?:を目指す|をめざす|を目指します|を目標とする|させる|する|へ)$/;

const DIRECTION_WORDS: Record<string, DirectionWord> = {
  増加: "up", 増: "up", 向上: "up", 上昇: "up", 拡大: "up", 増大: "up", 拡充: "up",
  減少: "down", 減: "down", 低下: "down", 縮小: "down", 削減: "down", 抑制: "down", 低減: "down",
  維持: "maintain", 現状維持: "maintain", 維持・向上: "maintain", 維持向上: "maintain", 現状値維持: "maintain",
};

/** 方向 columns: arrows and "higher is better" phrases, besides the direction words. */
const UP_SIGN = /^(?:↑|⇧|⬆|↗)$/;
const DOWN_SIGN = /^(?:↓|⇩|⬇|↘)$/;
const UP_PHRASE = /^(?:高い|大きい|多い)(?:方|ほう)が(?:良い|よい|望ましい)$|^(?:高い|大きい|多い)ほど(?:良い|よい)$/;
const DOWN_PHRASE = /^(?:低い|小さい|少ない)(?:方|ほう)が(?:良い|よい|望ましい)$|^(?:低い|小さい|少ない)ほど(?:良い|よい)$/;

/** NFKC (keeping ㎡), whitespace folded, footnote marks removed (words after a mark returned as a note). */
function clean(text: string): { text: string; footnote: string } {
  let t = normalizeValueText(text);
  let footnote = "";
  if (t.includes("※")) {
    const withText = FOOTNOTE_TEXT.exec(t);
    if (withText) {
      t = withText[1];
      footnote = withText[2].trim();
    }
    t = t.replace(FOOTNOTE, "").trim();
  }
  return { text: t, footnote };
}

function compact(text: string): string {
  return text.includes(" ") ? text.replace(SPACES, "") : text;
}

/** 増加 / 増加を目指す → up, 減少 → down, 維持 → maintain, otherwise null. `text` is compact. */
function directionWord(text: string): DirectionWord | null {
  const direct = DIRECTION_WORDS[text];
  if (direct) return direct;
  const word = text.replace(AIM_SUFFIX, "");
  return word === text ? null : (DIRECTION_WORDS[word] ?? null);
}

function error(text: string): Target {
  return { kind: "error", text, message: `目標値として読めません: 「${text}」` };
}

/**
 * A target as written: a value with an optional comparator (`100% 以上`, `2.08㎡以下`, `0件`),
 * a direction (`増加`, `減少`, `維持`), a named reference (`法定雇用率以上`), none (`—`), or an
 * error carrying the text. Never guesses, never throws.
 */
export function parseTarget(cell: RawCell): Target {
  const value = cell?.value;
  if (value === null || value === undefined) return { kind: "none", text: "" };
  if (typeof value === "number") {
    const reading = parseValue(cell);
    if (reading.kind === "number") return { kind: "value", value: reading.value, unit: reading.unit, text: reading.text };
    return error(String(value));
  }
  if (typeof value !== "string") return error(String(value));
  return parseTargetText(value);
}

/** A target written as text; each distinct text is read once. */
const parseTargetText = memoByText(readTargetText);

function readTargetText(value: string): Target {
  const original = value.trim();
  if (original === "") return { kind: "none", text: original };
  if (original.length > MAX_LENGTH) return error(original);
  const { text, footnote } = clean(original);
  const tight = compact(text);
  if (DASH_ONLY.test(tight)) return { kind: "none", text: original };

  const hasDigit = HAS_DIGIT.test(tight);
  if (!hasDigit) {
    const direction = directionWord(tight);
    if (direction) return { kind: "directional", direction, text: original };
  }

  let body = hasDigit && AIM_LAST.has(text.charCodeAt(text.length - 1)) ? text.replace(AIM_SUFFIX, "") : text;
  let comparator: Comparator | undefined;
  if (COMPARATOR_LAST.has(body.charCodeAt(body.length - 1))) {
    for (const [pattern, c] of SUFFIX_COMPARATORS) {
      const m = pattern.exec(body);
      if (m) {
        comparator = c;
        body = body.slice(0, m.index);
        break;
      }
    }
  }
  const first = body.charCodeAt(0);
  if (!comparator && !(first >= 48 && first <= 57)) {
    for (const [pattern, c] of PREFIX_COMPARATORS) {
      const m = pattern.exec(body);
      if (m) {
        comparator = c;
        body = body.slice(m[0].length);
        break;
      }
    }
  }
  body = body.trim();
  if (body === "") return error(original);
  const reading = parseValueText(body);
  if (reading.kind === "number") {
    const target: Target = { kind: "value", value: reading.value, unit: reading.unit, text: original };
    if (comparator) target.comparator = comparator;
    const note = [reading.note ?? "", footnote].filter((n) => n !== "").join(" ");
    if (note !== "") target.note = note;
    return target;
  }
  if (comparator && !hasDigit && reading.kind === "error") {
    // A word with a comparator: a value the sheet does not hold (法定雇用率以上). PDF wraps removed.
    return { kind: "reference", name: compact(body), comparator, text: original };
  }
  return error(original);
}

/** A 方向 column: 増加 / ↑ / 高い方が良い → up; 減少 / ↓ / 低い方が良い → down; otherwise null. */
export function parseDirectionWord(text: string): "up" | "down" | null {
  if (typeof text !== "string" || text.length > MAX_LENGTH) return null;
  const t = compact(clean(text).text);
  if (t === "") return null;
  if (UP_SIGN.test(t) || UP_PHRASE.test(t)) return "up";
  if (DOWN_SIGN.test(t) || DOWN_PHRASE.test(t)) return "down";
  const word = directionWord(t);
  return word === "up" || word === "down" ? word : null;
}
