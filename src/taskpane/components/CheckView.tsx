/**
 * 検証: what was found, the diagnostics grouped by severity and sheet (clicking one selects its cell
 * in Excel), and the indicators whose direction was guessed, for the user to confirm.
 */
import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Workbench } from "../../app/Workbench";
import type { Diagnostic } from "../../core/workbook/Diagnostic";
import type { WorkbookEvaluation } from "../../core/workbook/evaluateWorkbook";
import type { Strings } from "../i18n";
import { TablesPanel } from "./TablesPanel";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

const SEVERITIES = [
  ["error", "severityError"],
  ["warning", "severityWarning"],
  ["info", "severityInfo"],
] as const;

function bySheet(list: Diagnostic[]): [string, Diagnostic[]][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of list) groups.set(d.sheet, [...(groups.get(d.sheet) ?? []), d]);
  return [...groups];
}

export function CheckView<U>({ t, workbench }: { t: Strings; workbench: Workbench<U> }): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [evaluation, setEvaluation] = React.useState<WorkbookEvaluation | null>(null);
  const [confirmed, setConfirmed] = React.useState<Record<string, string>>({});

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await workbench.refresh();
      setEvaluation(await workbench.check());
    } catch (e) {
      setError(`${t.failed}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const model = workbench.model;
  const diagnostics = evaluation && model ? [...model.diagnostics, ...evaluation.diagnostics] : [];
  const guessed = evaluation ? evaluation.outcomes.filter((o) => o.result.flags.includes("direction-inferred")) : [];
  const confirm = async (key: string, direction: "up" | "down"): Promise<void> => {
    await workbench.confirmDirection(key, direction);
    setConfirmed((c) => ({ ...c, [key]: direction }));
  };

  return (
    <div className={styles.view}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.runCheck}
        </Button>
        {busy && <Spinner size="tiny" label={t.checking} />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {evaluation && model && (
        <>
          <Text>
            {t.found
              .replace("{sheets}", String(model.sheets.length))
              .replace("{projects}", String(model.sheets.reduce((n, s) => n + s.projects, 0)))
              .replace("{indicators}", String(model.indicators.length))}
          </Text>
          {diagnostics.length === 0 && <Text>{t.noProblems}</Text>}
          {SEVERITIES.map(([severity, label]) => {
            const list = diagnostics.filter((d) => d.severity === severity);
            if (list.length === 0) return null;
            return (
              <section key={severity} aria-label={t[label]}>
                <Text weight="semibold">
                  {t[label]} ({list.length})
                </Text>
                {bySheet(list).map(([sheet, items]) => (
                  <ul key={sheet} className={styles.list} aria-label={sheet}>
                    {items.map((d, i) => (
                      <li key={i}>
                        <Link as="button" onClick={() => void workbench.selectCell(d.sheet, d.cell || "A1")}>
                          {d.sheet}
                          {d.cell ? `!${d.cell}` : ""}
                        </Link>{" "}
                        {d.message}
                      </li>
                    ))}
                  </ul>
                ))}
              </section>
            );
          })}
          {guessed.length > 0 && (
            <section aria-label={t.directionsToConfirm}>
              <Text weight="semibold">{t.directionsToConfirm}</Text>
              <ul className={styles.list}>
                {guessed.map(({ indicator }) => (
                  <li key={indicator.key}>
                    {indicator.name}{" "}
                    <Button size="small" onClick={() => void confirm(indicator.key, "up")}>
                      {t.directionUp}
                    </Button>{" "}
                    <Button size="small" onClick={() => void confirm(indicator.key, "down")}>
                      {t.directionDown}
                    </Button>
                    {confirmed[indicator.key] && <Text> {t.saved}</Text>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {model && (evaluation || error) && <TablesPanel t={t} workbench={workbench} onChanged={() => void run()} />}
    </div>
  );
}
