/** The fill plan keeps the user's values and sheets: formulas, protected sheets, units, long text, project numbers. */
import { getPreset } from "../../../src/core/presets/builtin";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { planFill } from "../../../src/core/plans/planFill";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { CellValue } from "../../../src/core/cells/RawCell";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import { writeActionSheet } from "../../../seeds/layout/actionPlan";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { projects } from "../workbook/fixtures";

/** 事業12 (寄附件数 row 11 with R7実績 1,512 件 in G11, 返礼品目数 row 12 with G12 empty) and 事業5. */
function book(): WorkbookSnapshot {
  const b = new SnapshotWorkbookBuilder();
  for (const p of projects) writeActionSheet(b.sheet(`事業${p.no}`), [p], {}, 2025);
  return b.build();
}

/** Put a formula (and its cached value, or none) into a cell, as a file saved by a script holds it. */
function withFormula(snapshot: WorkbookSnapshot, sheet: string, a1row: number, col: number, formula: string, value: CellValue): WorkbookSnapshot {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const r = a1row - 1 - s.origin.row;
  const c = col - s.origin.col;
  s.formulas ??= s.values.map((line) => line.map(() => null));
  s.values[r][c] = value;
  s.formulas[r][c] = formula;
  return snapshot;
}

const henrei = { line: 2, projectNo: "12", indicator: "返礼品目数", actual: "280 品目" };

describe("a formula in the actual cell is the user's value, never an empty cell", () => {
  test("without a computed value (as scripts and openpyxl save it): a conflict, kept unless overwritten", () => {
    const model = readWorkbook(withFormula(book(), "事業12", 12, 6, "=200+80", null));
    const kept = planFill(model, { year: 2025, rows: [henrei] });
    expect(kept.counts).toMatchObject({ new: 0, conflict: 1 });
    expect(kept.outcomes[0]).toMatchObject({ status: "conflict", existing: "=200+80", message: expect.stringContaining("式「=200+80」（計算結果なし）") });
    expect(kept.plan.writes).toEqual([]);
    const overwritten = planFill(model, { year: 2025, rows: [henrei], overwrite: true });
    expect(overwritten.outcomes[0]).toMatchObject({ status: "overwritten", message: expect.stringContaining("式「=200+80」（計算結果なし）を 280 品目 で上書き") });
    expect(overwritten.plan.writes).toEqual([expect.objectContaining({ row: 11, col: 6, value: "280 品目" })]);
  });

  test("with a computed value: compared like any value", () => {
    const same = readWorkbook(withFormula(book(), "事業12", 12, 6, "=200+80", 280));
    expect(planFill(same, { year: 2025, rows: [{ ...henrei, actual: "280" }] }).outcomes[0]).toMatchObject({ status: "unchanged" });
    const other = planFill(same, { year: 2025, rows: [{ ...henrei, actual: "300" }] }).outcomes[0];
    expect(other).toMatchObject({ status: "conflict", message: expect.stringContaining("式「=200+80」（値 280）") });
  });

  test("a formula that computes to empty (=IF(…,\"\",…) in Excel) is not empty either", () => {
    const model = readWorkbook(withFormula(book(), "事業12", 12, 6, '=IF(A1="","",A1)', ""));
    expect(planFill(model, { year: 2025, rows: [henrei] }).counts.conflict).toBe(1);
  });

  test("evaluate says the value is not computed yet: not missing, not highlighted as missing", () => {
    const model = readWorkbook(withFormula(book(), "事業12", 12, 6, "=200+80", null));
    const { plan, evaluation } = planEvaluate(model, { year: 2025, preset: getPreset("standard")! });
    const outcome = evaluation.outcomes.find((o) => o.indicator.name === "返礼品目数")!;
    expect(outcome.result.flags).toContain("formula-not-computed");
    expect(outcome.result.flags).not.toContain("missing-actual");
    expect(outcome.result.explanation).toBe("評価なし: 令和7年度の実績値の式「=200+80」に計算結果がありません（未計算）");
    expect(evaluation.diagnostics).toContainEqual(expect.objectContaining({ code: "formula-not-computed", sheet: "事業12", cell: "G12" }));
    const highlight = plan.writes.find((w) => w.sheet === "事業12" && w.row === 11 && w.purpose === "actual");
    expect(highlight).toMatchObject({ fill: null, fillOnlyIf: expect.any(String) });
  });
});

describe("a protected sheet is never written, and named", () => {
  function protectedBook(): WorkbookSnapshot {
    const snapshot = book();
    snapshot.sheets.find((s) => s.name === "事業12")!.protected = true;
    return snapshot;
  }

  test("fill: rows for it are 'protected'; the other sheets are filled", () => {
    const fill = planFill(readWorkbook(protectedBook()), { year: 2025, rows: [henrei, { line: 3, indicator: "モニタリングによる評価 C 以下の施設数", actual: "0施設" }], overwrite: true });
    expect(fill.outcomes.map((o) => o.status)).toEqual(["protected", "overwritten"]);
    expect(fill.outcomes[0].message).toContain("シート「事業12」は保護されているため書き込みません");
    expect(fill.plan.writes.every((w) => w.sheet === "事業5")).toBe(true);
    expect(fill.plan.protectedSheets).toEqual(["事業12"]);
  });

  test("evaluate: the sheet is skipped and listed once", () => {
    const { plan, evaluation } = planEvaluate(readWorkbook(protectedBook()), { year: 2025, preset: getPreset("standard")! });
    expect(plan.writes.some((w) => w.sheet === "事業12")).toBe(false);
    expect(plan.writes.some((w) => w.sheet === "事業5")).toBe(true);
    expect(plan.protectedSheets).toEqual(["事業12"]);
    // Still evaluated (shown and reported), only not written.
    expect(evaluation.outcomes.some((o) => o.indicator.sheet === "事業12" && o.result.graded)).toBe(true);
  });
});

describe("what a person typed is checked against the indicator", () => {
  test("a value whose unit disagrees with the indicator's is written with a warning", () => {
    const fill = planFill(readWorkbook(book()), {
      year: 2025,
      rows: [
        { line: 2, projectNo: "12", indicator: "返礼品目数", actual: "50%" },
        { line: 3, indicator: "モニタリングによる評価 C 以下の施設数", actual: "2件" },
      ],
      overwrite: true,
    });
    expect(fill.outcomes[0]).toMatchObject({ status: "new", warning: expect.stringContaining("指標の単位は「品目」ですが、実績値「50%」の単位は「%」です") });
    expect(fill.outcomes[1]).toMatchObject({ status: "overwritten", warning: expect.stringContaining("「施設」") });
    expect(planFill(readWorkbook(book()), { year: 2025, rows: [henrei] }).outcomes[0].warning).toBeUndefined();
  });

  test("text over Excel's 32,767 characters is refused; names over 200 characters are cut in messages", () => {
    const long = "あ".repeat(32_768);
    const fill = planFill(readWorkbook(book()), { year: 2025, rows: [{ ...henrei, actual: long }, { line: 3, indicator: "い".repeat(500), actual: "1" }] });
    expect(fill.outcomes[0]).toMatchObject({ status: "invalid", message: expect.stringContaining("32,767 文字") });
    expect(fill.plan.writes).toEqual([]);
    expect(fill.outcomes[1].message.length).toBeLessThan(300);
    expect(fill.outcomes[1].message).toContain("…（全 500 文字）");
  });

  test("project numbers as people write them (事業12, 012, No.12) match; a wrong one is blamed, not the indicator", () => {
    const model = readWorkbook(book());
    for (const no of ["事業12", "012", "No.12", "１２"]) {
      expect(planFill(model, { year: 2025, rows: [{ ...henrei, projectNo: no }] }).outcomes[0].status).toBe("new");
    }
    const wrong = planFill(model, { year: 2025, rows: [{ ...henrei, projectNo: "24" }] }).outcomes[0];
    expect(wrong).toMatchObject({ status: "unmatched", message: expect.stringContaining("事業番号「24」の事業にこの指標はありません（この名前の指標は 事業12 にあります）") });
  });
});
