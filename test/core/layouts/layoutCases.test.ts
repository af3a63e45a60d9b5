/**
 * Every layout case in test/fixtures/layouts, through the core (snapshots), the file host (the
 * CLI on an .xlsx written by ExcelJS) and the in-memory Excel (the Office.js adapter): each
 * indicator found at its cells, each year graded as worked out by hand, rates and grades written
 * where expected and nowhere else, the user's formulas kept.
 */
import fs from "node:fs";
import path from "node:path";
import { parseA1, toA1 } from "../../../src/core/cells/address";
import { runEvaluate, runFill } from "../../../src/app/operations";
import { planFill } from "../../../src/core/plans/planFill";
import { fiscalYearLabel } from "../../../src/core/periods/parsePeriod";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { getPreset } from "../../../src/core/presets/builtin";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import { cellAt, type WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import type { WorkbookModel } from "../../../src/core/workbook/WorkbookModel";
import type { WorkbookEvaluation } from "../../../src/core/workbook/evaluateWorkbook";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { applyPlan } from "../../helpers/snapshots";
import { cli, memoryHost, readXlsx, xlsxFile } from "../../helpers/hosts";
import { buildCase, type CaseYear, type LayoutCase } from "../../fixtures/layouts/LayoutCase";

const FOLDER = path.join(__dirname, "../../fixtures/layouts");
const cases: [string, LayoutCase][] = fs
  .readdirSync(FOLDER)
  .filter((f) => f.endsWith(".ts") && f !== "LayoutCase.ts")
  .sort()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .map((f) => [f.replace(/\.ts$/, ""), (require(path.join(FOLDER, f)) as { default: LayoutCase }).default]);

function snapshotOf(c: LayoutCase): WorkbookSnapshot {
  const builder = new SnapshotWorkbookBuilder();
  buildCase(c, builder);
  return builder.build();
}

function settingsFor(y: CaseYear) {
  return { year: y.year, preset: getPreset(y.preset ?? "standard")! };
}

/** A rate as worked out by hand to four decimals: the number itself when within 0.0001 of `want`. */
function near(n: number | null, want: number | null | undefined): number | null {
  if (n === null || want === null || want === undefined) return n;
  return Math.abs(n - want) <= 1e-4 ? want : n;
}

function cell(book: WorkbookSnapshot, sheet: string, a1: string) {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const p = parseA1(a1)!;
  return cellAt(s, p.row, p.col);
}

function expectFound(c: LayoutCase, model: WorkbookModel): void {
  expect(model.indicators.map((i) => ({ name: i.name, at: toA1(i.cells.name.row, i.cells.name.col), target: i.cells.target && toA1(i.cells.target.row, i.cells.target.col) })))
    .toEqual(c.indicators.map((i) => ({ name: i.name, at: i.at, target: i.target })));
  expect(model.tables.map((t) => t.layout)).toEqual(model.tables.map(() => c.layout));
}

function expectGrades(y: CaseYear, evaluation: WorkbookEvaluation): void {
  for (const [name, want] of Object.entries(y.expect)) {
    const outcome = evaluation.outcomes.find((o) => o.indicator.name === name);
    expect(outcome).toBeDefined();
    const { result, actualCell } = outcome!;
    expect({ name, grade: result.grade, ...(want.rate !== undefined ? { rate: near(result.rate, want.rate) } : {}) })
      .toEqual({ name, grade: want.grade, ...(want.rate !== undefined ? { rate: want.rate } : {}) });
    if (want.actual) expect({ name, actual: actualCell && toA1(actualCell.row, actualCell.col) }).toEqual({ name, actual: want.actual });
    if (want.says) expect(result.explanation).toContain(want.says);
  }
}

/** Rates and grades as read back from a host's workbook after the year was written. */
function expectWritten(c: LayoutCase, y: CaseYear, book: WorkbookSnapshot): void {
  const sheet = c.sheets[0].name;
  for (const [name, want] of Object.entries(y.expect)) {
    if (want.gradeCell) expect({ name, grade: cell(book, sheet, want.gradeCell).value }).toEqual({ name, grade: want.grade });
    if (want.rateCell) {
      const value = cell(book, sheet, want.rateCell).value;
      expect({ name, rate: typeof value === "number" ? near(value, want.rate) : value }).toEqual({ name, rate: want.rate ?? null });
    }
  }
  for (const f of c.formulas ?? []) {
    const [s, a1] = f.split("!");
    expect({ cell: f, formula: cell(book, s, a1).formula }).toEqual({ cell: f, formula: expect.stringMatching(/^=/) });
  }
}

function expectFilled(c: LayoutCase, book: WorkbookSnapshot): void {
  for (const [a1, v] of Object.entries(c.fill!.expect)) expect({ a1, value: cell(book, c.sheets[0].name, a1).value }).toEqual({ a1, value: v });
}

describe.each(cases.filter(([, c]) => c.fill))("%s: fill", (_file, c) => {
  const fill = c.fill!;
  test("the core writes each actual into the year's cell", () => {
    const book = snapshotOf(c);
    const { plan } = planFill(readWorkbook(book), { year: fill.year, rows: fill.rows });
    expectFilled(c, applyPlan(book, plan).book);
  });

  test("the CLI from a CSV", async () => {
    const { dir, file } = await xlsxFile((b) => buildCase(c, b));
    try {
      const csv = path.join(dir, "actuals.csv");
      fs.writeFileSync(csv, `指標,実績値\n${fill.rows.map((r) => `${r.indicator},"${r.actual}"`).join("\n")}\n`);
      const out = path.join(dir, "filled.xlsx");
      const result = await cli("fill", file, "--year", fiscalYearLabel(fill.year), "--actuals", csv, "--out", out);
      expect(result.stderr).toBe("");
      expectFilled(c, await readXlsx(out));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the in-memory Excel", async () => {
    const { book, adapter } = memoryHost(snapshotOf(c));
    await runFill(adapter, { year: fill.year, rows: fill.rows });
    expectFilled(c, book.toSnapshot());
  });
});

describe.each(cases)("%s", (_file, c) => {
  test("the core finds every indicator and grades each year as worked out by hand", () => {
    let book = snapshotOf(c);
    expectFound(c, readWorkbook(book));
    for (const y of c.years) {
      const model = readWorkbook(book);
      const { plan, evaluation } = planEvaluate(model, settingsFor(y));
      expectGrades(y, evaluation);
      const sheet = c.sheets[0].name;
      const written = new Map(plan.writes.filter((w) => w.value !== undefined).map((w) => [`${w.sheet}!${toA1(w.row, w.col)}`, w]));
      for (const [name, want] of Object.entries(y.expect)) {
        if (want.rateCell) expect({ name, rate: written.get(`${sheet}!${want.rateCell}`)?.purpose }).toEqual({ name, rate: "rate" });
        if (want.gradeCell) expect({ name, grade: written.get(`${sheet}!${want.gradeCell}`)?.value }).toEqual({ name, grade: want.grade });
        // Nothing where no cell is expected (a formula, or no 評価 row).
        const outcome = evaluation.outcomes.find((o) => o.indicator.name === name)!;
        if (want.rateCell === null && outcome.rateCell) expect(written.has(`${sheet}!${toA1(outcome.rateCell.row, outcome.rateCell.col)}`)).toBe(false);
        if (want.gradeCell === null && outcome.gradeCell) expect(written.has(`${sheet}!${toA1(outcome.gradeCell.row, outcome.gradeCell.col)}`)).toBe(false);
      }
      for (const f of c.formulas ?? []) expect({ cell: f, written: written.has(f) }).toEqual({ cell: f, written: false });
      const codes = [...model.diagnostics, ...evaluation.diagnostics].map((d) => `${d.code}@${d.cell}`);
      for (const d of y.diagnostics ?? []) expect(codes).toContain(d);
      book = applyPlan(book, plan).book;
    }
  });

  test("the CLI reads and writes the .xlsx the same way", async () => {
    const { dir, file } = await xlsxFile((b) => buildCase(c, b));
    try {
      expectFound(c, readWorkbook(await readXlsx(file)));
      let input = file;
      for (const [k, y] of c.years.entries()) {
        const out = path.join(dir, `out${k}.xlsx`);
        const result = await cli("evaluate", input, "--year", fiscalYearLabel(y.year), "--preset", y.preset ?? "standard", "--out", out);
        expect(result.stderr).toBe("");
        expect(fs.existsSync(out)).toBe(true);
        expectWritten(c, y, await readXlsx(out));
        input = out;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the in-memory Excel, through the Office.js adapter, the same way", async () => {
    const { book, adapter } = memoryHost(snapshotOf(c));
    for (const y of c.years) {
      const { evaluation } = await runEvaluate(adapter, settingsFor(y));
      expectGrades(y, evaluation);
      expectWritten(c, y, book.toSnapshot());
    }
  });
});
