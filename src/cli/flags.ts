import { ENCODING_ALIASES, type TextEncoding } from "../adapters/csv/decodeText";
import type { FiscalYear } from "../core/periods/Period";
import { parseWorkingYear } from "../core/periods/workingYear";
import { nfkc } from "../core/text/normalize";
import { parseValue } from "../core/values/parseValue";
import type { CliProblem } from "./messages";

export type Command = "check" | "fill" | "evaluate";
const ALL: Command[] = ["check", "fill", "evaluate"];

/** switch: no value; value: text; input / output: a file path that takes part in the path checks. */
type Kind = "switch" | "value" | "input" | "output";

interface FlagSpec {
  name: string;
  kind: Kind;
  commands: Command[];
  repeatable?: boolean;
}

/** Every flag kpi-sheets knows: one table, one parser. */
export const FLAGS: FlagSpec[] = [
  { name: "year", kind: "value", commands: ALL },
  { name: "actuals", kind: "input", commands: ["fill"] },
  { name: "encoding", kind: "value", commands: ["fill"] },
  { name: "overwrite", kind: "switch", commands: ["fill"] },
  { name: "preset", kind: "value", commands: ["check", "evaluate"] },
  { name: "plan-start", kind: "value", commands: ["check", "evaluate"] },
  { name: "ref", kind: "value", commands: ["check", "evaluate"], repeatable: true },
  { name: "layout", kind: "input", commands: ALL },
  { name: "out", kind: "output", commands: ["fill", "evaluate"] },
  { name: "json", kind: "output", commands: ALL },
  { name: "debug", kind: "switch", commands: ALL },
  { name: "help", kind: "switch", commands: ALL },
];

/** A `--ref` value as typed, read with its unit (`2.5%` → 0.025, unit %). */
export interface ReferenceInput {
  name: string;
  text: string;
  value: number;
  unit: string;
}

export interface CliOptions {
  command: Command;
  book: string;
  year?: FiscalYear;
  actuals?: string;
  encoding?: TextEncoding;
  overwrite: boolean;
  out?: string;
  json?: string;
  preset: string;
  planStart?: FiscalYear;
  references: ReferenceInput[];
  layout?: string;
  debug: boolean;
}

export type Parsed = { ok: true; options: CliOptions } | { ok: true; help: true } | { ok: false; problem: CliProblem };

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function suggestion(name: string): string | undefined {
  const best = FLAGS.map((f) => ({ f, d: distance(name, f.name) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? `--${best.f.name}` : undefined;
}

function reference(text: string): ReferenceInput | CliProblem {
  const eq = text.indexOf("=");
  if (eq <= 0) return { code: "ref-format", text };
  const name = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1).trim();
  const reading = parseValue({ value: valueText });
  if (reading.kind !== "number") return { code: "ref-value", name, text: valueText };
  return { name, text: valueText, value: reading.value, unit: reading.unit };
}

function year(flag: string, text: string | undefined): FiscalYear | undefined | CliProblem {
  if (text === undefined) return undefined;
  const read = parseWorkingYear(text);
  return read.ok ? read.fy : { code: "year", flag, year: read };
}

const isProblem = (x: unknown): x is CliProblem => typeof x === "object" && x !== null && "code" in x;

/** Flags and positionals, checked against the table: unknown, repeated or misplaced flags are problems. */
function scan(argv: string[]): { values: Map<string, string[]>; positionals: string[] } | CliProblem {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const normalized = nfkc(token);
    if (normalized === "-h") {
      values.set("help", [""]);
      continue;
    }
    if (!normalized.startsWith("-") || normalized === "-" || /^-\d/.test(normalized)) {
      positionals.push(token);
      continue;
    }
    // --name=value (＝ too): the name is read after NFKC, the value kept as typed.
    const eq = token.search(/[=＝]/);
    const name = nfkc(eq >= 0 ? token.slice(0, eq) : token).replace(/^--?/, "");
    const spec = normalized.startsWith("--") ? FLAGS.find((f) => f.name === name) : undefined;
    if (!spec) return { code: "unknown-flag", flag: eq >= 0 ? token.slice(0, eq) : token, suggestion: suggestion(name) };
    let value = "";
    if (spec.kind === "switch") {
      if (eq >= 0) return { code: "switch-value", flag: `--${spec.name}` };
    } else if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (nfkc(next).startsWith("--") && next.length > 2)) return { code: "missing-value", flag: `--${spec.name}` };
      value = next;
      i++;
    }
    if (spec.kind !== "switch" && value.trim() === "") return { code: "missing-value", flag: `--${spec.name}` };
    const seen = values.get(spec.name);
    if (seen && !spec.repeatable) return { code: "repeated-flag", flag: `--${spec.name}` };
    values.set(spec.name, [...(seen ?? []), value]);
  }
  return { values, positionals };
}

/** Parse the command line; every problem is a value naming the argument (see messages.ts). */
export function parseCli(argv: string[]): Parsed {
  const scanned = scan(argv);
  if (isProblem(scanned)) return { ok: false, problem: scanned };
  const { values, positionals } = scanned;
  if (values.has("help")) return { ok: true, help: true };
  const fail = (problem: CliProblem): Parsed => ({ ok: false, problem });
  const [command, book, ...rest] = positionals;
  if (command === undefined) return fail({ code: "no-command" });
  if (command !== "check" && command !== "fill" && command !== "evaluate") return fail({ code: "unknown-command", command });
  for (const name of values.keys()) {
    const spec = FLAGS.find((f) => f.name === name)!;
    if (!spec.commands.includes(command)) return fail({ code: "flag-not-for-command", flag: `--${name}`, command, commands: spec.commands });
  }
  if (!book) return fail({ code: "no-book", command });
  if (rest.length > 0) return fail({ code: "extra-arguments", args: rest });
  const one = (name: string) => values.get(name)?.[0];
  const fy = year("--year", one("year"));
  if (isProblem(fy)) return fail(fy);
  const planStart = year("--plan-start", one("plan-start"));
  if (isProblem(planStart)) return fail(planStart);
  const references: ReferenceInput[] = [];
  for (const text of values.get("ref") ?? []) {
    const ref = reference(text);
    if ("code" in ref) return fail(ref);
    if (references.some((r) => nfkc(r.name).replace(/\s+/g, "") === nfkc(ref.name).replace(/\s+/g, ""))) return fail({ code: "ref-repeated", name: ref.name });
    references.push(ref);
  }
  const encodingText = one("encoding");
  const encoding = encodingText === undefined ? undefined : ENCODING_ALIASES[encodingText.trim().toLowerCase()];
  if (encodingText !== undefined && !encoding) return fail({ code: "encoding-name", text: encodingText });
  if (command !== "check" && fy === undefined) return fail({ code: "needs-flag", command, flag: "--year" });
  if (command === "fill" && !values.has("actuals")) return fail({ code: "needs-flag", command, flag: "--actuals" });
  return {
    ok: true,
    options: {
      command,
      book,
      year: fy,
      actuals: one("actuals"),
      encoding,
      overwrite: values.has("overwrite"),
      out: one("out"),
      json: one("json"),
      preset: one("preset") ?? "standard",
      planStart,
      references,
      layout: one("layout"),
      debug: values.has("debug"),
    },
  };
}
