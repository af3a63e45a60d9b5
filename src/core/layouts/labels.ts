/**
 * The words sheets use for their labels and headers (see docs/domain.md). Keys are compared after
 * NFKC with spaces removed; bracketed parts (`数値目標等（H31）` → `数値目標等`) are dropped
 * before a header is matched against these lists.
 */

/** Action-plan block labels (the label column of a 事業シート). */
export const BLOCK_LABELS = {
  projectNo: ["事業番号", "事業No", "事業No.", "事業NO"],
  projectName: ["事業名"],
  department: ["担当課", "所管課", "担当部署", "担当部局"],
  indicators: ["指標"],
  other: ["その他"],
} as const;

/** Other labels of a block: a row holding one of these ends an indicator table. */
export const STOP_LABELS = ["目的", "現状と成果", "現状", "課題", "取組事項", "年次計画", "その他", "事業番号", "事業名", "担当課"];

/** Header cells of an action-plan 指標 table. */
export const ACTION_TABLE_HEADERS = {
  name: ["項目", "指標名", "指標"],
  target: ["目標値", "目標"],
  baseline: ["実績値", "実績", "現状値"],
} as const;

/** Header names of KPI lists, by role. */
export const KPI_HEADERS = {
  name: ["指標", "項目", "事項", "指標名", "戦略指標", "重要業績評価指標", "重要業績評価指標(KPI)", "KPI", "成果指標", "指標項目", "数値目標項目"],
  baseline: ["基準値", "現状値", "現状", "当初値", "初期値", "基準", "策定時", "計画策定時"],
  target: ["目標値", "目標", "数値目標", "数値目標等", "目標値等"],
  targetPeriod: ["目標年度", "目標年次", "目標時期"],
  baselinePeriod: ["基準年度", "基準年次", "現状年度", "基準時点"],
  unit: ["単位"],
  direction: ["方向", "方向性", "目指す方向", "目標の方向"],
  projectNo: ["事業番号", "番号", "No", "No.", "NO"],
  department: ["担当課", "所管課", "担当部署", "担当部局"],
} as const;

/** Preference of name headers when several columns qualify (most specific first). */
export const NAME_HEADER_PREFERENCE = ["重要業績評価指標(KPI)", "重要業績評価指標", "KPI", "戦略指標", "指標名", "成果指標", "指標項目", "数値目標項目", "指標", "項目", "事項"];

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g;

/** Header key without bracketed parts: `数値目標等(H31)` → `数値目標等`. */
export function headerCore(key: string): string {
  return key.replace(BRACKETED, "").trim();
}

export function isOneOf(key: string, words: readonly string[]): boolean {
  return words.includes(key);
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
