import { evaluateIndicator } from "../../../src/core/evaluation/evaluateIndicator";
import type { EvaluationContext, IndicatorCells } from "../../../src/core/indicators/Indicator";
import { getPreset, listPresets, parsePreset } from "../../../src/core/presets/builtin";
import type { Preset } from "../../../src/core/presets/Preset";

const standard = getPreset("standard")!;
const progress = getPreset("progress")!;
const binary = getPreset("binary")!;
const R7: EvaluationContext = { year: 2025 };

function cells(target: string | number | null, baseline: string | number | null, actual: string | number | null, more: Partial<IndicatorCells> = {}): IndicatorCells {
  return { name: "指標", target: { value: target }, baseline: { value: baseline }, actual: { value: actual }, ...more };
}

const evaluate = (c: IndicatorCells, preset: Preset = standard, ctx: EvaluationContext = R7) => evaluateIndicator(c, preset, ctx);

describe("standard preset (達成率 = 実績 ÷ 目標)", () => {
  test("寄附件数 2,000 件, actual 1,512 件: 75.6 % → C, explained", () => {
    const r = evaluate(cells("2,000 件", "1,274 件", "1,512 件", { targetPeriod: { value: "R12.3" } }));
    expect(r).toMatchObject({ direction: "up", target: 2000, baseline: 1274, actual: 1512, rate: 0.756, grade: "C", achieved: false, trend: "improved", targetYear: 2029, flags: [] });
    expect(r.explanation).toBe("達成率 = 実績 1,512件 ÷ 目標 2,000件 = 75.6% → C");
  });

  test("bands: achieved A, ≥ 80 % B, ≥ 60 % C, else D", () => {
    expect(evaluate(cells("100人", null, "100人")).grade).toBe("A");
    expect(evaluate(cells("100人", null, "80人")).grade).toBe("B");
    expect(evaluate(cells("100人", null, "60人")).grade).toBe("C");
    expect(evaluate(cells("100人", null, "59人")).grade).toBe("D");
  });

  test("a percentage target against a percentage actual, 0.8 and 80 % equal", () => {
    expect(evaluate(cells("80%", "74.9%", null, { actual: { value: 0.8, numberFormat: "0.0%" } }))).toMatchObject({ grade: "A", rate: 1, unit: "%" });
  });

  test("smaller is better: rate = 目標 ÷ 実績", () => {
    const r = evaluate(cells("2.08㎡以下", "2.05㎡", "2.5㎡"));
    expect(r).toMatchObject({ direction: "down", directionSource: "comparator", achieved: false, grade: "B" });
    expect(r.rate).toBeCloseTo(0.832, 10);
    expect(r.explanation).toBe("達成率 = 目標 2.08㎡以下 ÷ 実績 2.5㎡ = 83.2% → B");
  });

  test("strict 超 and 未満", () => {
    expect(evaluate(cells("100%超", null, "100%")).achieved).toBe(false);
    expect(evaluate(cells("100%以上", null, "100%")).achieved).toBe(true);
    expect(evaluate(cells("10件未満", null, "10件")).achieved).toBe(false);
    expect(evaluate(cells("10件以下", null, "10件")).achieved).toBe(true);
  });

  test("a zero target has no rate: achieved at 0 (A), otherwise D", () => {
    const met = evaluate(cells("0件", "1件", "0件"));
    expect(met).toMatchObject({ direction: "down", directionSource: "zero-target", rate: null, achieved: true, grade: "A", trend: "improved" });
    const missed = evaluate(cells("0件", "1件", "1件"));
    expect(missed).toMatchObject({ rate: null, achieved: false, grade: "D", trend: "unchanged" });
    expect(missed.explanation).toBe("目標 0件 に対し実績 1件（未達成） → D");
  });

  test("-13 人 → 0 人 is up (the baseline is negative)", () => {
    const r = evaluate(cells("0 人", "-13 人", "+4 人"));
    expect(r).toMatchObject({ direction: "up", achieved: true, grade: "A", trend: "improved" });
  });

  test("a target below the baseline is guessed as down and flagged for confirmation", () => {
    const r = evaluate(cells("600件", "687件", "700件"));
    expect(r).toMatchObject({ direction: "down", directionSource: "baseline", flags: ["direction-inferred"] });
    const confirmed = evaluate(cells("600件", "687件", "700件"), standard, { year: 2025, directionOverride: "up" });
    expect(confirmed).toMatchObject({ direction: "up", directionSource: "given", flags: [], grade: "A" });
  });

  test("the sheet's 方向 column decides before a directional target or the baseline", () => {
    const r = evaluate(cells("600件", "687件", "650件", { direction: { value: "増加を目指す" } }));
    expect(r).toMatchObject({ direction: "up", directionSource: "given", flags: [] });
  });

  test("a maintain target with direction down given by the sheet is read as 以下 the baseline", () => {
    const kept = evaluate(cells("維持", "12件", "11件", { direction: { value: "減少" } }));
    expect(kept).toMatchObject({ direction: "down", achieved: true, grade: "A", target: 12 });
    const worse = evaluate(cells("維持", "12件", "13件", { direction: { value: "↓" } }));
    expect(worse).toMatchObject({ achieved: false, grade: "B" });
    expect(worse.explanation).toBe("達成率 = 目標 12件以下 ÷ 実績 13件 = 92.3% → B");
    expect(evaluate(cells("維持", "12件", "12件")).achieved).toBe(true);
  });

  test("増加 / 減少 targets are judged against the baseline", () => {
    expect(evaluate(cells("増加", "2,120事業所", "2,150事業所"))).toMatchObject({ direction: "up", directionSource: "directional-target", achieved: true, grade: "A" });
    expect(evaluate(cells("減少", "45人", "50人"))).toMatchObject({ direction: "down", achieved: false, grade: "B" });
    const noBaseline = evaluate(cells("増加", "—", "10件"));
    expect(noBaseline).toMatchObject({ grade: "\u2212", graded: false, flags: ["no-baseline"] });
  });
});

describe("not graded (−), each with its flag and reason", () => {
  test("no target in the cell: a monitoring indicator, its trend kept", () => {
    expect(evaluate(cells("—", "74.9%", "75.2%"))).toMatchObject({ grade: "\u2212", graded: false, flags: ["no-target", "monitoring"], explanation: "評価なし: 目標値が設定されていません（モニタリング指標）", trend: "improved" });
    expect(evaluate(cells(null, "74.9%", "75.2%")).flags).toEqual(["no-target", "monitoring"]);
  });
  test("no target column in the table: not a monitoring indicator, the table says why", () => {
    const r = evaluate({ name: "指標", baseline: { value: "74.9%" }, actual: { value: "75.2%" }, targetColumn: false });
    expect(r).toMatchObject({ grade: "\u2212", flags: ["no-target"], explanation: "評価なし: この表には目標値の列がありません" });
  });
  test("no actual for the year, with the word when there is one", () => {
    expect(evaluate(cells("350 品目", "266 品目", null))).toMatchObject({ grade: "\u2212", flags: ["missing-actual"], explanation: "評価なし: 令和7年度の実績値がありません" });
    expect(evaluate(cells("350 品目", "266 品目", "未集計")).explanation).toBe("評価なし: 令和7年度の実績値がありません（未集計）");
  });
  test("a reference target with and without its value", () => {
    const c = cells("法定雇用率以上", "3.01%", "2.8%");
    const without = evaluate(c);
    expect(without).toMatchObject({ grade: "\u2212", flags: ["reference-missing"], direction: "up" });
    expect(without.explanation).toBe("評価なし: 法定雇用率の値が未設定です（参照値として「法定雇用率=値」を設定してください）");
    const withValue = evaluate(c, standard, { year: 2025, references: { "法定 雇用率": 0.025 } });
    expect(withValue).toMatchObject({ grade: "A", achieved: true, target: 0.025, flags: [] });
  });
  test("a value that could not be read", () => {
    expect(evaluate(cells("2,000 件", "1,274 件", "たくさん"))).toMatchObject({ grade: "\u2212", flags: ["unreadable"], explanation: expect.stringContaining("たくさん") });
    expect(evaluate(cells("検討中", "1,274 件", "1,500件"))).toMatchObject({ grade: "\u2212", flags: ["unreadable"] });
  });
  test("a unit clash", () => {
    expect(evaluate(cells("2,000 件", "1,274 件", "1,512 人"))).toMatchObject({ grade: "\u2212", flags: ["unit-mismatch"], explanation: "評価なし: 単位が一致しません（目標 件、実績 人）" });
  });
  test("a unitless actual takes the target's unit, but never becomes a percentage by guess", () => {
    expect(evaluate(cells("2,000 件", "1,274 件", 1512))).toMatchObject({ grade: "C", unit: "件" });
    expect(evaluate(cells("80%", "74.9%", 74.9))).toMatchObject({ grade: "\u2212", flags: ["unit-mismatch"], explanation: expect.stringContaining("74.9%") });
  });
  test("名 and 人 are the same unit", () => {
    expect(evaluate(cells("30人", "24名", "27名")).graded).toBe(true);
  });
});

describe("progress preset (進捗率 from the baseline)", () => {
  // 保育園待機児童数 45 人 → 20 人 (H31), plan H28–H31 (FY2016–2019), actual 30 人.
  const waiting = cells("20 人", "45 人", "30 人", { targetPeriod: { value: "H31" } });

  test("second year of a four-year plan: progress 60 %, share 50 %, grade A", () => {
    const r = evaluate(waiting, progress, { year: 2017, planStart: 2016 });
    expect(r).toMatchObject({ direction: "down", directionSource: "baseline", rate: 0.6, grade: "A" });
    expect(r.explanation).toBe("進捗率 = (実績 30人 − 基準 45人) ÷ (目標 20人 − 基準 45人) = 60.0%、期待進捗 50.0%（計画期間の経過） → A");
  });

  test("last year of the plan: 60 % of the way → C", () => {
    expect(evaluate(waiting, progress, { year: 2019, planStart: 2016 })).toMatchObject({ rate: 0.6, grade: "C" });
    expect(evaluate(waiting, progress, { year: 2017 })).toMatchObject({ grade: "C" });
  });

  test("comparator targets: A ÷ T up, (2T − A) ÷ T down", () => {
    expect(evaluate(cells("100% 以上", "96%", "98%"), progress).rate).toBeCloseTo(0.98, 10);
    expect(evaluate(cells("2.08㎡以下", "2.05㎡", "2.2㎡"), progress).rate).toBeCloseTo((2 * 2.08 - 2.2) / 2.08, 10);
  });

  test("a zero target with a baseline: (B − A) ÷ B", () => {
    const r = evaluate(cells("0件", "4件", "1件"), progress);
    expect(r.rate).toBeCloseTo(0.75, 10);
    expect(r.grade).toBe("C");
  });

  test("without a baseline: standard's rate, flag no-baseline", () => {
    const r = evaluate(cells("30 件", "－", "24 件"), progress);
    expect(r).toMatchObject({ rate: 0.8, grade: "B", flags: ["no-baseline"] });
    expect(r.explanation).toMatch(/^基準値なしのため達成率で評価/);
  });

  test("every-year targets are due every year: no share", () => {
    expect(evaluate(cells("100%", "80%", "90%", { targetPeriod: { value: "毎年度" } }), progress, { year: 2025, planStart: 2025 })).toMatchObject({ targetYear: 2025, rate: 0.5, grade: "D" });
  });
});

describe("binary preset", () => {
  test("達成 / 未達成", () => {
    expect(evaluate(cells("2,000 件", "1,274 件", "2,000 件"), binary).grade).toBe("達成");
    expect(evaluate(cells("2,000 件", "1,274 件", "1,999 件"), binary).grade).toBe("未達成");
    expect(evaluate(cells("0件", "1件", "1件"), binary).grade).toBe("未達成");
    expect(evaluate(cells("2,000 件", "1,274 件", null), binary).grade).toBe("\u2212");
  });
});

describe("presets are data", () => {
  test("listed by id with Japanese descriptions", () => {
    expect(listPresets().map((p) => p.id)).toEqual(["standard", "progress", "binary"]);
    for (const p of listPresets()) expect(p.description).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  test("a custom preset with ◎○△× bands and its own thresholds", () => {
    const parsed = parsePreset({ id: "marks", method: "standard", name: "記号", achievedLabel: "◎", bands: [{ min: 0.9, label: "○" }, { min: 0.5, label: "△" }], below: "×" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(evaluate(cells("100人", null, "95人"), parsed.preset).grade).toBe("○");
    expect(evaluate(cells("100人", null, "60人"), parsed.preset).grade).toBe("△");
    expect(evaluate(cells("100人", null, "40人"), parsed.preset).grade).toBe("×");
    expect(evaluate(cells("100人", null, "100人"), parsed.preset).grade).toBe("◎");
  });

  test("a bad preset is rejected with a message naming the field", () => {
    const parsed = parsePreset({ id: "bad id", method: "standard", name: "x", achievedLabel: "A", bands: [{ min: "0.8", label: "B" }] });
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining("「id」") });
    if (!parsed.ok) expect(parsed.message).toContain("「bands.0.min」");
  });
});

describe("trend", () => {
  test("improved, worsened or unchanged in the indicator's direction; none without baseline or actual", () => {
    expect(evaluate(cells("2,000 件", "1,274 件", "1,300 件")).trend).toBe("improved");
    expect(evaluate(cells("2,000 件", "1,274 件", "1,200 件")).trend).toBe("worsened");
    expect(evaluate(cells("20 人", "45 人", "50 人")).trend).toBe("worsened");
    expect(evaluate(cells("20 人", "45 人", "40 人")).trend).toBe("improved");
    expect(evaluate(cells("20 人", "45 人", "45 人")).trend).toBe("unchanged");
    expect(evaluate(cells("20 人", "—", "45 人")).trend).toBeNull();
    expect(evaluate(cells("20 人", "45 人", null)).trend).toBeNull();
  });
});
