import type { FiscalYear } from "../core/periods/Period";

/** An operation the task pane can undo. */
export type OperationKind = "fill" | "evaluate";

/** What an undoable operation did, for 元に戻す to name it (「実績入力 2件を元に戻す」). */
export interface OperationSummary {
  kind: OperationKind;
  /** Cells of actuals written (fill) or indicators evaluated (evaluate). */
  count: number;
  year: FiscalYear;
}

/**
 * The pane's one current message: the result of the last action, or why it failed. A new message
 * replaces the old one. Codes and numbers only: the views word them in the pane's language.
 */
export type PaneMessage =
  | { intent: "success"; code: "filled"; year: FiscalYear; written: number; added: number; overwritten: number; protectedSheets: string[] }
  | { intent: "success"; code: "evaluated"; year: FiscalYear; count: number; columns: string[]; protectedSheets: string[] }
  | { intent: "success"; code: "undone"; operation: OperationSummary }
  | { intent: "success"; code: "summary-written"; sheet: string }
  | { intent: "success"; code: "settings-saved" }
  | { intent: "warning"; code: "preview-outdated" }
  | { intent: "warning"; code: "nothing-to-write" }
  | { intent: "error"; code: "failed"; detail: string };

/** An error as a message: the exception's own text (the adapters' refusals name the sheet). */
export function failure(error: unknown): PaneMessage {
  return { intent: "error", code: "failed", detail: error instanceof Error ? error.message : String(error) };
}
