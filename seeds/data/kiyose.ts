/**
 * 清瀬市まち・ひと・しごと創生総合戦略: every KPI table, transcribed from seed document 002
 * (清瀬市 総合戦略). The 【出典：…】 after each indicator name is left out of the name; a note
 * printed inside a target cell (`55% ※平成 32 年世論調査`) is kept as the table's ※ note.
 * Actuals are plausible values for FY2019 (H31/R1), made up for the sample workbook.
 */
import type { SeedKpiList, SeedKpiRow, SeedKpiTable } from "./types";

const KPI = ["重要業績評価指標（KPI）", "基準値", "数値目標等（H31）"];
const STRATEGY = ["戦略指標", "基準値", "数値目標等（H31）"];

function table(title: string, headers: string[], rows: SeedKpiRow[], notes: string[] = []): SeedKpiTable {
  return { title, headers, targetFy: 2019, baselineFy: null, rows, notes };
}

export const kiyoseList: SeedKpiList = {
  municipality: "清瀬市",
  plan: "まち・ひと・しごと創生総合戦略",
  actualFy: 2019,
  tables: [
    table("基本目標Ⅰ. 結婚・出産・子育ての希望実現戦略 ◆数値目標等（平成31年度）", STRATEGY, [
      { name: "合計特殊出生率", baseline: "1.16", target: "1.23", actual: "1.19",
        expected: { baseline: { value: 1.16, unit: "" }, target: { kind: "value", value: 1.23, unit: "" } } },
    ]),
    table("① 妊娠・出産・子育ての切れ目のないサポート体制の整備 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "子育てしやすいと回答する市民（就学前の保護者の割合）", baseline: "73.2%", target: "79.7%", actual: "76.8%",
        expected: { baseline: { value: 0.732, unit: "%" }, target: { kind: "value", value: 0.797, unit: "%" } } },
    ]),
    table("② 子育てと仕事の両立の支援 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "保育園待機児童数", baseline: "45 人", target: "20 人", actual: "30 人",
        expected: { baseline: { value: 45, unit: "人" }, target: { kind: "value", value: 20, unit: "人" } } },
    ]),
    table("③ 結婚・出産の希望の実現推進 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "不妊・不育症治療費助成数", baseline: "－", target: "30 件", actual: "24 件",
        expected: { baseline: { empty: true }, target: { kind: "value", value: 30, unit: "件" } } },
      { name: "婚活事業のカップリング数", baseline: "7 組", target: "10 組", actual: "１１ 組",
        expected: { baseline: { value: 7, unit: "組" }, target: { kind: "value", value: 10, unit: "組" } } },
    ]),
    table("④ 子育て世代が安心して出歩ける環境の整備 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "身近な生活環境に満足している人の割合", baseline: "52.2%", target: "55%",
        expected: { baseline: { value: 0.522, unit: "%" }, target: { kind: "value", value: 0.55, unit: "%" } } },
    ], ["※目標値は平成32年世論調査による"]),
    table("⑤ 子どもたちの学習機会の充実 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "学校教育に関する保護者の満足度", baseline: "—", target: "85%", actual: "未集計",
        expected: { baseline: { empty: true }, target: { kind: "value", value: 0.85, unit: "%" } } },
    ]),
    table("基本目標Ⅱ. 働きやすさ・地域活力向上戦略 ◆数値目標（平成31年度）", STRATEGY, [
      { name: "市内従業者数", baseline: "18,167 人", target: "18,404 人", actual: "18,290 人",
        expected: { baseline: { value: 18167, unit: "人" }, target: { kind: "value", value: 18404, unit: "人" } } },
      { name: "（内）女性従業者者比率", baseline: "56.2%", target: "56.7%", actual: "56.9%※",
        expected: { baseline: { value: 0.562, unit: "%" }, target: { kind: "value", value: 0.567, unit: "%" } } },
    ], ["※経済センサスの公表値（速報）"]),
    table("① 地域課題に対応した新たな事業創出 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "創業支援件数", baseline: "—", target: "7 件", actual: "5 件",
        expected: { baseline: { empty: true }, target: { kind: "value", value: 7, unit: "件" } } },
    ]),
    table("② 子育て世代が楽しめる活気あるまちづくりの推進 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "農のある風景を生かしたイベント参加者数", baseline: "74,000 人", target: "95,000 人", actual: "81,500 人",
        expected: { baseline: { value: 74000, unit: "人" }, target: { kind: "value", value: 95000, unit: "人" } } },
      { name: "活気ある商店街を育むイベント参加者数", baseline: "88,250 人", target: "88,960 人", actual: "86,400 人",
        expected: { baseline: { value: 88250, unit: "人" }, target: { kind: "value", value: 88960, unit: "人" } } },
    ]),
    table("基本目標Ⅲ. まちの魅力向上・発信戦略 ◆数値目標（平成31年度）", STRATEGY, [
      { name: "20～30代の転入出の差分", baseline: "-13 人", target: "0 人", actual: "+4 人",
        expected: { baseline: { value: -13, unit: "人" }, target: { kind: "value", value: 0, unit: "人" } } },
    ]),
    table("① シティプロモーションの推進 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "清瀬への愛着度", baseline: "62.3%", target: "65.7%", actual: "63.1%",
        expected: { baseline: { value: 0.623, unit: "%" }, target: { kind: "value", value: 0.657, unit: "%" } } },
      { name: "市ホームページアクセス件数", baseline: "490,000 件", target: "517,000 件", actual: "526,300 件",
        expected: { baseline: { value: 490000, unit: "件" }, target: { kind: "value", value: 517000, unit: "件" } } },
      { name: "公式フェイスブックの登録者数", baseline: "428 人", target: "600 人",
        expected: { baseline: { value: 428, unit: "人" }, target: { kind: "value", value: 600, unit: "人" } } },
    ]),
    table("基本目標Ⅳ. 支え合いのある地域づくり戦略 ◆数値目標（平成31年度）", STRATEGY, [
      { name: "地域のつながりや交流ができていると感じている人の割合", baseline: "50.4%", target: "55.7%", actual: "49.8%",
        expected: { baseline: { value: 0.504, unit: "%" }, target: { kind: "value", value: 0.557, unit: "%" } } },
    ]),
    table("① 地域で支えあい誰もが安心できるまちづくりの推進 ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "市民活動センター登録団体数", baseline: "112", target: "116", actual: "118",
        expected: { baseline: { value: 112, unit: "" }, target: { kind: "value", value: 116, unit: "" } } },
      { name: "円卓会議実施数", baseline: "6 箇所", target: "9 箇所", actual: "8 箇所",
        expected: { baseline: { value: 6, unit: "箇所" }, target: { kind: "value", value: 9, unit: "箇所" } } },
      { name: "自治組織への加入率", baseline: "37.2%", target: "40.3%", actual: "36.5%",
        expected: { baseline: { value: 0.372, unit: "%" }, target: { kind: "value", value: 0.403, unit: "%" } } },
      { name: "学校支援地域組織の設置校数", baseline: "1 校", target: "5 校",
        expected: { baseline: { value: 1, unit: "校" }, target: { kind: "value", value: 5, unit: "校" } } },
    ]),
    table("② 行政が持つ経営資源の最適配分による地域サポート ◆重要業績評価指標（平成31年度）", KPI, [
      { name: "公共施設の稼働率", baseline: "41.08%", target: "50%", actual: "44.6%",
        expected: { baseline: { value: 0.4108, unit: "%" }, target: { kind: "value", value: 0.5, unit: "%" } } },
      { name: "公開しているオープンデータ数", baseline: "-", target: "226 件", actual: "198 件",
        expected: { baseline: { empty: true }, target: { kind: "value", value: 226, unit: "件" } } },
    ]),
  ],
};
