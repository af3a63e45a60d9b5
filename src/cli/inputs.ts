import fs from "node:fs";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import { actualsFromFile } from "../app/actualsInput";
import type { TextEncoding } from "../adapters/csv/decodeText";
import type { RowProblem } from "../adapters/csv/readActuals";
import type { FiscalYear } from "../core/periods/Period";
import type { ActualInput } from "../core/plans/planFill";
import { getPreset, parsePreset } from "../core/presets/builtin";
import { parseLayoutMapping, type LayoutMapping } from "../core/layouts/layoutMapping";
import type { Preset } from "../core/presets/Preset";
import { Refusal, type Role } from "./messages";
import { errnoOf } from "./outputs";

/** The bytes of an input, or a refusal naming it and why (not found, a folder, no permission…). */
export function readInput(input: Role): Buffer {
  try {
    return fs.readFileSync(input.path);
  } catch (error) {
    throw new Refusal({ code: "read-failed", input, errno: errnoOf(error) }, error);
  }
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A JSON input (UTF-8, a BOM allowed), or a refusal naming the file and the line near the fault. */
export function readJsonInput(input: Role): unknown {
  const bytes = readInput(input);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new Refusal({ code: "json-unreadable", input, line: null }, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where (Node 20: "Unexpected token '}'"): jsonc-parser does.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    throw new Refusal({ code: "json-unreadable", input, line: errors.length > 0 ? lineAt(text, errors[0].offset) : null }, error);
  }
}

/** A built-in preset by name, or a preset file (`.json`), validated. */
export function loadPreset(spec: string): Preset {
  if (spec.toLowerCase().endsWith(".json")) {
    const input = { flag: "--preset", path: spec };
    const parsed = parsePreset(readJsonInput(input));
    if (!parsed.ok) throw new Refusal({ code: "preset-invalid", input, detail: parsed.message });
    return parsed.preset;
  }
  const preset = getPreset(spec);
  if (!preset) throw new Refusal({ code: "preset-name", name: spec });
  return preset;
}

/** The actuals file, read strictly (encodings, widths, line breaks, the year's column), or a refusal. */
export function readActuals(file: string, year: FiscalYear, encoding: TextEncoding | undefined): { rows: ActualInput[]; problems: RowProblem[] } {
  const input = { flag: "--actuals", path: file };
  const read = actualsFromFile(readInput(input), { fileName: file, year, encoding });
  if (!read.ok) throw new Refusal({ code: "actuals-refused", input, detail: read.message, encodingHint: read.decoding !== undefined });
  return { rows: read.rows, problems: read.problems };
}

/** The tables set by hand (`--layout mapping.json`), validated by the mapping schema. */
export function loadLayout(file: string): LayoutMapping {
  const input = { flag: "--layout", path: file };
  const parsed = parseLayoutMapping(readJsonInput(input));
  if (!parsed.ok) throw new Refusal({ code: "layout-invalid", input, detail: parsed.message });
  return parsed.mapping;
}
