import fc from "fast-check";
import { getPreset } from "../../../src/core/presets/builtin";
import { firstWriteOutsidePlan } from "../../../src/core/plans/PlanBuilder";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { planFill } from "../../../src/core/plans/planFill";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { WritePlan } from "../../../src/core/workbook/WritePlan";
import type { WorkbookModel } from "../../../src/core/workbook/WorkbookModel";
import type { SeedActionIndicator, SeedActionProject } from "../../../seeds/data/types";
import { writeActionSheet } from "../../../seeds/layout/actionPlan";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";

const VALUES = ["2,000 件", "100% 以上", "0件", "—", "", "74.9%", "増加", "法定雇用率以上", "6.5 万件", "△13", "abc", "=SUM(A1)", "2.08㎡以下"];
const PERIODS = ["R12.3", "R11年度", "毎年度", "—", "", "令和7年度", "H31"];
const ACTUALS = [undefined, "1,512 件", "80%", "未集計", "0", "12", "—", "+4人", "=1+1", "-3"];

const indicatorArb: fc.Arbitrary<SeedActionIndicator> = fc.record({
  name: fc.oneof(fc.constantFrom("寄附件数", "参加人数", "返礼品目数", "施設数", ""), fc.string({ minLength: 1, maxLength: 6 })),
  target: fc.constantFrom(...VALUES),
  targetYear: fc.constantFrom(...PERIODS),
  baseline: fc.constantFrom(...VALUES),
  baselinePeriod: fc.constantFrom(...PERIODS),
  r7Actual: fc.constantFrom(...ACTUALS),
}).map((i) => ({ ...i, r7Actual: i.r7Actual, expected: { target: { kind: "none" }, targetFy: null, baseline: { empty: true }, baselineFy: null } }));

const projectArb: fc.Arbitrary<SeedActionProject> = fc.record({
  no: fc.integer({ min: 1, max: 60 }).map(String),
  indicators: fc.array(indicatorArb, { minLength: 0, maxLength: 5 }),
  scheduleRows: fc.integer({ min: 0, max: 3 }),
}).map(({ no, indicators, scheduleRows }) => ({
  no,
  name: `事業${no}`,
  department: ["企画調整課", "財政課", "人事課"][Number(no) % 3],
  section: "",
  purpose: "目的",
  schedule: Array.from({ length: scheduleRows }, (_, i) => ({ item: `取組${i}`, years: ["実施", "", "", "", "R7"] })),
  indicators,
  other: "",
}));

const bookArb = fc.record({
  sheets: fc.array(fc.array(projectArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  startCol: fc.integer({ min: 0, max: 2 }),
  startRow: fc.integer({ min: 0, max: 3 }),
  merged: fc.boolean(),
  fullWidth: fc.boolean(),
  withActuals: fc.boolean(),
});

/** Columns an operation must never touch: every role column of every table. */
function protectedCells(model: WorkbookModel): Set<string> {
  const cells = new Set<string>();
  for (const t of model.tables) {
    const roles = Object.values(t.columns).filter((c): c is number => typeof c === "number");
    for (let row = t.headerRow; row <= t.lastRow; row++) for (const col of roles) cells.add(`${t.sheet}!${row}!${col}`);
  }
  return cells;
}

function expectInside(model: WorkbookModel, plan: WritePlan) {
  expect(firstWriteOutsidePlan(plan)).toBeNull();
  const forbidden = protectedCells(model);
  for (const w of plan.writes) expect(forbidden.has(`${w.sheet}!${w.row}!${w.col}`)).toBe(false);
  // Allowed columns are year columns: found by their headers, or new ones whose header the plan writes.
  for (const a of plan.allowed) {
    const table = model.tables.find((t) => t.sheet === a.sheet && t.headerTop === a.fromRow)!;
    const known = table.yearColumns.some((c) => c.col === a.col);
    const added = plan.writes.some((w) => w.purpose === "header" && w.sheet === a.sheet && w.col === a.col && w.row === table.newHeaderRow);
    expect(known || added).toBe(true);
  }
}

test("for any generated workbook, no plan writes outside its allowed year columns", () => {
  fc.assert(
    fc.property(bookArb, fc.array(fc.record({ pick: fc.nat(), actual: fc.constantFrom("12", "1,000件", "=A1", "80%", "x") }), { maxLength: 6 }), fc.boolean(), (spec, fills, overwrite) => {
      const b = new SnapshotWorkbookBuilder();
      spec.sheets.forEach((projects, i) => writeActionSheet(b.sheet(`S${i}`), projects, spec, spec.withActuals ? 2025 : null));
      const model = readWorkbook(b.build());
      const evaluate = planEvaluate(model, { year: 2025, preset: getPreset("progress")!, planStart: 2025 });
      expectInside(model, evaluate.plan);
      if (model.indicators.length > 0) {
        const rows = fills.map((f) => {
          const i = model.indicators[f.pick % model.indicators.length];
          return { projectNo: i.projectNo, indicator: i.name, actual: f.actual };
        });
        expectInside(model, planFill(model, { year: 2025, rows, overwrite }).plan);
      }
    }),
    { numRuns: 150 },
  );
});
