export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. "unreadable-value", "target-without-year", "direction-inferred". */
  code: string;
  sheet: string;
  /** A1 address of the cell concerned ("" for a whole sheet). */
  cell: string;
  /** Japanese message naming what is wrong and where. */
  message: string;
}
