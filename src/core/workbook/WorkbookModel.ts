import type { CellPosition } from "../cells/address";
import type { IndicatorCells } from "../indicators/Indicator";
import type { FiscalYear } from "../periods/Period";
import type { Diagnostic } from "./Diagnostic";
import type { SheetSnapshot } from "./SheetSnapshot";

export type Layout = "action-plan" | "kpi-list";

export type YearColumnKind = "actual" | "rate" | "grade";

/** A column headed for one fiscal year (`R7実績`, `令和7年度達成率`) or for none (`評価`). */
export interface YearColumn {
  kind: YearColumnKind;
  /** null: the header names no year (`達成率`, `評価`). */
  fy: FiscalYear | null;
  col: number;
  header: string;
}

/** Column roles of an indicator table. Every position is 0-based and absolute. */
export interface TableColumns {
  name: number;
  target?: number;
  targetPeriod?: number;
  baseline?: number;
  baselinePeriod?: number;
  unit?: number;
  direction?: number;
  projectNo?: number;
  department?: number;
}

export interface Project {
  no: string;
  name: string;
  department: string;
  /** Row of the 事業番号 label. */
  row: number;
}

/** One indicator table: an action-plan block's 指標 table, or a KPI list under one header row. */
export interface IndicatorTable {
  id: string;
  sheet: string;
  layout: Layout;
  headerRow: number;
  /** Rows the table's indicators occupy (inclusive). */
  firstRow: number;
  lastRow: number;
  columns: TableColumns;
  /** Fiscal years named by the headers (`数値目標等（H31）`, `現状(平成26年度末)`). */
  headerTargetFy: FiscalYear | null;
  headerBaselineFy: FiscalYear | null;
  yearColumns: YearColumn[];
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
  /** The raw contents for the engine (the actual is added per fiscal year). */
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
