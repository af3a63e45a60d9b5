import type { Diagnostics } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import type { Indicator, IndicatorTable, NoIndicatorProject, Project } from "../workbook/WorkbookModel";
import type { MappedHeader } from "./layoutMapping";

export interface RowRange {
  from: number;
  to: number;
}

/** What a layout detector is given: where to report, the rows other layouts took, the tables set by hand. */
export interface DetectContext {
  diagnostics: Diagnostics;
  /** Rows that belong to tables found already (a later layout does not look there). */
  taken: RowRange[];
  /** Tables of this sheet set by hand, by their first header row (0-based). */
  mapped: Map<number, MappedHeader>;
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
