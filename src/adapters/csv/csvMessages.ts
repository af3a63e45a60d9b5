import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { clip } from "../../core/text/clip";

/** What can be wrong with a file of actuals as a whole: nothing of it is read. */
export type CsvRefusal =
  | { code: "empty" }
  | { code: "no-header"; headers: string[]; missing: "actual" | "indicator" }
  | { code: "ambiguous-actual"; headers: string[] }
  | { code: "year-mismatch"; header: string; headerYear: number; year: number }
  | { code: "no-year-column"; headers: string[]; year: number }
  | { code: "unclosed-quote"; line: number };

/** What can be wrong with one line: that line is not read, the others are. */
export type CsvRowCode = "column-count" | "line-break" | "empty-actual" | "invalid-row";

const list = (headers: string[]) => headers.map((h) => `「${clip(h, 40)}」`).slice(0, 20).join("、") + (headers.length > 20 ? ` ほか ${headers.length - 20} 列` : "");

/** Japanese messages for the refusals, kept apart from their codes. */
export function csvRefusalMessage(r: CsvRefusal): string {
  switch (r.code) {
    case "empty":
      return "ファイルが空です。";
    case "no-header": {
      const found = r.headers.filter((h) => h.trim()).length > 0 ? list(r.headers.filter((h) => h.trim())) : "なし";
      const missing = r.missing === "indicator" ? "「指標」列（または「シート」「セル」列）" : "「実績値」列";
      return `1行目の見出しに${missing}がありません（見出し: ${found}）。必要な列: 事業番号（任意）、指標、実績値。`;
    }
    case "ambiguous-actual":
      return `実績値の列が複数あります（${list(r.headers)}）。どの列を書き込むか決められません。見出しに年度を入れて（例: R7実績）--year で選ぶか、1列にしてください。`;
    case "year-mismatch":
      return `見出し「${clip(r.header, 40)}」は ${fiscalYearLabel(r.headerYear)} の実績ですが、書き込む年度は ${fiscalYearLabel(r.year)} です。年度を確かめてください。`;
    case "no-year-column":
      return `実績値の列（${list(r.headers)}）に ${fiscalYearLabel(r.year)} の列がありません。`;
    case "unclosed-quote":
      return `${r.line}行目で始まる「"」が閉じられていません（ファイルの終わりまでが1つの値になります）。`;
  }
}

export const CSV_ROW_MESSAGES: Record<CsvRowCode, (detail: string) => string> = {
  "column-count": (detail) => `列の数が見出しと違います（${detail}）。値に「,」を含むときは "1,234" のように「"」で囲んでください。この行は読み込みません。`,
  "line-break": (detail) => `値「${clip(detail, 40)}」に改行が含まれています。改行を含む値は読み込みません（この行は読み込みません）。`,
  "empty-actual": () => "実績値が空のため読み飛ばしました。",
  "invalid-row": (detail) => `${detail}（この行は読み込みません）。`,
};
