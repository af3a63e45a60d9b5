import type { SeedActionProject, SeedKpiList } from "../../../seeds/data/types";

/** Two projects shaped like the 武蔵野市 action plan (事業12 and 事業5) and one without indicators. */
export const projects: SeedActionProject[] = [
  {
    no: "12",
    name: "武蔵野市ふるさと応援寄附を活用した市の魅力発信",
    department: "産業振興課",
    section: "①-ウ 市の魅力発信と地域への愛着の醸成",
    purpose: "ふるさと応援寄附を通じて市内の魅力を発信する。",
    schedule: [
      { item: "応援寄附件数・金額集計管理", years: ["実施", "", "", "", ""] },
      { item: "返礼品開拓", years: ["検討・実施", "", "", "", ""] },
    ],
    indicators: [
      {
        name: "寄附件数", target: "2,000 件", targetYear: "R12.3", baseline: "1,274 件", baselinePeriod: "R6.3", r7Actual: "1,512 件",
        expected: { target: { kind: "value", value: 2000, unit: "件" }, targetFy: 2029, baseline: { value: 1274, unit: "件" }, baselineFy: 2023 },
      },
      {
        name: "返礼品目数", target: "350 品目", targetYear: "R12.3", baseline: "266 品目", baselinePeriod: "R6.3",
        expected: { target: { kind: "value", value: 350, unit: "品目" }, targetFy: 2029, baseline: { value: 266, unit: "品目" }, baselineFy: 2023 },
      },
    ],
    other: "",
  },
  {
    no: "5",
    name: "指定管理者制度の効果的な運用",
    department: "企画調整課",
    section: "①-ア 様々な主体との連携・協働の推進",
    purpose: "公の施設の効用の最大化を目指す。",
    schedule: [{ item: "公の施設モニタリングの評価の実施", years: ["実施", "", "", "", ""] }],
    indicators: [
      {
        name: "モニタリングによる評価 C 以下の施設数", target: "0施設", targetYear: "—", baseline: "0施設", baselinePeriod: "R6年度", r7Actual: "1施設",
        expected: { target: { kind: "value", value: 0, unit: "施設" }, targetFy: null, baseline: { value: 0, unit: "施設" }, baselineFy: 2024 },
      },
    ],
    other: "",
  },
  {
    no: "4",
    name: "財政援助出資団体に対する指導監督の基本方針に基づく適切な指導監督",
    department: "企画調整課",
    section: "①-ア 様々な主体との連携・協働の推進",
    purpose: "公正・適正かつ健全な経営を目指す。",
    schedule: [],
    indicators: [
      {
        name: "", target: "—", targetYear: "—", baseline: "—", baselinePeriod: "—",
        expected: { target: { kind: "none" }, targetFy: null, baseline: { empty: true }, baselineFy: null },
      },
    ],
    other: "【定量的な指標を設定できない理由】 見直しの結果を踏まえ、指標設定を検討するため。",
  },
];

/** A KPI list shaped like 清瀬市's: two tables with titles and notes. */
export const kpiList: SeedKpiList = {
  municipality: "清瀬市",
  plan: "まち・ひと・しごと創生総合戦略",
  actualFy: 2019,
  tables: [
    {
      title: "基本目標Ⅰ ◆数値目標等（平成31年度）",
      headers: ["重要業績評価指標（KPI）", "基準値", "数値目標等（H31）"],
      targetFy: 2019,
      baselineFy: null,
      rows: [
        { name: "保育園待機児童数", baseline: "45人", target: "20人", actual: "30人", expected: { baseline: { value: 45, unit: "人" }, target: { kind: "value", value: 20, unit: "人" } } },
        { name: "社会増減数", baseline: "-13 人", target: "0 人", expected: { baseline: { value: -13, unit: "人" }, target: { kind: "value", value: 0, unit: "人" } } },
      ],
      notes: ["※基準値は平成27年4月1日現在"],
    },
    {
      title: "基本目標Ⅱ",
      headers: ["戦略指標", "基準値", "数値目標等（H31）"],
      targetFy: 2019,
      baselineFy: null,
      rows: [
        { name: "市内事業所数", baseline: "2,120事業所", target: "増加", actual: "2,150事業所", expected: { baseline: { value: 2120, unit: "事業所" }, target: { kind: "directional", direction: "up" } } },
      ],
      notes: [],
    },
  ],
};
