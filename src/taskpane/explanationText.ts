/**
 * The engine's explanations (the formula with its numbers, or why there is no grade) and a
 * monitoring indicator's trend, in the pane's language. Japanese is the engine's own text; English
 * comes from a table of its phrases, applied in order, never inside quoted names and values.
 */
import { MONITORING_LABELS, type MonitoringCell, type MonitoringMove } from "../core/evaluation/monitoring";
import type { IndicatorResult } from "../core/indicators/Indicator";
import { formatQuantity } from "../core/values/parseValue";
import type { Locale } from "./i18n";

/** Whole reasons and formula frames: they may quote names and values (「…」 becomes “…”). */
const FRAMES: [RegExp, string][] = [
  [/令和元年度/g, "R1"],
  [/令和(\d+)年度/g, "R$1"],
  [/平成(\d+)年度/g, "H$1"],
  [/^評価なし: /, "Not graded: "],
  [/(\S+?)の値が未設定です（参照値として「(.+?)=値」を設定してください）/, "no value for $1 (set the reference value “$2=…”)"],
  [/この表には目標値の列がありません/, "this table has no target column"],
  [/目標値が設定されていません（モニタリング指標）/, "no target is set (a monitoring indicator)"],
  [/目標値が設定されていません/, "no target is set"],
  [/目標値「(.*?)」を読み取れません/, "the target “$1” cannot be read"],
  [/実績値「(.*?)」を読み取れません/, "the actual “$1” cannot be read"],
  [/(\w+)の実績値の式「(.*?)」に計算結果がありません（未計算）/, "the $1 actual's formula “$2” has no result yet (not computed)"],
  [/(\w+)の実績値がありません（(.*?)）/, "no $1 actual (“$2”)"],
  [/(\w+)の実績値がありません/, "no $1 actual"],
  [/実績 (\S+) に % がありません（\S+ のように入力してください）/, "the actual $1 has no % (write it as $1%)"],
  [/単位が一致しません（目標 (.*?)、実績 (.*?)）/, "the units differ (target $1, actual $2)"],
  [/基準値がないため「(.*?)」を判定できません/, "no baseline to judge “$1” by"],
  [/評価できません/, "cannot be graded"],
  [/^増加目標: /, "Increase target: "],
  [/^減少目標: /, "Decrease target: "],
  [/^基準値なしのため達成率で評価: /, "No baseline, so graded by rate: "],
  [/（(\w+)の目標値がないため最終目標で評価）/, " (no $1 target: graded against the final one)"],
  [/ に対し/, ", "],
  [/(R\d+|H\d+)目標/g, "$1 target"],
];

/** Words, replaced outside quotes, longest first. */
const WORDS: [string, string][] = [
  ["計画期間の経過", "share of the plan period passed"],
  ["（未達成）", " (not achieved)"],
  ["（達成）", " (achieved)"],
  ["期待進捗", "expected progress"],
  ["進捗率", "progress"],
  ["達成率", "rate"],
  ["未達成", "not achieved"],
  ["達成", "achieved"],
  ["目標", "target"],
  ["実績", "actual"],
  ["基準", "baseline"],
  ["以上", " or more"],
  ["以下", " or less"],
  ["未満", " (below)"],
  ["超", " (above)"],
  ["、", ", "],
  ["（", " ("],
  ["）", ")"],
];

function outsideQuotes(text: string, change: (part: string) => string): string {
  return text.split(/(“[^”]*”)/).map((part, i) => (i % 2 === 1 ? part : change(part))).join("");
}

export function explanationText(text: string, locale: Locale): string {
  if (locale === "ja") return text;
  let out = text;
  for (const [pattern, english] of FRAMES) out = out.replace(pattern, english);
  out = outsideQuotes(out, (part) => WORDS.reduce((s, [ja, en]) => s.split(ja).join(en), part));
  out = out.replace(/\s{2,}/g, " ").replace(/\( /g, "(");
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const MOVES_EN: Record<MonitoringMove, string> = {
  improved: "↑ improved",
  worsened: "↓ worsened",
  unchanged: "→ unchanged",
  increased: "↗ increased",
  decreased: "↘ decreased",
};

/** The built-in presets' Japanese grade labels (A/B/C/D need no words). */
const LABELS_EN: Record<string, string> = { 達成: "achieved", 未達成: "not achieved" };

/** What a 評価 cell shows (a grade, 「−」 or a monitoring trend), in the pane's language. */
export function gradeText(label: string, locale: Locale): string {
  if (locale === "ja") return label;
  if (LABELS_EN[label]) return LABELS_EN[label];
  const move = (Object.keys(MONITORING_LABELS) as MonitoringMove[]).find((m) => MONITORING_LABELS[m] === label);
  return move ? MOVES_EN[move] : label;
}

/** A monitoring indicator's note: the trend and its numbers, or why there is none. */
export function monitoringText(cell: MonitoringCell, result: IndicatorResult, year: string, locale: Locale): string {
  if (locale === "ja") return cell.note;
  const intro = "A monitoring indicator (no target, not graded).";
  if (result.actual === null) return `${intro} No ${year} actual yet.`;
  const actual = formatQuantity(result.actual, result.unit);
  if (result.baseline === null || !cell.move) return `${intro} No baseline to show a trend against (actual ${actual}).`;
  const trend = `${intro} Trend: baseline ${formatQuantity(result.baseline, result.unit)} → ${year} actual ${actual} (${MOVES_EN[cell.move]}).`;
  if (cell.move === "increased" || cell.move === "decreased") return `${trend} Whether more or less is better is not set, so it is not judged improved or worsened.`;
  return cell.move === "unchanged" ? trend : `${trend} ${result.direction === "up" ? "More" : "Less"} is better.`;
}
