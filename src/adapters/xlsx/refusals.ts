import { toA1 } from "../../core/cells/address";
import { REFUSAL_MESSAGES, WRITE_PROBLEM_MESSAGES } from "./messages";

/** Why a file cannot be opened. */
export type RefusalCode = "encrypted" | "xls" | "ods" | "xlsb" | "not-a-workbook" | "broken-zip" | "missing-part" | "broken-part";

export interface XlsxRefusal {
  ok: false;
  code: RefusalCode;
  file: string;
  /** The part concerned, when one is. */
  detail: string;
  /** The zip or XML parser's own words (English), for --debug and logs: never in `message`. */
  cause: string;
  message: string;
}

export function refusal(code: RefusalCode, file: string, detail = "", cause = ""): XlsxRefusal {
  return { ok: false, code, file, detail, cause, message: REFUSAL_MESSAGES[code](file, detail) };
}

/** Why a plan (or a set of edits) was not written: nothing was. */
export type WriteProblemCode = "outside-plan" | "missing-sheet" | "merged-cell" | "shared-formula" | "array-formula" | "notes-unreadable";

export interface WriteProblem {
  ok: false;
  code: WriteProblemCode;
  sheet: string;
  /** A1, when one cell is the cause. */
  cell: string | null;
  message: string;
}

export function writeProblem(code: WriteProblemCode, sheet: string, at: { row: number; col: number } | null, detail = ""): WriteProblem {
  const cell = at ? toA1(at.row, at.col) : null;
  const place = `シート「${sheet}」${cell ?? ""}`;
  return { ok: false, code, sheet, cell, message: WRITE_PROBLEM_MESSAGES[code](place, detail) };
}
