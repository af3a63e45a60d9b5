import type { FiscalYear } from "../../src/core/periods/Period";
import type { SeedActionProject } from "../data/types";
import type { SheetBuilder } from "./SheetBuilder";
import { actualCell, shapeText, type LayoutVariation } from "./variation";

export const ACTION_PLAN_YEARS = ["R7", "R8", "R9", "R10", "R11"];

/** Columns of a block relative to its label column. */
export const ACTION_COLUMNS = { label: 0, name: 1, target: 2, targetYear: 3, baseline: 4, baselinePeriod: 5, actual: 6 } as const;

function defaultActualHeader(fy: FiscalYear): string {
  return `R${fy - 2018}実績`;
}

/**
 * Write one project block (事業シート layout) starting at `row`; returns the row after it.
 * Labels in the block's first column, content to their right (merged across the table's width
 * unless the variation says otherwise), the 指標 table with 目標値 / 実績値 and their period
 * columns, and the year's actual column when `actualFy` is given.
 */
export function writeActionBlock(b: SheetBuilder, project: SeedActionProject, row: number, variation: LayoutVariation, actualFy: FiscalYear | null): number {
  const c0 = variation.startCol ?? 0;
  const merged = variation.merged ?? true;
  const withActuals = actualFy !== null && (variation.withActuals ?? true);
  const right = c0 + ACTION_COLUMNS.actual;
  const text = (t: string) => shapeText(t, variation);

  const labelled = (r: number, label: string, value: string) => {
    b.set(r, c0, label, "label");
    b.set(r, c0 + 1, value, "value");
    if (merged) b.merge({ top: r, left: c0 + 1, bottom: r, right });
  };
  labelled(row, "事業番号", text(project.no));
  labelled(row + 1, "事業名", project.name);
  labelled(row + 2, "担当課", project.department);
  labelled(row + 3, "目的", project.purpose);
  let r = row + 4;

  b.set(r, c0, "年次計画", "label");
  b.set(r, c0 + 1, "項目", "header");
  ACTION_PLAN_YEARS.forEach((y, i) => b.set(r, c0 + 2 + i, y, "header"));
  const scheduleTop = r;
  r++;
  for (const item of project.schedule) {
    b.set(r, c0 + 1, item.item, "value");
    item.years.forEach((cell, i) => {
      if (cell !== "") b.set(r, c0 + 2 + i, cell, "value");
    });
    r++;
  }
  if (merged && r - 1 > scheduleTop) b.merge({ top: scheduleTop, left: c0, bottom: r - 1, right: c0 });

  const headerRow = r;
  b.set(headerRow, c0, "指標", "label");
  b.set(headerRow, c0 + ACTION_COLUMNS.name, "項目", "header");
  b.set(headerRow, c0 + ACTION_COLUMNS.target, "目標値", "header");
  b.set(headerRow, c0 + ACTION_COLUMNS.baseline, "実績値", "header");
  if (merged) {
    b.merge({ top: headerRow, left: c0 + ACTION_COLUMNS.target, bottom: headerRow, right: c0 + ACTION_COLUMNS.targetYear });
    b.merge({ top: headerRow, left: c0 + ACTION_COLUMNS.baseline, bottom: headerRow, right: c0 + ACTION_COLUMNS.baselinePeriod });
  }
  if (withActuals) {
    const header = (variation.actualHeader ?? defaultActualHeader)(actualFy!);
    b.set(headerRow, c0 + ACTION_COLUMNS.actual, header, "header");
  }
  r++;
  for (const indicator of project.indicators) {
    if (indicator.name !== "") b.set(r, c0 + ACTION_COLUMNS.name, indicator.name, "value");
    b.set(r, c0 + ACTION_COLUMNS.target, text(indicator.target), "value");
    b.set(r, c0 + ACTION_COLUMNS.targetYear, text(indicator.targetYear), "value");
    b.set(r, c0 + ACTION_COLUMNS.baseline, text(indicator.baseline), "value");
    b.set(r, c0 + ACTION_COLUMNS.baselinePeriod, text(indicator.baselinePeriod), "value");
    if (withActuals && indicator.name !== "") {
      const actual = actualCell(indicator.r7Actual, variation);
      if (actual.value !== null) b.set(r, c0 + ACTION_COLUMNS.actual, actual.value, "value", actual.numberFormat);
    }
    r++;
  }
  if (merged && r - 1 > headerRow) b.merge({ top: headerRow, left: c0, bottom: r - 1, right: c0 });
  b.set(r, c0, "その他", "label");
  if (project.other !== "") b.set(r, c0 + 1, project.other, "value");
  if (merged) b.merge({ top: r, left: c0 + 1, bottom: r, right });
  return r + 1;
}

export function setActionPlanWidths(b: SheetBuilder, variation: LayoutVariation): void {
  const c0 = variation.startCol ?? 0;
  if (c0 > 0) b.width(0, 3);
  b.width(c0, 10);
  b.width(c0 + 1, 44);
  for (let c = c0 + 2; c <= c0 + ACTION_COLUMNS.actual; c++) b.width(c, 12);
}

/** One sheet holding `projects` stacked (usually one project per sheet), under a section title. */
export function writeActionSheet(b: SheetBuilder, projects: SeedActionProject[], variation: LayoutVariation, actualFy: FiscalYear | null): void {
  const c0 = variation.startCol ?? 0;
  let row = variation.startRow ?? 0;
  setActionPlanWidths(b, variation);
  if (projects[0]?.section) {
    b.set(row, c0, projects[0].section, "title");
    row += 2;
  }
  for (const project of projects) {
    row = writeActionBlock(b, project, row, variation, actualFy) + 1;
  }
}
