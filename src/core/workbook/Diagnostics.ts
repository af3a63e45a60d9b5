import { toA1 } from "../cells/address";
import type { Diagnostic, Severity } from "./Diagnostic";

/** Collects diagnostics with their sheet and A1 address. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: string, sheet: string, row: number | null, col: number | null, message: string): void {
    const cell = row === null || col === null ? "" : toA1(row, col);
    this.list.push({ severity, code, sheet, cell, message });
  }
}

/** `シート「事業12」のC14` — how messages name a place. */
export function where(sheet: string, row: number, col: number): string {
  return `シート「${sheet}」の${toA1(row, col)}`;
}
