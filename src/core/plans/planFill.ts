import { parseA1, toA1, type CellRef } from "../cells/address";
import type { CellValue } from "../cells/RawCell";
import type { FiscalYear } from "../periods/Period";
import { fiscalYearLabel } from "../periods/parsePeriod";
import { foldName } from "../text/normalize";
import { parseValue } from "../values/parseValue";
import type { ValueReading } from "../values/ValueReading";
import { gridsOf } from "../workbook/Grid";
import { PlanBuilder } from "./PlanBuilder";
import { MISSING_FILL } from "./planEvaluate";
import type { WritePlan } from "../workbook/WritePlan";
import type { Indicator, WorkbookModel } from "../workbook/WorkbookModel";
import { YearCells } from "./yearColumnPlan";
import { cellValueFromInput } from "./cellValueFromInput";
import { protectedSheets } from "./protectedSheets";
import { foldProjectNo } from "./projectNo";
import { unitWarning } from "./unitWarning";
import { CELL_TEXT_LIMIT, clip } from "../text/clip";

/** One actual to write: by project and indicator name, or by sheet and cell. */
export interface ActualInput {
  /** Line of the source file, for messages. */
  line?: number;
  projectNo?: string;
  indicator?: string;
  sheet?: string;
  cell?: string;
  actual: string;
}

export type FillStatus = "new" | "unchanged" | "conflict" | "overwritten" | "unmatched" | "ambiguous" | "duplicate" | "invalid" | "protected";

export interface FillOutcome {
  input: ActualInput;
  status: FillStatus;
  indicator?: Indicator;
  cell?: CellRef;
  /** The value already in the cell (conflicts, unchanged); a formula's text (`=1600+73`) when it holds one. */
  existing?: string;
  message: string;
  /** Written, but the person should look: the value's unit disagrees with the indicator's. */
  warning?: string;
}

export interface FillOptions {
  year: FiscalYear;
  rows: ActualInput[];
  /** Overwrite every conflicting value. */
  overwrite?: boolean;
  /** Per-indicator choice for conflicts (by indicator key), which wins over `overwrite`. */
  decisions?: Record<string, "keep" | "overwrite">;
}

export interface FillPlan {
  plan: WritePlan;
  outcomes: FillOutcome[];
  counts: Record<FillStatus, number>;
}

function sameReading(a: ValueReading, b: ValueReading): boolean {
  if (a.kind !== "number" || b.kind !== "number") return false;
  if (a.unit !== b.unit && a.unit !== "" && b.unit !== "") return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

function shown(value: CellValue): string {
  return value === null ? "" : clip(String(value));
}

function inputLabel(input: ActualInput): string {
  const line = input.line === undefined ? "" : `${input.line}行目: `;
  if (input.sheet && input.cell) return `${line}シート「${clip(input.sheet)}」${clip(input.cell)}`;
  return `${line}${input.projectNo ? `事業番号「${clip(input.projectNo)}」の` : ""}指標「${clip(input.indicator ?? "")}」`;
}

/**
 * Plan writing a year's actuals: only into the year's actual column (added beside the table when
 * missing), only into empty cells unless a conflict is to be overwritten, never into a protected
 * sheet. A formula is the user's value, never an empty cell: with a value it is compared like any
 * value, without one (not computed yet) it is a conflict. Every input row gets an outcome: new,
 * unchanged, conflict, overwritten, unmatched, ambiguous, duplicate, invalid or protected.
 */
export function planFill(model: WorkbookModel, options: FillOptions): FillPlan {
  const { year } = options;
  const label = fiscalYearLabel(year);
  const builder = new PlanBuilder("fill", year, protectedSheets(model));
  const outcomes: FillOutcome[] = [];
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const gridOf = gridsOf(model.snapshots);
  const cells = new YearCells(builder, gridOf, year, ["actual"]);
  const byName = new Map<string, Indicator[]>();
  for (const indicator of model.indicators) {
    const key = foldName(indicator.name);
    const list = byName.get(key) ?? [];
    list.push(indicator);
    byName.set(key, list);
  }
  const written = new Set<string>();

  for (const input of options.rows) {
    const outcome = (status: FillStatus, message: string, extra: Partial<FillOutcome> = {}) =>
      outcomes.push({ input, status, message: `${inputLabel(input)}: ${message}`, ...extra });

    let indicator: Indicator | undefined;
    if (input.sheet && input.cell) {
      const pos = parseA1(input.cell);
      if (!pos) {
        outcome("invalid", `セル番地「${input.cell}」を読めません。`);
        continue;
      }
      const atRow = model.indicators.filter((i) => i.sheet === input.sheet && (i.layout === "row-wise" ? i.rows?.actual === pos.row : i.row === pos.row));
      indicator = atRow[0];
      if (!indicator) {
        outcome("unmatched", `この行に指標が見つかりません。`);
        continue;
      }
      const expected = cells.column(tables.get(indicator.tableId)!, "actual");
      if (expected.col !== pos.col) {
        outcome("unmatched", `${label}実績の列は ${toA1(pos.row, expected.col)} の列です（指定: ${input.cell}）。`, { indicator });
        continue;
      }
    } else {
      const named = byName.get(foldName(input.indicator ?? "")) ?? [];
      const candidates = input.projectNo ? named.filter((i) => foldProjectNo(i.projectNo ?? "") === foldProjectNo(input.projectNo!)) : named;
      if (candidates.length === 0) {
        const elsewhere = [...new Set(named.map((i) => i.projectNo).filter((no): no is string => Boolean(no)))];
        outcome("unmatched", elsewhere.length > 0
          ? `事業番号「${clip(input.projectNo!)}」の事業にこの指標はありません（この名前の指標は 事業${elsewhere.slice(0, 5).join("、事業")}${elsewhere.length > 5 ? " ほか" : ""} にあります）。`
          : "一致する指標がありません。");
        continue;
      }
      if (candidates.length > 1) {
        const places = candidates.map((i) => `シート「${i.sheet}」${toA1(i.row, i.cells.name.col)}`).join("、");
        outcome("ambiguous", `同じ名前の指標が${candidates.length}件あります（${places}）。事業番号かシートとセルで指定してください。`);
        continue;
      }
      indicator = candidates[0];
    }

    const table = tables.get(indicator.tableId)!;
    const located = cells.locate(table, indicator, "actual");
    if (!located) {
      outcome("invalid", `指標「${indicator.name}」には「実績値」の行がありません（区分の列に「実績値」の行を加えてください）。`, { indicator });
      continue;
    }
    const cell: CellRef = { sheet: indicator.sheet, row: located.row, col: located.col };
    const place = `シート「${cell.sheet}」${toA1(cell.row, cell.col)}`;
    const next = cellValueFromInput(input.actual);
    if (!next) {
      outcome("invalid", "実績値が空です。", { indicator, cell });
      continue;
    }
    if (typeof next.value === "string" && next.value.length > CELL_TEXT_LIMIT) {
      outcome("invalid", `実績値が ${next.value.length.toLocaleString("en-US")} 文字あり、Excel の1セルの上限（${CELL_TEXT_LIMIT.toLocaleString("en-US")} 文字）を超えています。`, { indicator, cell });
      continue;
    }
    if (builder.skips(cell.sheet)) {
      outcome("protected", `シート「${clip(cell.sheet)}」は保護されているため書き込みません（保護を解除してから実行してください）。`, { indicator, cell });
      continue;
    }
    const cellKey = `${cell.sheet}!${cell.row}!${cell.col}`;
    if (written.has(cellKey)) {
      outcome("duplicate", `同じ指標が前の行でも指定されています（${place}）。最初の値を使います。`, { indicator, cell });
      continue;
    }
    written.add(cellKey);

    const grid = gridOf(cell.sheet);
    const existingRaw = located.isNew ? { value: null } : grid.raw(cell.row, cell.col);
    const formula = located.isNew ? null : grid.formula(cell.row, cell.col);
    const existing = parseValue(existingRaw);
    const incoming = parseValue({ value: next.value, numberFormat: next.numberFormat });
    const isEmpty = formula === null && existing.kind === "empty" && !existing.reason;
    let status: FillStatus;
    if (isEmpty) status = "new";
    else if (existingRaw.value !== null && sameReading(existing, incoming)) status = "unchanged";
    else {
      const decision = options.decisions?.[indicator.key] ?? (options.overwrite ? "overwrite" : "keep");
      status = decision === "overwrite" ? "overwritten" : "conflict";
    }
    const existingText = formula === null ? shown(existingRaw.value) : clip(formula);
    const held = formula === null ? `「${existingText}」` : `式「${existingText}」${existingRaw.value === null ? "（計算結果なし）" : `（値 ${shown(existingRaw.value)}）`}`;
    if (status === "new" || status === "overwritten") {
      cells.allow(table, indicator, "actual");
      builder.write({
        sheet: cell.sheet, row: cell.row, col: cell.col, purpose: "actual",
        value: next.value,
        ...(next.numberFormat ? { numberFormat: next.numberFormat } : {}),
        fill: null,
        fillOnlyIf: MISSING_FILL,
      });
    }
    const typed = clip(input.actual);
    const messages: Record<FillStatus, string> = {
      new: `${place} に ${typed} を書き込みます。`,
      unchanged: `${place} はすでに同じ値（${formula === null ? existingText : held}）です。`,
      conflict: `${place} には${formula === null ? "別の値" : ""}${held}があります。上書きしません。`,
      overwritten: `${place} の${held}を ${typed} で上書きします。`,
      unmatched: "",
      ambiguous: "",
      duplicate: "",
      invalid: "",
      protected: "",
    };
    const warning = status === "new" || status === "overwritten" ? unitWarning(indicator.raw, input.actual) : null;
    outcome(status, messages[status], { indicator, cell, ...(existingText ? { existing: existingText } : {}), ...(warning ? { warning } : {}) });
  }

  const counts = { new: 0, unchanged: 0, conflict: 0, overwritten: 0, unmatched: 0, ambiguous: 0, duplicate: 0, invalid: 0, protected: 0 };
  for (const o of outcomes) counts[o.status]++;
  return { plan: builder.build(), outcomes, counts };
}
