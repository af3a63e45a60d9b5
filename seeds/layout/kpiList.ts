import type { FiscalYear } from "../../src/core/periods/Period";
import type { SeedKpiList, SeedKpiTable } from "../data/types";
import type { SheetBuilder } from "./SheetBuilder";
import { actualCell, shapeText, type LayoutVariation } from "./variation";

const BASELINE_WORD = /基準|現状|当初|初期|策定時/;

/**
 * Write one KPI table (title, header row, one row per indicator, ※ notes) at `row`; returns the
 * row after it. Columns follow the document's header order, then the year's actual column.
 */
export function writeKpiTable(b: SheetBuilder, table: SeedKpiTable, row: number, variation: LayoutVariation, actualHeader: string | null): number {
  const c0 = variation.startCol ?? 0;
  const text = (t: string) => shapeText(t, variation);
  let r = row;
  if (table.title) {
    b.set(r, c0, table.title, "title");
    r++;
  }
  const headerRow = r;
  const roles = table.headers.map((h, i) => (i === 0 ? "name" : BASELINE_WORD.test(h) ? "baseline" : "target"));
  table.headers.forEach((h, i) => b.set(headerRow, c0 + i, h, "header"));
  const actualCol = c0 + table.headers.length;
  if (actualHeader) b.set(headerRow, actualCol, actualHeader, "header");
  r++;
  for (const item of table.rows) {
    roles.forEach((role, i) => {
      const value = role === "name" ? item.name : role === "baseline" ? text(item.baseline) : text(item.target);
      if (value !== "") b.set(r, c0 + i, value, "value");
    });
    if (actualHeader) {
      const actual = actualCell(item.actual, variation);
      if (actual.value !== null) b.set(r, actualCol, actual.value, "value", actual.numberFormat);
    }
    r++;
  }
  for (const note of table.notes) {
    b.set(r, c0, note, "note");
    r++;
  }
  return r;
}

/** A sheet with every table of a KPI list, a title on top, blank rows between tables. */
export function writeKpiListSheet(b: SheetBuilder, list: SeedKpiList, variation: LayoutVariation, actualHeader: ((fy: FiscalYear) => string) | null): void {
  const c0 = variation.startCol ?? 0;
  if (c0 > 0) b.width(0, 3);
  b.width(c0, 50);
  for (let c = c0 + 1; c <= c0 + 4; c++) b.width(c, 16);
  let row = variation.startRow ?? 0;
  b.set(row, c0, `${list.municipality} ${list.plan}`, "title");
  row += 2;
  for (const table of list.tables) {
    row = writeKpiTable(b, table, row, variation, actualHeader ? actualHeader(list.actualFy) : null) + 1;
  }
}
