/**
 * Every grade and every 「−」 can be opened: the indicators under each grade or reason, and for each
 * its numbers (baseline, target, actual, rate), what its 評価 cell shows and why (the formula with
 * its numbers, or the reason it has none; a monitoring indicator's trend).
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { outcomeKind, type GradeBreakdown, type OutcomeKind } from "../../app/summary";
import { monitoringCell } from "../../core/evaluation/monitoring";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { formatQuantity } from "../../core/values/parseValue";
import type { IndicatorOutcome } from "../../core/workbook/evaluateWorkbook";
import { explanationText, gradeText, monitoringText } from "../explanationText";
import { fill } from "../i18n";
import { indicatorLabel, KIND_LABELS } from "../wording";
import { usePane } from "./PaneContext";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  item: { cursor: "pointer", overflowWrap: "anywhere", ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, listStyle: "none" },
  numbers: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalXXS} 0` },
  dd: { margin: 0, overflowWrap: "anywhere" },
});

function shown(value: number | null, unit: string, none: string): string {
  return value === null ? none : formatQuantity(value, unit);
}

function Details({ outcome, year }: { outcome: IndicatorOutcome; year: string }): React.JSX.Element {
  const { t, locale } = usePane();
  const styles = useStyles();
  const { indicator, result } = outcome;
  const monitoring = monitoringCell(result, year);
  const rows: [string, string][] = [
    [t.detBaseline, shown(result.baseline, result.unit, t.noValue)],
    [t.detTarget, shown(result.target, result.unit, t.noValue)],
    [t.detActual, shown(result.actual, result.unit, t.noValue)],
    [t.detRate, result.rate === null ? t.noValue : `${(result.rate * 100).toFixed(1)}%`],
    [t.detGrade, gradeText(monitoring?.label ?? result.grade, locale)],
    [t.detWhy, monitoring ? monitoringText(monitoring, result, year, locale) : explanationText(result.explanation, locale)],
  ];
  return (
    <li>
      <details>
        <summary className={styles.item}>
          {indicatorLabel(indicator)}（{gradeText(monitoring?.label ?? result.grade, locale)}）
        </summary>
        <dl className={styles.numbers}>
          {rows.map(([k, v]) => (
            <React.Fragment key={k}>
              <dt>
                <Caption1>{k}</Caption1>
              </dt>
              <dd className={styles.dd}>{v}</dd>
            </React.Fragment>
          ))}
        </dl>
      </details>
    </li>
  );
}

/** One disclosure per grade, per reason for no grade, and for the monitoring indicators. */
export function OutcomeDetails({ outcomes, breakdown, year }: { outcomes: IndicatorOutcome[]; breakdown: GradeBreakdown; year: number }): React.JSX.Element {
  const { t, locale } = usePane();
  const styles = useStyles();
  const label = fiscalYearLabel(year);
  const groups: { key: string; label: string; items: IndicatorOutcome[] }[] = [
    ...breakdown.grades.map((g) => ({ key: `grade:${g.grade}`, label: gradeText(g.grade, locale), items: outcomes.filter((o) => o.result.graded && o.result.grade === g.grade) })),
    ...[...breakdown.notGraded.map((n) => n.kind), "monitoring" as const].map((kind) => ({
      key: kind,
      label: t[KIND_LABELS[kind]],
      items: outcomes.filter((o) => outcomeKind(o.result) === (kind as OutcomeKind)),
    })),
  ].filter((g) => g.items.length > 0);
  return (
    <div className={styles.groups} data-testid="outcome-details">
      {groups.map((g) => (
        <details key={g.key}>
          <summary className={styles.summary}>{fill(t.openGroup, { label: g.label, count: g.items.length })}</summary>
          <ul className={styles.list}>
            {g.items.map((o) => (
              <Details key={o.indicator.key} outcome={o} year={label} />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
