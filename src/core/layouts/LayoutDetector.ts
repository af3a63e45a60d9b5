import type { Diagnostics } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import type { Indicator, IndicatorTable, NoIndicatorProject, Project } from "../workbook/WorkbookModel";
import type { MappedHeader } from "./layoutMapping";

export interface RowRange {
  from: number;
  to: number;
}

/** A project's block on a sheet (事業番号, 事業名, 担当課 labels): its tables belong to the project. */
export interface ProjectBlock {
  project: Project;
  from: number;
  to: number;
  labelCol: number;
  /** The block has a 指標 label (a 事業シート); otherwise it is a form heading other layouts' tables may sit under. */
  hasIndicatorLabel: boolean;
}

/** What a layout detector is given: where to report, the rows other layouts took, the tables set by hand. */
export interface DetectContext {
  diagnostics: Diagnostics;
  /** Rows that belong to tables found already (a later layout does not look there). */
  taken: RowRange[];
  /** Tables of this sheet set by hand, by their first header row (0-based). */
  mapped: Map<number, MappedHeader>;
  /** Project blocks found on the sheet (filled by the 事業シート detector, which runs first). */
  blocks: ProjectBlock[];
}

/** The project whose block holds `row`, if any. */
export function projectAt(blocks: ProjectBlock[], row: number): Project | undefined {
  for (const b of blocks) if (row >= b.from && row <= b.to) return b.project;
  return undefined;
}

export interface LayoutFindings {
  tables: IndicatorTable[];
  indicators: Indicator[];
  projects: Project[];
  noIndicator: NoIndicatorProject[];
  /** Rows the findings occupy (header to last indicator, or a whole project block). */
  rows: RowRange[];
}

/** One layout: finds its tables on a sheet. The detectors run in order, each skipping the rows taken before it. */
export type LayoutDetector = (grid: Grid, context: DetectContext) => LayoutFindings;

export function isTaken(taken: RowRange[], row: number): boolean {
  for (const r of taken) if (row >= r.from && row <= r.to) return true;
  return false;
}

/**
 * The mapped header at `row`, or `blocked` when a mapped table's header covers the row without
 * starting there (detection must not read a header out of it), or null.
 */
export function mappedAt(mapped: Map<number, MappedHeader>, row: number): MappedHeader | "blocked" | null {
  const own = mapped.get(row);
  if (own) return own;
  for (const m of mapped.values()) if (row >= m.top - 1 && row <= m.bottom) return "blocked";
  return null;
}
