/**
 * A diagnostic as the pane shows it, in the pane's language, without its location (the pane shows
 * the sheet as a heading and the cell as a link, once). Japanese comes from the engine's message;
 * English from a table by code, filled with the names and values the message quotes (「…」).
 */
import type { Diagnostic } from "../core/workbook/Diagnostic";
import type { Locale } from "./i18n";

/** `シート「事業5」のD13: ` or `シート「事業5」: ` at the start of an engine message. */
const LOCATION = /^シート「[^」]*」(?:の[A-Z]+\d+)?[:：]\s*/;

type English = (quoted: string[], message: string) => string;

const VALUE_KIND: [RegExp, string][] = [[/実績値「/, "actual"], [/目標値「/, "target"], [/基準値「/, "baseline"]];

/** English by diagnostic code. A code missing here shows the Japanese message (test/taskpane keeps the table complete). */
export const ENGLISH_DIAGNOSTICS: Record<string, English> = {
  "no-indicator-table": () => "This project block has no 指標 (indicator) row.",
  "table-without-header": () => "The indicator table has no header row naming 項目, 目標値 and 実績値.",
  "indicator-without-name": () => "A row has values but no indicator name: enter the name.",
  "duplicate-indicator": ([name]) => `Several indicators are named “${name}”.`,
  "actual-column-missing": ([header]) => `The indicator table has no “${header}” column (entering actuals adds it).`,
  "unreadable-value": ([value], message) => `Cannot read the ${VALUE_KIND.find(([re]) => re.test(message))?.[1] ?? "value"} “${value}”.`,
  "number-as-text": ([value]) => `The actual “${value}” is stored as text; it was read as a number.`,
  "unit-mismatch": ([name]) => `“${name}”: the target and the actual have different units.`,
  "direction-inferred": ([name], message) =>
    `“${name}”: the target is ${message.includes("減少を目指す") ? "below" : "above"} the baseline, so ${message.includes("減少を目指す") ? "less" : "more"} is assumed to be better. Please confirm.`,
  "reference-missing": (_, message) => `No value for ${/評価なし: (.+?)の値が未設定/.exec(message)?.[1] ?? "the reference"}: set it under Reference values on the Evaluate tab.`,
  "no-baseline": ([name]) => `“${name}” has no baseline, so it was graded by actual ÷ target.`,
  "target-without-year": ([name]) => `The target of “${name}” has no fiscal year; grading progress needs one.`,
  "no-indicator": ([project]) => `The project “${project}” sets no indicator.`,
};

function quotedParts(message: string): string[] {
  return [...message.matchAll(/「([^」]*)」/g)].map((m) => m[1]);
}

/** Japanese words the pane leaves out: the 「評価なし: 」 before a reason, a project's full reason for having no indicator. */
const SHORTER_JA: Record<string, (message: string) => string> = {
  "reference-missing": (m) => m.replace(/^評価なし: /, ""),
  "no-indicator": (m) => m.replace(/には指標が設定されていません（[\s\S]*）。$/, "には指標が設定されていません。"),
};

export function diagnosticText(d: Diagnostic, locale: Locale): string {
  const message = d.message.replace(LOCATION, "");
  const english = locale === "en" ? ENGLISH_DIAGNOSTICS[d.code] : undefined;
  if (english) return english(quotedParts(message), message);
  return SHORTER_JA[d.code]?.(message) ?? message;
}
