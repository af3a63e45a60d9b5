import type { CellPosition } from "../cells/address";
import type { IndicatorCells } from "../indicators/Indicator";
import type { FiscalYear } from "../periods/Period";
import type { Diagnostic } from "./Diagnostic";
import type { SheetSnapshot } from "./SheetSnapshot";

/**
 * - `action-plan`: 事業シート blocks, one 指標 table per project.
 * - `kpi-list`: one row per indicator under a header (one or two rows).
 * - `row-wise`: 事務事業評価シート / 施策評価シート: years run across, each indicator takes several
 *   rows (目標値 / 実績値 / 達成率 / 評価) named by a 区分 column.
 */
export type Layout = "action-plan" | "kpi-list" | "row-wise";

/** What a per-year column or row holds. */
export type YearKind = "target" | "actual" | "rate" | "grade";
/** @deprecated name kept for the plans: the same as YearKind. */
export type YearColumnKind = YearKind;

/**
 * What a column of an indicator table holds: the roles a person can also set by hand (the column
 * mapping). `year` is a column of a row-wise table's year axis; `division` its 区分 column.
 */
export type ColumnRole =
  | "projectNo"
  | "name"
  | "unit"
  | "baseline"
  | "baselinePeriod"
  | "target"
  | "targetPeriod"
  | "actual"
  | "rate"
  | "grade"
  | "department"
  | "direction"
  | "division"
  | "year"
  | "ignore";

/** One column of a table and its role, as detected or as set by hand. */
export interface TableColumn {
  col: number;
  role: ColumnRole;
  /** The fiscal year the header names (`R7実績`, `目標値` over `R8`), or null. */
  fy: FiscalYear | null;
  /** The header as read (both rows of a two-row header, joined by " / "). */
  header: string;
}

/** A column headed for one fiscal year (`R7実績`, `令和7年度達成率`, `R8目標`) or for none (`評価`). */
export interface YearColumn {
  kind: YearKind;
  /** null: the header names no year (`達成率`, `評価`). */
  fy: FiscalYear | null;
  col: number;
  header: string;
}

/** Column roles of an indicator table. Every position is 0-based and absolute. */
export interface TableColumns {
  name: number;
  /** The target column (the final target when the table has one per year). */
  target?: number;
  targetPeriod?: number;
  baseline?: number;
  baselinePeriod?: number;
  unit?: number;
  direction?: number;
  projectNo?: number;
  department?: number;
  /** Row-wise tables: the 区分 column. */
  division?: number;
}

export interface Project {
  no: string;
  name: string;
  department: string;
  /** Row of the 事業番号 label. */
  row: number;
}

/** One indicator table: an action-plan block's 指標 table, a KPI list, or a row-wise block. */
export interface IndicatorTable {
  id: string;
  sheet: string;
  layout: Layout;
  /** Detected by the reader, or set by hand in the column mapping. */
  source: "detected" | "mapped";
  /** First row of the header (the group row of a two-row header; = headerRow for one row). */
  headerTop: number;
  /** The header row right above the indicators. */
  headerRow: number;
  /**
   * Where a new column's header is written: the header row, or, in a two-row header whose
   * per-year columns are headed in the group row alone (`R7実績` over nothing), the group row.
   */
  newHeaderRow: number;
  /** Rows the table's indicators occupy (inclusive). */
  firstRow: number;
  lastRow: number;
  columns: TableColumns;
  /** Every column with a role, left to right: what the user sees and can change. */
  roles: TableColumn[];
  /** Fiscal years named by the headers (`数値目標等（H31）`, `現状(平成26年度末)`). */
  headerTargetFy: FiscalYear | null;
  headerBaselineFy: FiscalYear | null;
  /** Column-wise tables: the per-year columns (targets, actuals, rates, grades). */
  yearColumns: YearColumn[];
  /** Row-wise tables: the year axis, one column per fiscal year. */
  years: { fy: FiscalYear; col: number; header: string }[];
  /** Last column the table occupies (its own columns and its year columns). */
  lastCol: number;
  /** The header cell whose look a new column's header copies. */
  headerStyleFrom: CellPosition;
  project?: Project;
}

export interface Indicator {
  /** Stable key across runs (survives inserted rows): sheet, project and folded name. */
  key: string;
  sheet: string;
  /** The indicator's (first) row. */
  row: number;
  tableId: string;
  layout: Layout;
  projectNo?: string;
  projectName?: string;
  department?: string;
  name: string;
  cells: {
    name: CellPosition;
    target?: CellPosition;
    targetPeriod?: CellPosition;
    baseline?: CellPosition;
    baselinePeriod?: CellPosition;
    unit?: CellPosition;
    direction?: CellPosition;
  };
  /** Row-wise tables: the row holding each kind (目標値, 実績値, 達成率, 評価). */
  rows?: Partial<Record<YearKind, number>>;
  /** The raw contents for the engine (the actual and the year's target are added per fiscal year). */
  raw: IndicatorCells;
}

/** A project block whose 指標 table says "no indicator set" (a nameless row of dashes). */
export interface NoIndicatorProject {
  sheet: string;
  row: number;
  /** Column of the block's labels. */
  col: number;
  projectNo: string;
  projectName: string;
  department: string;
  reason: string;
}

export interface SheetSummary {
  name: string;
  kind: Layout | "none";
  tables: number;
  projects: number;
  indicators: number;
}

export interface WorkbookModel {
  sheets: SheetSummary[];
  tables: IndicatorTable[];
  indicators: Indicator[];
  noIndicator: NoIndicatorProject[];
  diagnostics: Diagnostic[];
  /** The snapshots the model was read from, by sheet name. */
  snapshots: Map<string, SheetSnapshot>;
}
