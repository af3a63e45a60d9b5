import { parseArgs } from "node:util";
import { parseFiscalYear } from "../core/periods/parsePeriod";
import type { FiscalYear } from "../core/periods/Period";
import { parseValue } from "../core/values/parseValue";

export const USAGE = `使い方 / Usage:
  kpi-sheets check    <book.xlsx> [--year FY] [--layout mapping.json] [--json report.json]
  kpi-sheets fill     <book.xlsx> --year FY --actuals <file.csv|.tsv> [--overwrite] [--layout mapping.json] [--out out.xlsx] [--json report.json]
  kpi-sheets evaluate <book.xlsx> --year FY [--preset standard|progress|binary|<preset.json>]
                      [--plan-start FY] [--ref NAME=VALUE]... [--layout mapping.json] [--out out.xlsx] [--json report.json]

  FY: R7, 令和7年度, 2025, 2025年度
  --layout mapping.json   tables and column roles set by hand (exported from the task pane's 検証 view)
  --ref 法定雇用率=2.5%   a named reference value (repeatable)

Exit codes: 0 done; 1 nothing written (usage error, unreadable file, no KPI sheet); 2 written, with conflicts, unmatched rows or errors reported.`;

export class UsageError extends Error {}

export type Command = "check" | "fill" | "evaluate";

export interface CliOptions {
  command: Command;
  book: string;
  year?: FiscalYear;
  actuals?: string;
  overwrite: boolean;
  out?: string;
  json?: string;
  preset: string;
  planStart?: FiscalYear;
  references: Record<string, number>;
  /** A column mapping file (JSON): tables set by hand. */
  layout?: string;
}

function fiscalYear(text: string | undefined, option: string): FiscalYear | undefined {
  if (text === undefined) return undefined;
  const fy = parseFiscalYear(text);
  if (fy === null) throw new UsageError(`${option} の年度「${text}」を読めません（例: R7, 令和7年度, 2025, 2025年度）。`);
  return fy;
}

function reference(text: string): [string, number] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`--ref は 名前=値 の形で指定してください（例: 法定雇用率=2.5%）: 「${text}」`);
  const name = text.slice(0, eq).trim();
  const reading = parseValue({ value: text.slice(eq + 1).trim() });
  if (reading.kind !== "number") throw new UsageError(`--ref ${name} の値「${text.slice(eq + 1)}」を数値として読めません。`);
  return [name, reading.value];
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        year: { type: "string" },
        actuals: { type: "string" },
        overwrite: { type: "boolean", default: false },
        out: { type: "string" },
        json: { type: "string" },
        preset: { type: "string", default: "standard" },
        "plan-start": { type: "string" },
        ref: { type: "string", multiple: true, default: [] },
        layout: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError("");
  const [command, book, ...rest] = positionals;
  if (command !== "check" && command !== "fill" && command !== "evaluate") {
    throw new UsageError(command ? `不明なコマンド「${command}」です。` : "コマンドを指定してください。");
  }
  if (!book) throw new UsageError("ブック（.xlsx）を指定してください。");
  if (rest.length > 0) throw new UsageError(`余分な引数があります: ${rest.join(" ")}`);
  const options: CliOptions = {
    command,
    book,
    year: fiscalYear(values.year, "--year"),
    actuals: values.actuals,
    overwrite: values.overwrite ?? false,
    out: values.out,
    json: values.json,
    preset: values.preset ?? "standard",
    planStart: fiscalYear(values["plan-start"], "--plan-start"),
    references: Object.fromEntries((values.ref ?? []).map(reference)),
    layout: values.layout,
  };
  if (command !== "check" && options.year === undefined) throw new UsageError(`${command} には --year が必要です。`);
  if (command === "fill" && !options.actuals) throw new UsageError("fill には --actuals <file.csv|.tsv> が必要です。");
  if (command !== "fill" && (options.actuals || options.overwrite)) throw new UsageError("--actuals と --overwrite は fill でだけ使えます。");
  if (command === "check" && options.out) throw new UsageError("check は何も書き込みません（--out は使えません）。");
  return options;
}
