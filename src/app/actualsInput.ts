import { decodeFailureMessage, decodeText, type Decoded, type TextEncoding } from "../adapters/csv/decodeText";
import { parseActualRows, parsePastedBlock, type RowProblem } from "../adapters/csv/readActuals";
import type { FiscalYear } from "../core/periods/Period";
import type { ActualInput } from "../core/plans/planFill";

/**
 * Actuals read from a file or pasted text, the same way in the CLI and the task pane: the rows to
 * fill and the lines not read (each with its line and reason), or why nothing of it is read.
 */
export type ActualsInput =
  | { ok: true; rows: ActualInput[]; problems: RowProblem[]; encoding?: TextEncoding }
  | { ok: false; code: string; message: string; decoding?: Exclude<Decoded, { ok: true }> };

/** A CSV/TSV (or Excel's 「Unicode テキスト」) file of actuals for `year`; `encoding` overrides detection. */
export function actualsFromFile(bytes: Uint8Array, options: { fileName?: string; year?: FiscalYear; encoding?: TextEncoding }): ActualsInput {
  const decoded = decodeText(bytes, options.encoding);
  if (!decoded.ok) return { ok: false, code: `encoding-${decoded.code}`, message: decodeFailureMessage(decoded), decoding: decoded };
  const parsed = parseActualRows(decoded.text, { fileName: options.fileName, year: options.year });
  if (!parsed.ok) return { ok: false, code: parsed.refusal.code, message: parsed.message };
  return { ok: true, rows: parsed.rows, problems: parsed.problems, encoding: decoded.encoding };
}

/** Text pasted into the task pane: CSV/TSV with a header, or a block copied from Excel. */
export function actualsFromText(text: string, options: { year?: FiscalYear } = {}): ActualsInput {
  const withHeader = parseActualRows(text, { year: options.year });
  const parsed = !withHeader.ok && withHeader.refusal.code === "no-header" ? parsePastedBlock(text, options) : withHeader;
  if (!parsed.ok) return { ok: false, code: parsed.refusal.code, message: parsed.message };
  return { ok: true, rows: parsed.rows, problems: parsed.problems };
}
