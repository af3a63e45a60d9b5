/**
 * The task pane's user-visible strings, Japanese first, English for every other display
 * language. Later views add their strings here: TypeScript makes sure `en` has every key of `ja`.
 */
export type Locale = "ja" | "en";

export const ja = {
  appTitle: "KPI評価シート",
  appSubtitle: "KPIシートの確認・実績入力・評価",
  tabListLabel: "機能",
  tabCheck: "検証",
  tabActuals: "実績入力",
  tabEvaluate: "評価",
  tabSummary: "集計",
  checkIntro: "シートの様式（指標・目標値・実績値の列）を確認し、読み取れない値を一覧にします。",
  actualsIntro: "年度を選んで、各指標の実績値をまとめて入力します。",
  evaluateIntro: "設定した基準で達成率と評価を計算し、その根拠（式と数値）を示します。",
  summaryIntro: "評価の集計と、実績値が未報告の指標の一覧を示します。",
  comingSoonTitle: "準備中",
  comingSoon: "この機能は準備中で、まだ使えません。",
  loading: "Excel に接続しています…",
  outsideOfficeTitle: "Excel の外で開かれています",
  outsideOffice:
    "このページは Excel アドイン「KPI評価シート」の作業ウィンドウです。Excel（デスクトップ版または Web 版）にアドインを読み込み、［ホーム］タブの［KPIパネル］から開いてください。",
  otherHostTitle: "Excel 以外のアプリで開かれています",
  otherHost: "このアドインは Excel 専用です。Excel のブックで開いてください。",
  year: "年度",
  preset: "評価方法",
  planStart: "計画の初年度（進捗率の期待値に使用）",
  references: "参照値（例: 法定雇用率=2.5%、1行に1つ）",
  runEvaluate: "評価を実行",
  evaluating: "評価しています…",
  gradeCounts: "評価別の件数",
  missingByDepartment: "実績未入力（担当課別）",
  noneMissing: "未入力の実績はありません。",
  copyReminder: "依頼文をコピー",
  copied: "コピーしました",
  written: "評価を書き込みました",
  undo: "元に戻す",
  undone: "元に戻しました",
  failed: "処理できませんでした",
  badReference: "参照値を読めません",
  runCheck: "検証する",
  checking: "検証しています…",
  found: "シート {sheets}、事業 {projects}、指標 {indicators}",
  severityError: "エラー",
  severityWarning: "警告",
  severityInfo: "情報",
  noProblems: "問題は見つかりませんでした。",
  directionsToConfirm: "方向を推定した指標（確認してください）",
  directionUp: "増加を目指す",
  directionDown: "減少を目指す",
  saved: "保存しました",
} as const;

export type StringKey = keyof typeof ja;
export type Strings = { readonly [K in StringKey]: string };

export const en: Strings = {
  appTitle: "KPI Sheets",
  appSubtitle: "Check KPI sheets, enter actuals, evaluate",
  tabListLabel: "Features",
  tabCheck: "Check",
  tabActuals: "Enter actuals",
  tabEvaluate: "Evaluate",
  tabSummary: "Summary",
  checkIntro: "Checks the sheet's layout (indicator, target and actual columns) and lists the values it cannot read.",
  actualsIntro: "Choose a fiscal year and enter every indicator's actual value in one go.",
  evaluateIntro: "Computes achievement rates and grades by the rules you set, showing the formula and the numbers behind each.",
  summaryIntro: "Summarises the grades and lists the indicators still missing an actual value.",
  comingSoonTitle: "Coming later",
  comingSoon: "This feature is not available yet.",
  loading: "Connecting to Excel…",
  outsideOfficeTitle: "Opened outside Excel",
  outsideOffice:
    "This page is the task pane of the Excel add-in \"KPI Sheets\". Load the add-in into Excel (desktop or on the web) and open it with KPI pane on the Home tab.",
  otherHostTitle: "Opened in an application other than Excel",
  otherHost: "This add-in works in Excel only. Open it from an Excel workbook.",
  year: "Fiscal year",
  preset: "Grading",
  planStart: "First year of the plan (for expected progress)",
  references: "Reference values (e.g. 法定雇用率=2.5%, one per line)",
  runEvaluate: "Evaluate",
  evaluating: "Evaluating…",
  gradeCounts: "Indicators by grade",
  missingByDepartment: "Actuals still missing, by department",
  noneMissing: "No actual is missing.",
  copyReminder: "Copy reminder",
  copied: "Copied",
  written: "Grades written",
  undo: "Undo",
  undone: "Undone",
  failed: "Could not complete",
  badReference: "Cannot read the reference value",
  runCheck: "Check",
  checking: "Checking…",
  found: "{sheets} sheets, {projects} projects, {indicators} indicators",
  severityError: "Errors",
  severityWarning: "Warnings",
  severityInfo: "Notes",
  noProblems: "No problem found.",
  directionsToConfirm: "Indicators whose direction was guessed (please confirm)",
  directionUp: "More is better",
  directionDown: "Less is better",
  saved: "Saved",
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { ja, en };

/** Japanese for a Japanese display language ("ja", "ja-JP"), English for any other or none. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return typeof language === "string" && /^ja(?:[-_]|$)/i.test(language.trim()) ? "ja" : "en";
}
