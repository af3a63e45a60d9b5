/**
 * The words sheets use for their headers, by role (see docs/domain.md), and the one function that
 * reads a header with them. Keys are compared after NFKC with spaces removed; bracketed parts
 * (`数値目標等（H31）` → `数値目標等`) are dropped before a header is matched against the lists.
 */
import { findPeriodInHeader, parsePeriod } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { ColumnRole } from "../workbook/WorkbookModel";

/** Roles a header word names on its own. */
export type WordRole = Exclude<ColumnRole, "year" | "ignore">;

export type Vocabulary = Partial<Record<WordRole, readonly string[]>>;

/** Header names by role, common to every layout. */
export const HEADER_WORDS: Vocabulary = {
  name: ["指標", "項目", "事項", "指標名", "戦略指標", "重要業績評価指標", "重要業績評価指標(KPI)", "KPI", "成果指標", "活動指標", "評価指標", "指標項目", "数値目標項目", "KPI項目", "目標指標"],
  baseline: ["基準値", "現状値", "現状", "当初値", "初期値", "基準", "策定時", "計画策定時", "現況値", "基準値(現状値)"],
  target: ["目標値", "目標", "数値目標", "数値目標等", "目標値等", "計画値", "目標数値"],
  actual: ["実績値", "実績", "実績数値"],
  rate: ["達成率", "進捗率", "達成度", "進捗度"],
  grade: ["評価", "判定", "評価結果", "達成評価", "達成状況"],
  targetPeriod: ["目標年度", "目標年次", "目標時期"],
  baselinePeriod: ["基準年度", "基準年次", "現状年度", "基準時点"],
  unit: ["単位"],
  direction: ["方向", "方向性", "目指す方向", "目標の方向"],
  projectNo: ["事業番号", "番号", "No", "No.", "NO", "事業No", "事業No."],
  department: ["担当課", "所管課", "担当部署", "担当部局", "担当"],
  division: ["区分", "項目区分", "種別", "内訳"],
};

/** A header that names none of the words but says what it holds: `R7実績`, `令和9年度目標値`. */
const PATTERNS: { role: WordRole; test: RegExp; unless?: RegExp }[] = [
  { role: "rate", test: /達成率|進捗率|達成度|進捗度/ },
  { role: "grade", test: /評価|判定/, unless: /指標|方法|基準|理由|コメント|内容|課題/ },
  { role: "target", test: /^(最終|中間|当初|年度別|各年度)?目標(値|数値|水準)?(等)?$/ },
  { role: "actual", test: /^(年度)?実績(値)?(見込み?|見通し)?$/ },
  { role: "baseline", test: /^(基準値|現状値|当初値|初期値|策定時)/ },
];

/** Words a header of an indicator table is made of: a header holding one of them and read by no rule is reported. */
export const TABLE_WORD = /目標|実績|達成|評価|基準/;

/** Preference of name headers when several columns qualify (most specific first). */
export const NAME_PREFERENCE = ["重要業績評価指標(KPI)", "重要業績評価指標", "KPI", "KPI項目", "戦略指標", "指標名", "成果指標", "活動指標", "評価指標", "目標指標", "指標項目", "数値目標項目", "指標", "項目", "事項"];

/** Roles whose columns come one per fiscal year. */
export const YEAR_ROLES: readonly ColumnRole[] = ["target", "actual", "rate", "grade", "baseline"];

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|<[^<>]*>/g;

/** Header key without bracketed parts: `数値目標等(H31)` → `数値目標等`. */
export function headerCore(key: string): string {
  return key.replace(BRACKETED, "").trim();
}

/** A vocabulary as a map from word to role (built once per vocabulary object). */
const indexes = new WeakMap<Vocabulary, Map<string, WordRole>>();
function indexOf(vocabulary: Vocabulary): Map<string, WordRole> {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const role of Object.keys(vocabulary) as WordRole[]) for (const word of vocabulary[role]!) if (!index.has(word)) index.set(word, role);
    indexes.set(vocabulary, index);
  }
  return index;
}

function lookup(key: string, vocabularies: Vocabulary[]): WordRole | null {
  for (const vocabulary of vocabularies) {
    const role = indexOf(vocabulary).get(key);
    if (role) return role;
  }
  return null;
}

/**
 * Whether a cell's text could be a header at all: it holds a word of the vocabulary, a word the
 * patterns read, or a year. Most cells of a sheet (names, values, notes) fail this at once,
 * without the slower reading.
 */
const HEADER_HINT = new RegExp(
  [
    ...new Set([
      ...Object.values(HEADER_WORDS).flat(),
      ...["目標", "実績", "達成", "進捗", "評価", "判定", "基準", "現状", "当初", "初期", "策定", "計画", "年", "FY", "Fy", "fy"],
    ]),
  ]
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|") + "|[RHSＲＨＳ令平昭]\\d|[RHS]元|\\d{4}",
);

export function mayBeHeader(text: string): boolean {
  return HEADER_HINT.test(text);
}

/**
 * What a header says: a role and the fiscal year it names, `year` for a header that is only a year
 * (`R7`, `令和7年度`: a row-wise table's year axis, or a sub-header under 目標値), `unknown` for a
 * header with a table word (目標, 実績, 達成, 評価, 基準) that no rule reads, `none` otherwise.
 */
export type HeaderReading =
  | { kind: "role"; role: WordRole; fy: FiscalYear | null }
  | { kind: "year"; fy: FiscalYear }
  | { kind: "unknown" }
  | { kind: "none" };

const NONE: HeaderReading = { kind: "none" };

/**
 * Read one header with the layout's own words first (`layoutWords`: in a 事業シート, a bare
 * `実績値` is the baseline printed at planning time), then the common ones. `key` is the header's
 * label key (NFKC, no spaces). A year in the header (`R7実績`, `目標値(R8)`) goes with the role.
 */
export function readHeader(key: string, layoutWords: Vocabulary | null = null): HeaderReading {
  if (key === "" || !HEADER_HINT.test(key)) return NONE;
  const core = headerCore(key);
  const found = findPeriodInHeader(key);
  const fy = found ? found.period.kind === "fiscalYear" || found.period.kind === "pointInTime" ? found.period.fy : null : null;
  const own = lookup(core, layoutWords ? [layoutWords, HEADER_WORDS] : [HEADER_WORDS]) ?? lookup(key, [HEADER_WORDS]);
  if (own) return { kind: "role", role: own, fy };
  const whole = parsePeriod(key);
  if (whole.kind === "fiscalYear") return { kind: "year", fy: whole.fy };
  let words = core;
  if (found && fy !== null) {
    // `R7実績`, `令和9年度目標値`, `2027年度目標`: the words around the year.
    words = headerCore(found.text.slice(0, found.start) + found.text.slice(found.end)).replace(/^[のー・:：]+|[のー・:：]+$/g, "");
    // A year alone (`R7`, `令和7年度`) heads a year's column; a point in time (`R6.3`) is a value.
    if (words === "") return found.period.kind === "fiscalYear" ? { kind: "year", fy } : NONE;
    const role = lookup(words, [HEADER_WORDS]);
    if (role) return { kind: "role", role, fy };
  }
  for (const pattern of PATTERNS) {
    if (pattern.test.test(words) && !(pattern.unless?.test(words) ?? false)) return { kind: "role", role: pattern.role, fy };
  }
  return TABLE_WORD.test(key) ? { kind: "unknown" } : NONE;
}

/**
 * A two-row header: the group cell above (`目標値`, `令和7年度`) and the sub-header below (`R7`,
 * `実績`). A year under a role, or a role under a year, makes one per-year column; otherwise the
 * sub-header says what the column holds, and the group only when the sub-header is empty.
 */
export function readHeaderPair(groupKey: string, subKey: string, layoutWords: Vocabulary | null): HeaderReading {
  if (subKey === "") return readHeader(groupKey, layoutWords);
  const sub = readHeader(subKey, layoutWords);
  if (groupKey === "") return sub;
  // Under a group, `実績値` over years is the yearly actuals, never a 事業シート's baseline.
  const group = readHeader(groupKey, null);
  if (sub.kind === "year" && group.kind === "role" && YEAR_ROLES.includes(group.role)) return { kind: "role", role: group.role, fy: sub.fy };
  if (sub.kind === "role" && sub.fy === null && YEAR_ROLES.includes(sub.role)) {
    if (group.kind === "year") return { kind: "role", role: sub.role, fy: group.fy };
    if (group.kind === "role" && group.fy !== null && YEAR_ROLES.includes(group.role)) return { kind: "role", role: sub.role, fy: group.fy };
  }
  if (sub.kind === "none" || sub.kind === "unknown") {
    const joined = readHeader(groupKey + subKey, null);
    if (joined.kind === "role") return joined;
  }
  return sub;
}

const DASH_ONLY = /^[-‐‑‒–—―−－ー~〜]+%?$/;

/** A cell that holds nothing or only a dash: "no value" in every layout. */
export function isBlankOrDash(text: string): boolean {
  return text === "" || DASH_ONLY.test(text.replace(/ /g, ""));
}

/** A cell that holds only a period word (`年度`, `時点`) or nothing: the column beside a value. */
export function isPeriodHeader(key: string): boolean {
  return key === "" || /^(年度|時点|年次|目標年度|基準年度|年月|期間|時期)$/.test(key);
}
