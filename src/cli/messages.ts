import type { WorkingYear } from "../core/periods/workingYear";
import { WORKING_YEARS, workingYearsText } from "../core/periods/workingYear";
import { fiscalYearJapanese } from "../core/periods/parsePeriod";
import { clip } from "../core/text/clip";
import type { Command } from "./flags";

export type Locale = "ja" | "en";

/** Japanese unless the environment names another language (LC_ALL, LC_MESSAGES, LANG): English is the fallback. */
export function localeOf(env: Record<string, string | undefined>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (tag === "" || tag === "C" || tag === "POSIX" || tag.startsWith("C.") || tag.toLowerCase().startsWith("ja")) return "ja";
  return "en";
}

/** A file the run reads or writes, by the argument that names it. */
export interface Role {
  /** `book` (the workbook argument), `output` (the default output beside it), or the flag: `--actuals`, `--out`, `--json`… */
  flag: string;
  path: string;
}

const ROLE_JA: Record<string, string> = { book: "ブック", output: "出力ファイル" };
const ROLE_EN: Record<string, string> = { book: "workbook", output: "output" };

/** Everything the CLI itself can refuse, as a value: a code and what the message needs. */
export type CliProblem =
  | { code: "no-command" }
  | { code: "unknown-command"; command: string }
  | { code: "no-book"; command: Command }
  | { code: "extra-arguments"; args: string[] }
  | { code: "unknown-flag"; flag: string; suggestion?: string }
  | { code: "missing-value"; flag: string }
  | { code: "switch-value"; flag: string }
  | { code: "repeated-flag"; flag: string }
  | { code: "flag-not-for-command"; flag: string; command: Command; commands: Command[] }
  | { code: "needs-flag"; command: Command; flag: string }
  | { code: "year"; flag: string; year: Exclude<WorkingYear, { ok: true }> }
  | { code: "ref-format"; text: string }
  | { code: "ref-value"; name: string; text: string }
  | { code: "ref-repeated"; name: string }
  | { code: "ref-unit"; name: string; text: string; unit: string; indicatorUnit: string; indicator: string; sheet: string }
  | { code: "encoding-name"; text: string }
  | { code: "preset-name"; name: string }
  | { code: "path-collision"; output: Role; input: Role }
  | { code: "outputs-collide"; first: Role; second: Role }
  | { code: "output-is-folder"; output: Role }
  | { code: "folder-missing"; output: Role; folder: string }
  | { code: "folder-not-folder"; output: Role; folder: string }
  | { code: "folder-not-writable"; output: Role; folder: string; errno: string }
  | { code: "read-failed"; input: Role; errno: string }
  | { code: "write-failed"; output: Role; errno: string }
  /** The file layer's refusal (encrypted, .xls, .ods, a broken package…), its message already Japanese. */
  | { code: "book-refused"; input: Role; detail: string }
  /** The file layer refused the plan before writing anything. */
  | { code: "plan-refused"; detail: string }
  | { code: "no-kpi-sheet"; input: Role; detail: string }
  | { code: "json-unreadable"; input: Role; line: number | null }
  | { code: "preset-invalid"; input: Role; detail: string }
  | { code: "actuals-refused"; input: Role; detail: string; encodingHint: boolean }
  | { code: "layout-invalid"; input: Role; detail: string }
  | { code: "internal"; detail: string };

const ERRNO_JA: Record<string, string> = {
  ENOENT: "見つかりません",
  EACCES: "アクセスが許可されていません",
  EPERM: "操作が許可されていません",
  EISDIR: "ファイルではなくフォルダーです",
  ENOTDIR: "途中のパスがフォルダーではありません",
  EROFS: "読み取り専用の場所です",
  ENOSPC: "ディスクの空きが足りません",
  EBUSY: "ほかのプログラムが使用中です（Excel で開いていませんか）",
  ENAMETOOLONG: "パスが長すぎます",
  ELOOP: "シンボリックリンクが循環しています",
};
const ERRNO_EN: Record<string, string> = {
  ENOENT: "not found", EACCES: "permission denied", EPERM: "operation not permitted", EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder", EROFS: "read-only location", ENOSPC: "no space left on the disk",
  EBUSY: "in use by another program (open in Excel?)", ENAMETOOLONG: "path too long", ELOOP: "too many symbolic links",
};

const errnoJa = (code: string) => `${ERRNO_JA[code] ?? "エラー"}（${code}）`;
const errnoEn = (code: string) => `${ERRNO_EN[code] ?? "error"} (${code})`;
/** `--out「a.xlsx」`, or `ブック「a.xlsx」`. */
const roleJa = (r: Role) => `${ROLE_JA[r.flag] ?? r.flag}「${clip(r.path)}」`;
const roleEn = (r: Role) => `${ROLE_EN[r.flag] ?? r.flag} "${clip(r.path)}"`;
const commandsJa = (c: Command[]) => c.join("、");

function yearJa(flag: string, y: Exclude<WorkingYear, { ok: true }>): string {
  if (y.code === "unreadable") return `${flag} の年度「${clip(y.text)}」を読めません（例: R7、令和7年度、2025、2025年度）。`;
  if (y.code === "outside-era") {
    const meant = y.fy !== null && y.era === "平成" ? `${fiscalYearJapanese(y.fy)}のことですか。` : "";
    return `${flag} の年度「${clip(y.text)}」はありません（${y.era}は${y.last}年度までです）。${meant}扱える年度は${workingYearsText()}です。`;
  }
  return `${flag} の年度「${clip(y.text)}」（${y.fy}年度）は扱える範囲の外です。扱える年度は${workingYearsText()}です。`;
}

/** The Japanese messages, one per code: each names the argument or file concerned. */
const JA: { [K in CliProblem["code"]]: (p: Extract<CliProblem, { code: K }>) => string } = {
  "no-command": () => "コマンド（check、fill、evaluate）を指定してください。",
  "unknown-command": (p) => `不明なコマンド「${clip(p.command)}」です（check、fill、evaluate のどれか）。`,
  "no-book": (p) => `${p.command} の後にブック（.xlsx）を指定してください。`,
  "extra-arguments": (p) => `余分な引数があります: ${p.args.map((a) => `「${clip(a)}」`).join(" ")}（ファイル名に空白があるときは "…" で囲んでください）。`,
  "unknown-flag": (p) => `不明なオプション「${clip(p.flag)}」です。${p.suggestion ? `${p.suggestion} のことですか。` : ""}`,
  "missing-value": (p) => `${p.flag} の後に値がありません（例: ${p.flag} ${p.flag === "--year" ? "R7" : p.flag === "--ref" ? "法定雇用率=2.5%" : "…"}）。`,
  "switch-value": (p) => `${p.flag} は値をとりません（${p.flag} だけを指定してください）。`,
  "repeated-flag": (p) => `${p.flag} が2回以上指定されています。1回だけ指定してください。`,
  "flag-not-for-command": (p) => `${p.flag} は ${p.command} では使えません（使えるコマンド: ${commandsJa(p.commands)}）。`,
  "needs-flag": (p) => `${p.command} には ${p.flag} が必要です。`,
  year: (p) => yearJa(p.flag, p.year),
  "ref-format": (p) => `--ref は 名前=値 の形で指定してください（例: 法定雇用率=2.5%）: 「${clip(p.text)}」`,
  "ref-value": (p) => `--ref ${clip(p.name)} の値「${clip(p.text)}」を数値として読めません（例: 2.5%）。`,
  "ref-repeated": (p) => `--ref ${clip(p.name)} が2回以上指定されています。`,
  "ref-unit": (p) => p.indicatorUnit === "%" && p.unit === ""
    ? `--ref ${clip(p.name)}=${clip(p.text)}: シート「${clip(p.sheet)}」の指標「${clip(p.indicator)}」は % の指標です。${clip(p.text)}% のことなら --ref ${clip(p.name)}=${clip(p.text)}% と指定してください。`
    : `--ref ${clip(p.name)}=${clip(p.text)}: シート「${clip(p.sheet)}」の指標「${clip(p.indicator)}」の単位は「${p.indicatorUnit}」ですが、指定された値の単位は「${p.unit || "なし"}」です。`,
  "encoding-name": (p) => `--encoding の「${clip(p.text)}」は扱えません（utf-8、utf-16le、utf-16be、shift_jis、euc-jp のどれか）。`,
  "preset-name": (p) => `--preset「${clip(p.name)}」はありません（standard、progress、binary か .json ファイル）。`,
  "path-collision": (p) => `${roleJa(p.output)}は${roleJa(p.input)}と同じファイルです。入力ファイルには書き込みません。別のファイル名を指定してください。`,
  "outputs-collide": (p) => `${roleJa(p.first)}と${roleJa(p.second)}が同じファイルです。別々のファイル名を指定してください。`,
  "output-is-folder": (p) => `${roleJa(p.output)}はフォルダーです。ファイル名を指定してください。`,
  "folder-missing": (p) => `${roleJa(p.output)}の書き込み先フォルダー「${clip(p.folder)}」がありません。`,
  "folder-not-folder": (p) => `${roleJa(p.output)}の書き込み先「${clip(p.folder)}」はフォルダーではありません。`,
  "folder-not-writable": (p) => `${roleJa(p.output)}の書き込み先フォルダー「${clip(p.folder)}」に書き込めません: ${errnoJa(p.errno)}。`,
  "read-failed": (p) => `${roleJa(p.input)}を読めません: ${errnoJa(p.errno)}。`,
  "write-failed": (p) => `${roleJa(p.output)}を書き出せません: ${errnoJa(p.errno)}。`,
  "book-refused": (p) => p.detail,
  "plan-refused": (p) => p.detail,
  "no-kpi-sheet": (p) => `${roleJa(p.input)}: ${p.detail}`,
  "json-unreadable": (p) => `${roleJa(p.input)}を JSON として読めません${p.line !== null ? `（${p.line}行目付近）` : ""}。`,
  "preset-invalid": (p) => `${roleJa(p.input)}はプリセットとして正しくありません: ${p.detail}`,
  "actuals-refused": (p) => `${roleJa(p.input)}: ${p.detail}${p.encodingHint ? "文字コードは --encoding で指定できます（utf-8、utf-16le、shift_jis、euc-jp など）。" : ""}`,
  "layout-invalid": (p) => `${roleJa(p.input)}は列の対応として正しくありません: ${p.detail}`,
  internal: (p) => `内部エラーのため中止しました（何も書き込んでいません）: ${clip(p.detail)}。--debug を付けると詳細を表示します。`,
};

/** English, for a non-Japanese locale. File and sheet contents stay as they are. */
const EN: { [K in CliProblem["code"]]: (p: Extract<CliProblem, { code: K }>) => string } = {
  "no-command": () => "Give a command (check, fill or evaluate).",
  "unknown-command": (p) => `Unknown command "${clip(p.command)}" (check, fill or evaluate).`,
  "no-book": (p) => `Give the workbook (.xlsx) after ${p.command}.`,
  "extra-arguments": (p) => `Unexpected arguments: ${p.args.map((a) => `"${clip(a)}"`).join(" ")} (quote file names with spaces).`,
  "unknown-flag": (p) => `Unknown option "${clip(p.flag)}".${p.suggestion ? ` Did you mean ${p.suggestion}?` : ""}`,
  "missing-value": (p) => `${p.flag} needs a value.`,
  "switch-value": (p) => `${p.flag} takes no value.`,
  "repeated-flag": (p) => `${p.flag} is given more than once; give it once.`,
  "flag-not-for-command": (p) => `${p.flag} cannot be used with ${p.command} (only with ${p.commands.join(", ")}).`,
  "needs-flag": (p) => `${p.command} needs ${p.flag}.`,
  year: (p) => `${p.flag}: "${clip(p.year.text)}" is not a fiscal year this tool works on (FY${WORKING_YEARS.first}–FY${WORKING_YEARS.last}; e.g. R7, 令和7年度, 2025).`,
  "ref-format": (p) => `--ref takes NAME=VALUE (e.g. 法定雇用率=2.5%): "${clip(p.text)}"`,
  "ref-value": (p) => `--ref ${clip(p.name)}: "${clip(p.text)}" is not a number (e.g. 2.5%).`,
  "ref-repeated": (p) => `--ref ${clip(p.name)} is given more than once.`,
  "ref-unit": (p) => `--ref ${clip(p.name)}=${clip(p.text)}: indicator "${clip(p.indicator)}" (sheet "${clip(p.sheet)}") is measured in ${p.indicatorUnit}; the value given is in "${p.unit || "no unit"}"${p.indicatorUnit === "%" && p.unit === "" ? `: write ${clip(p.text)}%` : ""}.`,
  "encoding-name": (p) => `--encoding "${clip(p.text)}" is not supported (utf-8, utf-16le, utf-16be, shift_jis, euc-jp).`,
  "preset-name": (p) => `--preset "${clip(p.name)}" does not exist (standard, progress, binary or a .json file).`,
  "path-collision": (p) => `${roleEn(p.output)} is the same file as ${roleEn(p.input)}. Inputs are never written; choose another file name.`,
  "outputs-collide": (p) => `${roleEn(p.first)} and ${roleEn(p.second)} are the same file; choose different names.`,
  "output-is-folder": (p) => `${roleEn(p.output)} is a folder; give a file name.`,
  "folder-missing": (p) => `${roleEn(p.output)}: the folder "${clip(p.folder)}" does not exist.`,
  "folder-not-folder": (p) => `${roleEn(p.output)}: "${clip(p.folder)}" is not a folder.`,
  "folder-not-writable": (p) => `${roleEn(p.output)}: cannot write into "${clip(p.folder)}": ${errnoEn(p.errno)}.`,
  "read-failed": (p) => `Cannot read ${roleEn(p.input)}: ${errnoEn(p.errno)}.`,
  "write-failed": (p) => `Cannot write ${roleEn(p.output)}: ${errnoEn(p.errno)}.`,
  "book-refused": (p) => `${roleEn(p.input)} cannot be opened: ${p.detail}`,
  "plan-refused": (p) => `Nothing was written: ${p.detail}`,
  "no-kpi-sheet": (p) => `${roleEn(p.input)}: ${p.detail}`,
  "json-unreadable": (p) => `${roleEn(p.input)} is not valid JSON${p.line !== null ? ` (near line ${p.line})` : ""}.`,
  "preset-invalid": (p) => `${roleEn(p.input)} is not a valid preset: ${p.detail}`,
  "actuals-refused": (p) => `${roleEn(p.input)}: ${p.detail}${p.encodingHint ? " Name the encoding with --encoding (utf-8, utf-16le, shift_jis, euc-jp…)." : ""}`,
  "layout-invalid": (p) => `${roleEn(p.input)} is not a valid column mapping: ${p.detail}`,
  internal: (p) => `Stopped by an internal error (nothing was written): ${clip(p.detail)}. Add --debug for details.`,
};

export function cliMessage(problem: CliProblem, locale: Locale): string {
  const table = locale === "ja" ? JA : EN;
  return (table[problem.code] as (p: CliProblem) => string)(problem);
}

/** A refusal that stops the run before anything is written (exit 1); `cause` is shown with --debug. */
export class Refusal extends Error {
  constructor(
    readonly problem: CliProblem,
    override readonly cause?: unknown,
  ) {
    super(problem.code);
  }
}
