import { toA1 } from "../../../src/core/cells/address";
import { NOT_GRADED } from "../../../src/core/indicators/Indicator";
import { getPreset } from "../../../src/core/presets/builtin";
import { firstWriteOutsidePlan } from "../../../src/core/plans/PlanBuilder";
import { MISSING_FILL, planEvaluate } from "../../../src/core/plans/planEvaluate";
import { planFill } from "../../../src/core/plans/planFill";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import type { WritePlan } from "../../../src/core/workbook/WritePlan";
import { writeActionSheet } from "../../../seeds/layout/actionPlan";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { applyPlan } from "../../helpers/snapshots";
import { projects } from "../workbook/fixtures";

const standard = getPreset("standard")!;

function book(actualFy: number | null = 2025): WorkbookSnapshot {
  const b = new SnapshotWorkbookBuilder();
  for (const p of projects) writeActionSheet(b.sheet(`事業${p.no}`), [p], {}, actualFy);
  return b.build();
}

function writesAt(plan: WritePlan) {
  return plan.writes.map((w) => `${w.sheet}!${toA1(w.row, w.col)}:${w.purpose}`);
}

function value(snapshot: WorkbookSnapshot, sheet: string, a1row: number, col: number) {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  return s.values[a1row - 1 - s.origin.row]?.[col - s.origin.col] ?? null;
}

describe("evaluate plan", () => {
  test("writes rate and grade columns beside the year's actuals, with headers in the table's style", () => {
    const snapshot = book();
    const { plan, evaluation } = planEvaluate(readWorkbook(snapshot), { year: 2025, preset: standard });
    // 事業12: header at row 10; R7実績 in G, so R7達成率 goes to H and R7評価 to I.
    expect(writesAt(plan).filter((w) => w.startsWith("事業12!"))).toEqual([
      "事業12!H10:header",
      "事業12!I10:header",
      "事業12!H11:rate",
      "事業12!I11:grade",
      "事業12!G11:actual",
      "事業12!H12:rate",
      "事業12!I12:grade",
      "事業12!G12:actual",
    ]);
    const header = plan.writes.find((w) => w.sheet === "事業12" && w.purpose === "header")!;
    expect(header).toMatchObject({ value: "R7達成率", copyFormatFrom: { row: 9, col: 4 } });
    const rate = plan.writes.find((w) => w.sheet === "事業12" && w.row === 10 && w.purpose === "rate")!;
    expect(rate).toMatchObject({ value: 0.756, numberFormat: "0.0%" });
    const grade = plan.writes.find((w) => w.sheet === "事業12" && w.row === 10 && w.purpose === "grade")!;
    expect(grade).toMatchObject({ value: "C", note: null });
    // 返礼品目数 has no R7 actual: not graded, a note says why, the actual cell is highlighted.
    const missing = plan.writes.filter((w) => w.sheet === "事業12" && w.row === 11);
    expect(missing).toEqual(expect.arrayContaining([
      expect.objectContaining({ purpose: "grade", value: NOT_GRADED, note: expect.stringContaining("実績") }),
      expect.objectContaining({ purpose: "actual", fill: MISSING_FILL }),
      expect.objectContaining({ purpose: "rate", value: null }),
    ]));
    const outcome = evaluation.outcomes.find((o) => o.indicator.name === "返礼品目数")!;
    expect(outcome.result.flags).toContain("missing-actual");
    expect(firstWriteOutsidePlan(plan)).toBeNull();
  });

  test("running it twice gives the same workbook; the second run reuses the columns", () => {
    const model = readWorkbook(book());
    const first = planEvaluate(model, { year: 2025, preset: standard });
    const once = applyPlan(book(), first.plan);
    const second = planEvaluate(readWorkbook(once.book), { year: 2025, preset: standard });
    expect(second.plan.writes.filter((w) => w.purpose === "header")).toEqual([]);
    const twice = applyPlan(once.book, second.plan, new Map(once.fills), new Map(once.notes));
    expect(twice.book).toEqual(once.book);
    expect(twice.fills).toEqual(once.fills);
    expect(twice.notes).toEqual(once.notes);
  });

  test("a second year adds its own columns beside the first year's", () => {
    const once = applyPlan(book(), planEvaluate(readWorkbook(book()), { year: 2025, preset: standard }).plan);
    const fill = planFill(readWorkbook(once.book), { year: 2026, rows: [{ projectNo: "12", indicator: "寄附件数", actual: "1,700 件" }] });
    const filled = applyPlan(once.book, fill.plan);
    expect(value(filled.book, "事業12", 10, 9)).toBe("R8実績");
    expect(value(filled.book, "事業12", 11, 9)).toBe("1,700 件");
    const next = planEvaluate(readWorkbook(filled.book), { year: 2026, preset: standard });
    const headers = next.plan.writes.filter((w) => w.sheet === "事業12" && w.purpose === "header").map((w) => [toA1(w.row, w.col), w.value]);
    expect(headers).toEqual([["K10", "R8達成率"], ["L10", "R8評価"]]);
  });

  test("a table without the year's actual column is reported and not written", () => {
    const snapshot = book(null);
    const { plan, evaluation } = planEvaluate(readWorkbook(snapshot), { year: 2025, preset: standard });
    expect(plan.writes).toEqual([]);
    expect(evaluation.diagnostics).toContainEqual(expect.objectContaining({ code: "actual-column-missing", sheet: "事業12", cell: "G10" }));
    expect(evaluation.outcomes.every((o) => o.result.flags.includes("missing-actual"))).toBe(true);
  });
});

describe("fill plan", () => {
  test("writes only into empty actual cells; same value unchanged; a different value is a conflict", () => {
    const snapshot = book();
    const { plan, outcomes, counts } = planFill(readWorkbook(snapshot), {
      year: 2025,
      rows: [
        { line: 2, projectNo: "12", indicator: "返礼品目数", actual: "280" },
        { line: 3, projectNo: "12", indicator: "寄附件数", actual: "1,512 件" },
        { line: 4, indicator: "モニタリングによる評価C以下の施設数", actual: "0施設" },
        { line: 5, indicator: "存在しない指標", actual: "1" },
      ],
    });
    expect(counts).toMatchObject({ new: 1, unchanged: 1, conflict: 1, unmatched: 1 });
    expect(outcomes.map((o) => o.status)).toEqual(["new", "unchanged", "conflict", "unmatched"]);
    expect(outcomes[2].message).toContain("1施設");
    expect(plan.writes).toEqual([expect.objectContaining({ sheet: "事業12", row: 11, col: 6, value: 280, purpose: "actual" })]);
  });

  test("--overwrite and per-indicator decisions replace a conflicting value", () => {
    const model = readWorkbook(book());
    const rows = [{ indicator: "モニタリングによる評価 C 以下の施設数", actual: "0施設" }];
    expect(planFill(model, { year: 2025, rows, overwrite: true }).plan.writes).toEqual([
      expect.objectContaining({ sheet: "事業5", value: "0施設" }),
    ]);
    const key = model.indicators.find((i) => i.projectNo === "5")!.key;
    expect(planFill(model, { year: 2025, rows, overwrite: true, decisions: { [key]: "keep" } }).counts.conflict).toBe(1);
  });

  test("a name found in several projects is ambiguous, not guessed; the project number settles it", () => {
    const b = new SnapshotWorkbookBuilder();
    writeActionSheet(b.sheet("A"), [projects[0]], {}, 2025);
    writeActionSheet(b.sheet("B"), [{ ...projects[0], no: "13" }], {}, 2025);
    const model = readWorkbook(b.build());
    const ambiguous = planFill(model, { year: 2025, rows: [{ indicator: "返礼品目数", actual: "280品目" }] });
    expect(ambiguous.outcomes[0]).toMatchObject({ status: "ambiguous" });
    expect(ambiguous.plan.writes).toEqual([]);
    const settled = planFill(model, { year: 2025, rows: [{ projectNo: "13", indicator: "返礼品目数", actual: "280品目" }] });
    expect(settled.plan.writes).toEqual([expect.objectContaining({ sheet: "B", value: "280品目" })]);
  });

  test("a missing actual column is added with its header; percentages become numbers; formulas never", () => {
    const snapshot = book(null);
    const { plan } = planFill(readWorkbook(snapshot), {
      year: 2025,
      rows: [
        { projectNo: "12", indicator: "寄附件数", actual: "=1+1" },
        { projectNo: "12", indicator: "返礼品目数", actual: "74.9%" },
      ],
    });
    expect(plan.writes).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 9, col: 6, purpose: "header", value: "R7実績" }),
      expect.objectContaining({ row: 10, col: 6, value: "=1+1" }),
      expect.objectContaining({ row: 11, col: 6, value: 0.749, numberFormat: "0.0%" }),
    ]));
    expect(firstWriteOutsidePlan(plan)).toBeNull();
  });

  test("sheet and cell address the actual cell directly", () => {
    const model = readWorkbook(book());
    const ok = planFill(model, { year: 2025, rows: [{ sheet: "事業12", cell: "G12", actual: "280品目" }] });
    expect(ok.counts.new).toBe(1);
    const wrong = planFill(model, { year: 2025, rows: [{ sheet: "事業12", cell: "C12", actual: "280品目" }] });
    expect(wrong.outcomes[0]).toMatchObject({ status: "unmatched", message: expect.stringContaining("G12") });
  });
});
