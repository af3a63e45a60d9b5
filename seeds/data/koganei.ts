/**
 * 小金井市 第5次基本構想・前期基本計画: the summary table of the pamphlet, transcribed from seed
 * document 003 (小金井市 基本計画). The extraction prints the columns right to left
 * (`目標値（令和７年度）現状値（令和元年度）指標`); the table is read as a person reads the page.
 * Values keep their full-width digits. Actuals are plausible values for FY2025 (R7), made up.
 */
import type { SeedKpiList } from "./types";

export const koganeiList: SeedKpiList = {
  municipality: "小金井市",
  plan: "第5次基本構想・前期基本計画",
  actualFy: 2025,
  tables: [
    {
      title: "前期基本計画の目標（令和３年度〜７年度）",
      headers: ["指標", "現状値（令和元年度）", "目標値（令和７年度）"],
      targetFy: 2025,
      baselineFy: 2019,
      rows: [
        { name: "「住みやすい」と思う市民の割合", baseline: "８４.９％", target: "１００％", actual: "８７.３％",
          expected: { baseline: { value: 0.849, unit: "%" }, target: { kind: "value", value: 1, unit: "%" } } },
        { name: "「住み続けたい」と思う市民の割合", baseline: "８２.４％", target: "１００％",
          expected: { baseline: { value: 0.824, unit: "%" }, target: { kind: "value", value: 1, unit: "%" } } },
      ],
      notes: [],
    },
  ],
};
