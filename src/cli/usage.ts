import type { Locale } from "./messages";

const USAGE_JA = `使い方:
  kpi-sheets check    <book.xlsx> [--year FY] [--layout mapping.json] [--json report.json]
  kpi-sheets fill     <book.xlsx> --year FY --actuals <file.csv|.tsv|.txt> [--encoding ENC] [--overwrite]
                      [--layout mapping.json] [--out out.xlsx] [--json report.json]
  kpi-sheets evaluate <book.xlsx> --year FY [--preset standard|progress|binary|<preset.json>]
                      [--plan-start FY] [--ref NAME=VALUE]... [--layout mapping.json] [--out out.xlsx] [--json report.json]

  FY                      R7、令和7年度、2025、2025年度（平成元年度〜2100年度）
  --ref 法定雇用率=2.5%   参照値（繰り返し可）。% の指標には % を付けます
  --encoding ENC          実績ファイルの文字コード（utf-8、utf-16le、utf-16be、shift_jis、euc-jp）
  --layout mapping.json   手動で指定した表と列の役割（作業ウィンドウの「検証」から書き出したもの）
  --debug                 エラーの詳細（スタックトレース）を表示する
  -h, --help              この説明

終了コード: 0 完了、1 何も書き出していない（理由を表示）、2 書き出したが確認が必要な行・セルがある。`;

const USAGE_EN = `Usage:
  kpi-sheets check    <book.xlsx> [--year FY] [--layout mapping.json] [--json report.json]
  kpi-sheets fill     <book.xlsx> --year FY --actuals <file.csv|.tsv|.txt> [--encoding ENC] [--overwrite]
                      [--layout mapping.json] [--out out.xlsx] [--json report.json]
  kpi-sheets evaluate <book.xlsx> --year FY [--preset standard|progress|binary|<preset.json>]
                      [--plan-start FY] [--ref NAME=VALUE]... [--layout mapping.json] [--out out.xlsx] [--json report.json]

  FY                      R7, 令和7年度, 2025, 2025年度 (FY1989 to FY2100)
  --ref 法定雇用率=2.5%   a named reference value (repeatable); % indicators need the %
  --encoding ENC          encoding of the actuals file (utf-8, utf-16le, utf-16be, shift_jis, euc-jp)
  --layout mapping.json   tables and column roles set by hand (exported from the task pane's 検証 view)
  --debug                 show error details (stack traces)
  -h, --help              this text

Exit codes: 0 done; 1 nothing written (the message says why); 2 written, with rows or cells to look at.`;

export function usage(locale: Locale): string {
  return locale === "ja" ? USAGE_JA : USAGE_EN;
}

export function usageHint(locale: Locale): string {
  return locale === "ja" ? "使い方は kpi-sheets --help で表示されます。" : "Run kpi-sheets --help for usage.";
}
