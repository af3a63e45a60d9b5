/**
 * 集計: the counts as a chart (monitoring indicators apart), grades by 担当課 as cards that read at
 * 320 px, each indicator's values and grades by year with a small chart when the tables hold several
 * years' actuals, and the add-in's summary sheet written (or rewritten) on request.
 */
import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { historyByYear } from "../../app/history";
import { gradeBreakdown, outcomeKind } from "../../app/summary";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { formatQuantity } from "../../core/values/parseValue";
import { gradeText } from "../explanationText";
import { fill } from "../i18n";
import { breakdownWords, indicatorLabel, KIND_LABELS } from "../wording";
import { usePane } from "./PaneContext";
import { Section } from "./Section";
import { Sparkline } from "./Sparkline";
import { useWorkbench } from "./useWorkbench";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  bar: { display: "grid", gridTemplateColumns: "minmax(3em, max-content) 1fr max-content", alignItems: "center", gap: tokens.spacingHorizontalS },
  fill: { height: "12px", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  cards: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  card: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  history: { display: "grid", gridTemplateColumns: "1fr max-content", gap: tokens.spacingHorizontalS, alignItems: "center" },
  name: { overflowWrap: "anywhere" },
});

export function SummaryView(): React.JSX.Element {
  const { t, locale, workbench } = usePane();
  useWorkbench(workbench);
  const styles = useStyles();
  const evaluation = workbench.evaluation;
  const preset = workbench.preset();
  const history = React.useMemo(
    () => (workbench.model && workbench.year !== null ? historyByYear(workbench.model, workbench.evaluationSettings()) : null),
    // A new evaluation comes with every change of the workbook, the year or the settings (and only then).
    [workbench, workbench.evaluation],
  );
  if (!evaluation) return <div />;
  const breakdown = gradeBreakdown(evaluation.outcomes, preset);
  const bars = [
    ...breakdown.grades.map((g) => ({ label: gradeText(g.grade, locale), count: g.count })),
    ...breakdown.notGraded.map((n) => ({ label: t[KIND_LABELS[n.kind]], count: n.count })),
  ];
  const max = Math.max(1, ...bars.map((b) => b.count));
  const columns = [...breakdown.grades.map((g) => g.grade), ...breakdown.notGraded.map((n) => n.kind), "monitoring"];
  const departments = new Map<string, Map<string, number>>();
  for (const { indicator, result } of evaluation.outcomes) {
    const dept = (indicator.department ?? "").split(/[、,，]/)[0].trim() || "—";
    const row = departments.get(dept) ?? new Map<string, number>();
    const kind = outcomeKind(result);
    const column = kind === "graded" ? result.grade : kind;
    row.set(column, (row.get(column) ?? 0) + 1);
    departments.set(dept, row);
  }
  const columnLabel = (c: string) => (c in KIND_LABELS ? t[KIND_LABELS[c as keyof typeof KIND_LABELS]] : gradeText(c, locale));
  const years = history?.years ?? [];

  return (
    <div className={styles.view}>
      <div>
        <Button appearance="primary" disabled={workbench.busy} onClick={() => void workbench.writeSummarySheet()}>
          {t.writeSummary}
        </Button>
      </div>
      <Section as="figure" title={t.gradeChart}>
        <Text>{breakdownWords(t, locale, breakdown)}</Text>
        {bars.map(({ label, count }) => (
          <div key={label} className={styles.bar} role="img" aria-label={`${label}: ${count}`}>
            <span>{label}</span>
            <div className={styles.fill} style={{ width: `${Math.round((count / max) * 100)}%` }} />
            <span>{count}</span>
          </div>
        ))}
      </Section>
      <Section title={t.byDepartment}>
        <ul className={styles.cards}>
          {[...departments].map(([dept, row]) => (
            <li key={dept} className={styles.card}>
              <h4 className={styles.cardTitle}>{dept}</h4>
              <Caption1>
                {columns
                  .filter((c) => row.has(c))
                  .map((c) => `${columnLabel(c)} ${row.get(c)}`)
                  .join(t.partSeparator)}
              </Caption1>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t.byYear}>
        {years.length < 2 || !history ? (
          <Text>{t.byYearNone}</Text>
        ) : (
          <ul className={styles.cards}>
            {history.indicators.map(({ indicator, unit, points }) => {
              const words = points.map((p) => fill(t.yearPoint, { year: fiscalYearLabel(p.year), value: p.actual === null ? t.noValue : formatQuantity(p.actual, unit), grade: gradeText(p.grade, locale) }));
              return (
                <li key={indicator.key} className={styles.card}>
                  <div className={styles.history}>
                    <span className={styles.name}>
                      {indicatorLabel(indicator)}
                    </span>
                    <Sparkline values={points.map((p) => p.actual)} label={words.join(t.partSeparator)} />
                  </div>
                  <Caption1>{words.join(t.partSeparator)}</Caption1>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
