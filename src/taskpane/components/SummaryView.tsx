/**
 * 集計: a chart of the grades, a table of grades by 担当課, and a button that writes (or rewrites)
 * the add-in's summary sheet with every indicator, its rate, grade and trend.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { gradeBreakdown } from "../../app/summary";
import { SUMMARY_SHEET, type Workbench } from "../../app/Workbench";
import type { WorkbookEvaluation } from "../../core/workbook/evaluateWorkbook";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { width: "3em" },
  fill: { height: "12px", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
});

export function SummaryView<U>({ t, workbench }: { t: Strings; workbench: Workbench<U> }): React.JSX.Element {
  const styles = useStyles();
  const [evaluation, setEvaluation] = React.useState<WorkbookEvaluation | null>(workbench.lastEvaluation);
  const [message, setMessage] = React.useState<{ intent: "error" | "success"; text: string } | null>(null);
  const preset = workbench.preset();

  const summarise = async (): Promise<void> => {
    setMessage(null);
    try {
      setEvaluation(await workbench.check());
    } catch (e) {
      setMessage({ intent: "error", text: `${t.failed}: ${(e as Error).message}` });
    }
  };
  const write = async (): Promise<void> => {
    try {
      await workbench.writeSummarySheet();
      setMessage({ intent: "success", text: t.summaryWritten.replace("{sheet}", SUMMARY_SHEET) });
    } catch (e) {
      setMessage({ intent: "error", text: `${t.failed}: ${(e as Error).message}` });
    }
  };

  const counts = evaluation ? gradeBreakdown(evaluation.outcomes, preset).grades : [];
  const max = Math.max(1, ...counts.map((c) => c.count));
  const departments = new Map<string, Map<string, number>>();
  for (const { indicator, result } of evaluation?.outcomes ?? []) {
    const dept = (indicator.department ?? "").split(/[、,，]/)[0].trim() || "—";
    const row = departments.get(dept) ?? new Map<string, number>();
    row.set(result.grade, (row.get(result.grade) ?? 0) + 1);
    departments.set(dept, row);
  }

  return (
    <div className={styles.view}>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => void summarise()}>
          {t.showSummary}
        </Button>
        <Button onClick={() => void write()}>{t.writeSummary}</Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {evaluation && (
        <>
          <figure aria-label={t.gradeChart} style={{ margin: 0 }}>
            <Text weight="semibold">{t.gradeChart}</Text>
            {counts.map(({ grade, count }) => (
              <div key={grade} className={styles.bar} role="img" aria-label={`${grade}: ${count}`}>
                <span className={styles.label}>{grade}</span>
                <div className={styles.fill} style={{ width: `${Math.round((count / max) * 160)}px` }} />
                <span>{count}</span>
              </div>
            ))}
          </figure>
          <Table size="extra-small" aria-label={t.byDepartment}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.department}</TableHeaderCell>
                {counts.map(({ grade }) => (
                  <TableHeaderCell key={grade}>{grade}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...departments].map(([dept, row]) => (
                <TableRow key={dept}>
                  <TableCell>{dept}</TableCell>
                  {counts.map(({ grade }) => (
                    <TableCell key={grade}>{row.get(grade) ?? 0}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
