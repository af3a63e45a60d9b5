/**
 * The sample workbooks: every indicator the seed documents hold is found, at the right cells, with
 * its project, department and baseline — in the committed .xlsx files and in variations of them.
 */
import fs from "node:fs";
import path from "node:path";
import { musashinoProjects } from "../../seeds/data/musashino";
import { ACTION_COLUMNS } from "../../seeds/layout/actionPlan";
import { toFullWidth, type LayoutVariation } from "../../seeds/layout/variation";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";
import { buildKpiList, buildMusashino, KPI_WORKBOOKS, MUSASHINO_ACTUAL_FY, type MusashinoOptions } from "../../seeds/workbooks";
import { snapshotOf } from "../helpers/xlsxFiles";
import { readWorkbook } from "../../src/core/workbook/readWorkbook";
import type { WorkbookModel } from "../../src/core/workbook/WorkbookModel";

const SEEDS = path.join(__dirname, "../../seeds");

function musashinoModel(options: MusashinoOptions = {}): WorkbookModel {
  const book = new SnapshotWorkbookBuilder();
  buildMusashino(book, options);
  return readWorkbook(book.build());
}

/** What the transcription says each named indicator is, in document order. */
const expectedIndicators = musashinoProjects.flatMap((p) =>
  p.indicators.filter((i) => i.name !== "").map((i) => ({ projectNo: p.no, department: p.department, name: i.name.replace(/\s+/g, " ").trim(), baseline: i.baseline, target: i.target })),
);
const noIndicatorProjects = musashinoProjects.filter((p) => p.indicators.every((i) => i.name === "")).map((p) => p.no);

function foundIndicators(model: WorkbookModel, fullWidth = false) {
  const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
  return model.indicators.map((i) => ({
    projectNo: i.projectNo,
    department: i.department,
    name: i.name,
    baseline: fullWidth ? text(i.raw.baseline?.value) : text(i.raw.baseline?.value),
    target: text(i.raw.target?.value),
  }));
}

function expectMusashino(model: WorkbookModel, variation: LayoutVariation = {}) {
  const shape = (t: string) => (variation.fullWidth ? toFullWidth(t) : t);
  expect(foundIndicators(model, variation.fullWidth)).toEqual(expectedIndicators.map((e) => ({ ...e, baseline: shape(e.baseline), target: shape(e.target) })));
  expect(model.noIndicator.map((n) => n.projectNo)).toEqual(noIndicatorProjects);
  for (const n of model.noIndicator) {
    const project = musashinoProjects.find((p) => p.no === n.projectNo)!;
    expect(n.reason).toBe(project.other.replace(/\s+/g, " ").trim());
  }
  const c0 = variation.startCol ?? 0;
  for (const i of model.indicators) {
    expect(i.cells.name.col).toBe(c0 + ACTION_COLUMNS.name);
    expect(i.cells.target?.col).toBe(c0 + ACTION_COLUMNS.target);
    expect(i.cells.targetPeriod?.col).toBe(c0 + ACTION_COLUMNS.targetYear);
    expect(i.cells.baseline?.col).toBe(c0 + ACTION_COLUMNS.baseline);
    expect(i.cells.baselinePeriod?.col).toBe(c0 + ACTION_COLUMNS.baselinePeriod);
  }
}

describe("武蔵野市 action plan", () => {
  test("the committed workbook: 46 projects, every indicator at its cells, R7 actual columns", async () => {
    const snapshot = await snapshotOf(fs.readFileSync(path.join(SEEDS, "musashino-action-plan.xlsx")));
    const model = readWorkbook(snapshot);
    expect(model.sheets[0]).toMatchObject({ name: "実施事業一覧", kind: "none" });
    expect(model.sheets.filter((s) => s.kind === "action-plan")).toHaveLength(46);
    expectMusashino(model);
    for (const t of model.tables) expect(t.yearColumns).toEqual([{ kind: "actual", fy: MUSASHINO_ACTUAL_FY, col: ACTION_COLUMNS.actual, header: "R7実績" }]);
    // The file and the in-memory layout agree cell for cell on what they hold.
    expect(foundIndicators(model)).toEqual(foundIndicators(musashinoModel()));
  });

  test.each<[string, MusashinoOptions]>([
    ["blocks stacked on one sheet", { projectsPerSheet: 5 }],
    ["tables starting in column B", { startCol: 1, startRow: 3 }],
    ["unmerged cells", { merged: false }],
    ["full-width digits", { fullWidth: true }],
    ["令和7年度実績 instead of R7実績", { actualHeader: () => "令和7年度実績" }],
    ["all at once", { projectsPerSheet: 3, startCol: 1, merged: false, fullWidth: true, actualHeader: () => "2025年度実績" }],
  ])("%s", (_name, options) => {
    const model = musashinoModel(options);
    expectMusashino(model, options);
    const withTables = model.tables.filter((t) => model.indicators.some((i) => i.tableId === t.id));
    for (const t of withTables) expect(t.yearColumns.map((c) => [c.kind, c.fy])).toEqual([["actual", 2025]]);
  });
});

describe("KPI lists", () => {
  test.each(KPI_WORKBOOKS.map((e) => [e.file, e] as const))("%s: every row of every table", async (_file, entry) => {
    const snapshot = await snapshotOf(fs.readFileSync(path.join(SEEDS, entry.file)));
    const model = readWorkbook(snapshot);
    const expected = entry.list.tables.flatMap((t) => t.rows.map((r) => ({ name: r.name, baseline: r.baseline, target: r.target })));
    expect(model.indicators.map((i) => ({ name: i.name, baseline: String(i.raw.baseline?.value ?? ""), target: String(i.raw.target?.value ?? "") }))).toEqual(
      expected.map((e) => ({ ...e, name: e.name.replace(/\s+/g, " ").trim() })),
    );
    expect(model.tables).toHaveLength(entry.list.tables.length);
    for (const [k, t] of model.tables.entries()) {
      expect(t.headerTargetFy).toBe(entry.list.tables[k].targetFy);
      expect(t.yearColumns.map((c) => [c.kind, c.fy])).toEqual([["actual", entry.list.actualFy]]);
    }
  });

  test.each(KPI_WORKBOOKS.map((e) => [e.file, e] as const))("%s: starting in column B, full-width", (_file, entry) => {
    const book = new SnapshotWorkbookBuilder();
    buildKpiList(book, entry, { startCol: 1, fullWidth: true });
    const model = readWorkbook(book.build());
    expect(model.indicators).toHaveLength(entry.list.tables.reduce((n, t) => n + t.rows.length, 0));
  });
});
