import type { Grid } from "../workbook/Grid";
import type { TableColumn } from "../workbook/WorkbookModel";
import { YEAR_ROLES, readHeader, readHeaderPair, type HeaderReading, type Vocabulary } from "./headerWords";

/** A header cell with a table word (目標, 実績, …) that no rule reads: reported with its text. */
export interface UnreadHeader {
  row: number;
  col: number;
  text: string;
}

/** The header of a table: one row, or a group row over a sub-header row. */
export interface HeaderBand {
  top: number;
  /** The row right above the data (= top for a one-row header). */
  bottom: number;
  columns: TableColumn[];
  unread: UnreadHeader[];
}

function readingToColumn(reading: HeaderReading, col: number, header: string): TableColumn | null {
  if (reading.kind === "role") return { col, role: reading.role, fy: reading.fy, header };
  if (reading.kind === "year") return { col, role: "year", fy: reading.fy, header };
  return null;
}

interface Group {
  key: string;
  text: string;
  /** The group's own cell: columns under one group share it. */
  at: number;
}

const NO_GROUP: Group = { key: "", text: "", at: -1 };

/** The group cell over each column: its merged area's text, or the last group to its left that runs on over blank cells. */
function groupsOf(grid: Grid, top: number, bottom: number, left: number, right: number): Group[] {
  const groups: Group[] = [];
  let running: Group | null = null;
  for (let col = left; col <= right; col++) {
    const area = grid.mergeAt(top, col);
    if (area && area.bottom >= bottom) {
      // Merged down over the sub-header: a one-cell header (指標名 over two rows).
      groups.push(area.left === col ? { key: grid.key(top, col), text: grid.display(top, col), at: col } : (groups[col - 1 - left] ?? NO_GROUP));
      running = null;
      continue;
    }
    let own: Group | null = null;
    if (area) own = { key: grid.key(area.top, area.left), text: grid.display(area.top, area.left), at: area.left };
    else if (!grid.isEmpty(top, col)) own = { key: grid.key(top, col), text: grid.display(top, col), at: col };
    if (own && running && own.at === running.at) own = running;
    if (own) running = own;
    else if (running && grid.isEmpty(bottom, col)) running = null;
    groups.push(own ?? running ?? NO_GROUP);
  }
  return groups;
}

/** Whether the sub-header cell is covered by a merge from the row above (a header two rows tall). */
function coveredFromAbove(grid: Grid, top: number, bottom: number, col: number): boolean {
  const area = grid.mergeAt(bottom, col);
  return area !== undefined && area.top <= top;
}

/**
 * Read the header between `top` and `bottom` (the same row, or a group row over a sub-header row),
 * columns `left` to `right`: each column's role and year, and the cells with table words no rule reads.
 */
export function readHeaderBand(grid: Grid, top: number, bottom: number, left: number, right: number, layoutWords: Vocabulary | null): HeaderBand {
  const columns: TableColumn[] = [];
  const unread: UnreadHeader[] = [];
  const groups = bottom > top ? groupsOf(grid, top, bottom, left, right) : null;
  for (let col = left; col <= right; col++) {
    let reading: HeaderReading;
    let header: string;
    let at = { row: top, col };
    if (!groups) {
      if (grid.isMergeSlave(top, col)) continue;
      reading = readHeader(grid.key(top, col), layoutWords);
      header = grid.display(top, col);
    } else {
      const group = groups[col - left];
      const covered = coveredFromAbove(grid, top, bottom, col);
      const subKey = covered ? "" : grid.key(bottom, col);
      const subText = covered ? "" : grid.display(bottom, col);
      if (group.key === "" && subKey === "") continue;
      // A column under the same group as its left neighbour, with no sub-header of its own.
      if (subKey === "" && col > left && group.at >= 0 && groups[col - 1 - left].at === group.at && !covered) continue;
      reading = readHeaderPair(group.key, subKey, layoutWords);
      const groupKind = group.key === "" ? "none" : readHeader(group.key, null).kind;
      const sub = subKey === "" ? null : readHeader(subKey, layoutWords);
      // A sub-header with its own year (`R7評価` added under `R8`) says it all.
      const subHasYear = sub !== null && sub.kind === "role" && sub.fy !== null;
      const groupSays = (groupKind === "role" || groupKind === "year") && !subHasYear;
      header = groupSays && subText ? `${group.text} / ${subText}` : subText || group.text;
      if (subKey !== "") at = { row: bottom, col };
    }
    const column = readingToColumn(reading, col, header);
    if (column) columns.push(column);
    else if (reading.kind === "unknown") unread.push({ ...at, text: header });
  }
  return { top, bottom, columns, unread };
}

/**
 * A sub-header row under `top`: at least two cells, every one a header word or a year, at least
 * one that completes a group (a year under 目標値, or 目標 / 実績 under a year).
 */
export function isSubHeaderRow(grid: Grid, top: number, row: number, left: number, right: number, layoutWords: Vocabulary | null): boolean {
  if (row >= grid.bottom) return false;
  let cells = 0;
  let completes = false;
  for (let col = left; col <= right; col++) {
    if (coveredFromAbove(grid, top, row, col) || grid.isMergeSlave(row, col)) continue;
    const value = grid.value(row, col);
    if (value === null) continue;
    if (typeof value !== "string" && typeof value !== "number") return false;
    const reading = readHeader(grid.key(row, col), layoutWords);
    if (reading.kind === "none" || reading.kind === "unknown") return false;
    cells++;
    if (reading.kind === "year" || (YEAR_ROLES.includes(reading.role) && reading.fy === null)) completes = true;
  }
  return cells >= 2 && completes;
}

/** Columns of one kind for one year (`目標値` over `R7`): what a sub-header row adds to a group row. */
function yearCount(band: HeaderBand): number {
  let n = 0;
  for (const c of band.columns) if (c.fy !== null && YEAR_ROLES.includes(c.role)) n++;
  return n;
}

/** The header starting at `row`: one row, or two when the row below completes it with years or kinds. */
export function readBestBand(grid: Grid, row: number, left: number, right: number, layoutWords: Vocabulary | null): HeaderBand {
  const one = readHeaderBand(grid, row, row, left, right, layoutWords);
  if (!isSubHeaderRow(grid, row, row + 1, left, right, layoutWords)) return one;
  const two = readHeaderBand(grid, row, row + 1, left, right, layoutWords);
  // The row above must complete the sub-header (a title line over a header completes nothing).
  const subAlone = readHeaderBand(grid, row + 1, row + 1, left, right, layoutWords);
  return yearCount(two) > Math.max(yearCount(one), yearCount(subAlone)) ? two : one;
}
