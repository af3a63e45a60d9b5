import { kiyoseList } from "./data/kiyose";
import { kodairaList } from "./data/kodaira";
import { koganeiList } from "./data/koganei";
import { musashinoProjects } from "./data/musashino";
import type { SeedActionProject, SeedKpiList } from "./data/types";
import { writeActionSheet } from "./layout/actionPlan";
import { writeKpiListSheet } from "./layout/kpiList";
import type { LayoutVariation } from "./layout/variation";
import type { WorkbookBuilder } from "./layout/WorkbookBuilder";
import { yearlyIndicators } from "./data/yearly";
import { writeEvaluationSheet, writeGroupedYearsSheet, writeYearlyTargetList, writeYearOverKindsSheet } from "./layout/yearlyLayouts";

/** The fiscal year whose actuals the 武蔵野市 sample carries: R7. */
export const MUSASHINO_ACTUAL_FY = 2025;

export interface MusashinoOptions extends LayoutVariation {
  /** Projects per sheet: 1 (one 事業シート each, the default) or more (blocks stacked on one sheet). */
  projectsPerSheet?: number;
  /** Only these project numbers (default all 46). */
  only?: string[];
}

/** 武蔵野市 行財政改革アクションプラン: the project list sheet and the 事業シート with R7 actuals. */
export function buildMusashino(book: WorkbookBuilder, options: MusashinoOptions = {}): void {
  const projects = options.only ? musashinoProjects.filter((p) => options.only!.includes(p.no)) : musashinoProjects;
  const list = book.sheet("実施事業一覧");
  list.width(0, 10);
  list.width(1, 60);
  list.width(2, 30);
  list.set(0, 0, "第七次武蔵野市行財政改革アクションプラン 実施事業一覧", "title");
  ["事業番号", "事業名", "担当課"].forEach((h, i) => list.set(2, i, h, "header"));
  projects.forEach((p, i) => {
    list.set(3 + i, 0, Number(p.no), "value");
    list.set(3 + i, 1, p.name, "value");
    list.set(3 + i, 2, p.department, "value");
  });
  const per = Math.max(1, options.projectsPerSheet ?? 1);
  for (let i = 0; i < projects.length; i += per) {
    const group: SeedActionProject[] = projects.slice(i, i + per);
    const name = group.length === 1 ? `事業${group[0].no}` : `事業${group[0].no}-${group[group.length - 1].no}`;
    writeActionSheet(book.sheet(name), group, options, MUSASHINO_ACTUAL_FY);
  }
}

function japaneseYear(fy: number): string {
  if (fy === 2019) return "令和元年度";
  return fy > 2019 ? `令和${fy - 2018}年度` : `平成${fy - 1988}年度`;
}

/** The KPI lists, each on one sheet with a year of actuals, headed as each city would. */
export const KPI_WORKBOOKS: { file: string; sheet: string; list: SeedKpiList; header: (fy: number) => string }[] = [
  { file: "kiyose-kpi-list.xlsx", sheet: "KPI一覧", list: kiyoseList, header: (fy) => `${japaneseYear(fy)}実績` },
  { file: "kodaira-kpi-list.xlsx", sheet: "総合戦略KPI", list: kodairaList, header: (fy) => `${fy}年度実績` },
  { file: "koganei-summary.xlsx", sheet: "指標一覧", list: koganeiList, header: (fy) => `R${fy - 2018}実績` },
];

export function buildKpiList(book: WorkbookBuilder, entry: (typeof KPI_WORKBOOKS)[number], variation: LayoutVariation = {}): void {
  writeKpiListSheet(book.sheet(entry.sheet), entry.list, variation, entry.header);
}

/** The layouts beyond the 事業シート, each a sample workbook built from the yearly data. */
export const LAYOUT_WORKBOOKS: { file: string; build: (book: WorkbookBuilder) => void }[] = [
  {
    file: "musashino-yearly-targets.xlsx",
    build: (book) => writeYearlyTargetList(book.sheet("年度別目標"), yearlyIndicators),
  },
  {
    file: "musashino-two-row-headers.xlsx",
    build: (book) => {
      writeGroupedYearsSheet(book.sheet("目標値・実績値"), yearlyIndicators);
      writeYearOverKindsSheet(book.sheet("年度別評価"), yearlyIndicators);
    },
  },
  {
    file: "musashino-evaluation-sheets.xlsx",
    build: (book) => {
      for (const no of [...new Set(yearlyIndicators.map((i) => i.projectNo))]) {
        const project = musashinoProjects.find((p) => p.no === no)!;
        writeEvaluationSheet(book.sheet(`事業${no}`), project, yearlyIndicators.filter((i) => i.projectNo === no));
      }
    },
  },
];
