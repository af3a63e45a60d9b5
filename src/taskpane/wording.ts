/** How the pane words the Workbench's codes and numbers: messages, operations, counts, presets. */
import type { ActualsInput } from "../app/actualsInput";
import type { OperationSummary, PaneMessage } from "../app/PaneMessage";
import type { GradeBreakdown, NotGradedKind } from "../app/summary";
import { fiscalYearLabel } from "../core/periods/parsePeriod";
import type { Preset } from "../core/presets/Preset";
import { gradeText } from "./explanationText";
import { fill, type Locale, type StringKey, type Strings } from "./i18n";

/** An indicator as the pane names it: its project number (when it has one) and its name. */
export function indicatorLabel(indicator: { projectNo?: string | null; name: string }): string {
  return indicator.projectNo ? `${indicator.projectNo} ${indicator.name}` : indicator.name;
}

export function operationText(t: Strings, op: OperationSummary): string {
  return op.kind === "fill" ? fill(t.opFill, { count: op.count }) : fill(t.opEvaluate, { year: fiscalYearLabel(op.year) });
}

/** Protected sheets an operation left unwritten, said after its result. */
function protectedWords(t: Strings, sheets: string[]): string {
  return sheets.length === 0 ? "" : fill(t.protectedSkipped, { sheets: sheets.map((name) => fill(t.quotedName, { name })).join(t.partSeparator) });
}

const TITLES = { success: "titleSuccess", warning: "titleWarning", error: "titleError" } as const;

/** A message's title and text. */
export function messageText(t: Strings, m: PaneMessage): { title: string; body: string } {
  const title = t[TITLES[m.intent]];
  switch (m.code) {
    case "filled":
      return { title, body: fill(t.msgFilled, { written: m.written, added: m.added, overwritten: m.overwritten, year: fiscalYearLabel(m.year) }) + protectedWords(t, m.protectedSheets) };
    case "evaluated":
      return { title, body: fill(t.msgEvaluated, { year: fiscalYearLabel(m.year), count: m.count, columns: m.columns.join(t.partSeparator) }) + protectedWords(t, m.protectedSheets) };
    case "undone":
      return { title, body: fill(t.msgUndone, { operation: operationText(t, m.operation) }) };
    case "summary-written":
      return { title, body: fill(t.msgSummaryWritten, { sheet: m.sheet }) };
    case "settings-saved":
      return { title, body: t.msgSettingsSaved };
    case "preview-outdated":
      return { title, body: t.msgPreviewOutdated };
    case "nothing-to-write":
      return { title, body: t.msgNothingToWrite };
    case "failed":
      return { title, body: m.detail };
  }
}

export const KIND_LABELS: Record<NotGradedKind | "monitoring", StringKey> = {
  "missing-actual": "kindMissing",
  "formula-not-computed": "kindFormula",
  "reference-missing": "kindReference",
  unreadable: "kindUnreadable",
  "unit-mismatch": "kindUnitMismatch",
  "no-baseline": "kindNoBaseline",
  monitoring: "kindMonitoring",
};

/** 評価対象 29（A 10・B 12・…）／目標なし（モニタリング）35, in the pane's language. */
export function breakdownWords(t: Strings, locale: Locale, b: GradeBreakdown): string {
  const parts = [...b.grades.map((g) => `${gradeText(g.grade, locale)} ${g.count}`), ...b.notGraded.map((n) => `${t[KIND_LABELS[n.kind]]} ${n.count}`)];
  return fill(t.breakdown, { assessed: b.assessed, parts: parts.join(t.partSeparator), monitoring: b.monitoring });
}

const ENGLISH_PRESETS: Record<string, string> = {
  standard: "Achievement (actual ÷ target)",
  progress: "Progress from the baseline",
  binary: "Achieved / not achieved",
};

/** A preset's name: the built-in ones in English too; a custom one by its own name. */
export function presetName(locale: Locale, preset: Preset): string {
  return locale === "ja" ? preset.name : (ENGLISH_PRESETS[preset.id] ?? preset.name);
}

/** Why pasted text or a file of actuals is not read at all: the reader's Japanese, or English by its code. */
const REFUSALS_EN: Record<string, StringKey> = {
  empty: "refusedEmpty",
  "no-header": "refusedNoHeader",
  "ambiguous-actual": "refusedAmbiguous",
  "year-mismatch": "refusedYear",
  "no-year-column": "refusedYear",
  "unclosed-quote": "refusedQuote",
};

export function inputRefusalText(t: Strings, locale: Locale, input: Extract<ActualsInput, { ok: false }>): string {
  if (locale === "ja") return input.message;
  const key = input.code.startsWith("encoding-") ? "refusedEncoding" : REFUSALS_EN[input.code];
  return key ? t[key] : input.message;
}
