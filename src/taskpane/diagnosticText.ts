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
  "header-not-understood": ([text]) => `The header “${text}” is not understood (say target, actual, rate or grade, with the year); it can be set under Tables and columns.`,
  "actual-without-year": ([header]) => `The actual column “${header}” has no year (write it as R7実績, or set the year under Tables and columns): it is not read.`,
  "table-without-indicators": () => "The table has a header but no indicator rows.",
  "table-without-target": () => "The table has no target column, so its indicators cannot be graded (set one under Tables and columns).",
  "actual-row-missing": ([name]) => `“${name}” has no 実績値 (actual) row.`,
  "mapping-unused": ([sheet], message) =>
    message.startsWith("手で指定した表のシート") ? `The sheet “${sheet}” of a table set by hand is gone (renamed or deleted).` : "A table set by hand could not be read: set its indicator column and a target or actual column.",
  "user-formula": ([name], message) => `“${name}”: the ${message.includes("の達成率") ? "rate" : "grade"} is a formula of yours, so it is not rewritten.`,
  "formula-differs": ([name], message) => {
    const [, theirs, ours] = /値 (\S+%) が、アドインの計算 (\S+%)/.exec(message) ?? [];
    return `“${name}”: your rate formula gives ${theirs ?? "another value"}, the add-in computes ${ours ?? "another"}. Please check the formula.`;
  },
  "formula-not-computed": ([name, formula]) =>
    `“${name}”: the actual's formula “${formula}” has no result yet (not computed; it is not missing). Open and save the file in Excel to compute it.`,
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
