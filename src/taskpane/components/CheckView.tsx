/**
 * 検証: the diagnostics of the workbook as it now is, grouped by sheet (each location once: the sheet
 * as a heading, the cell as a link that selects it in Excel), notes (情報) collapsed; then the
 * indicators whose direction was guessed, to confirm. The view is a list of sections: another one
 * (such as a column-mapping panel) is one more entry in SECTIONS.
 */
import * as React from "react";
import { Button, Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Diagnostic, Severity } from "../../core/workbook/Diagnostic";
import { diagnosticText } from "../diagnosticText";
import { fill } from "../i18n";
import { usePane } from "./PaneContext";
import { Section } from "./Section";
import { TablesPanel } from "./TablesPanel";
import { useWorkbench } from "./useWorkbench";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  h4: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  severity: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_LABEL: Record<Severity, "severityError" | "severityWarning" | "severityInfo"> = { error: "severityError", warning: "severityWarning", info: "severityInfo" };

function bySheet(list: Diagnostic[]): [string, Diagnostic[]][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of list) groups.set(d.sheet, [...(groups.get(d.sheet) ?? []), d]);
  return [...groups];
}

function DiagnosticList({ list, showSeverity }: { list: Diagnostic[]; showSeverity: boolean }): React.JSX.Element {
  const { t, locale, workbench } = usePane();
  const styles = useStyles();
  return (
    <>
      {bySheet(list).map(([sheet, items]) => (
        <div key={sheet}>
          <h4 className={styles.h4}>{sheet}</h4>
          <ul className={styles.list}>
            {items.map((d, i) => (
              <li key={i}>
                {showSeverity && <Caption1 className={styles.severity}>{t[SEVERITY_LABEL[d.severity]]} </Caption1>}
                {d.cell && (
                  <>
                    <Link as="button" aria-label={fill(t.selectCell, { sheet: d.sheet, cell: d.cell })} onClick={() => void workbench.selectCell(d.sheet, d.cell)}>
                      {d.cell}
                    </Link>{" "}
                  </>
                )}
                {diagnosticText(d, locale)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function Diagnostics(): React.JSX.Element | null {
  const { t, workbench } = usePane();
  const [showInfo, setShowInfo] = React.useState(false);
  const infoId = React.useId();
  const model = workbench.model;
  if (!model) return null;
  const all = [...model.diagnostics, ...(workbench.evaluation?.diagnostics ?? [])];
  const counts = (["error", "warning", "info"] as const).map((s) => fill(t.severityCount, { label: t[SEVERITY_LABEL[s]], count: all.filter((d) => d.severity === s).length }));
  const problems = all.filter((d) => d.severity !== "info");
  const info = all.filter((d) => d.severity === "info");
  return (
    <Section title={t.diagnosticsHeading}>
      <Text>{counts.join(t.partSeparator)}</Text>
      {all.length === 0 && <Text>{t.noProblems}</Text>}
      <DiagnosticList list={problems} showSeverity />
      {info.length > 0 && (
        <>
          <div>
            <Button size="small" aria-expanded={showInfo} aria-controls={infoId} onClick={() => setShowInfo((v) => !v)}>
              {showInfo ? t.hideInfo : fill(t.showInfo, { count: info.length })}
            </Button>
          </div>
          <div id={infoId} hidden={!showInfo}>
            {showInfo && <DiagnosticList list={info} showSeverity={false} />}
          </div>
        </>
      )}
    </Section>
  );
}

function Directions(): React.JSX.Element | null {
  const { t, workbench } = usePane();
  const styles = useStyles();
  /** Confirmed here: still listed (with 保存しました) though no longer a guess. */
  const [saved, setSaved] = React.useState<Record<string, "saving" | "saved">>({});
  const guessed = (workbench.evaluation?.outcomes ?? []).filter((o) => o.result.flags.includes("direction-inferred") || saved[o.indicator.key]);
  if (guessed.length === 0) return null;
  const confirm = async (key: string, direction: "up" | "down"): Promise<void> => {
    setSaved((s) => ({ ...s, [key]: "saving" }));
    const done = await workbench.confirmDirection(key, direction);
    setSaved((s) => {
      const { [key]: _, ...rest } = s;
      return done ? { ...rest, [key]: "saved" } : rest;
    });
  };
  return (
    <Section title={t.directionsToConfirm}>
      <ul className={styles.list}>
        {guessed.map(({ indicator }) => (
          <li key={indicator.key}>
            <Text>{indicator.name}</Text>{" "}
            <Button size="small" onClick={() => void confirm(indicator.key, "up")}>
              {t.directionUp}
            </Button>{" "}
            <Button size="small" onClick={() => void confirm(indicator.key, "down")}>
              {t.directionDown}
            </Button>
            {saved[indicator.key] === "saved" && <Caption1> {t.directionSaved}</Caption1>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The view's sections, in order. */
const SECTIONS: React.ComponentType[] = [Diagnostics, Directions, TablesPanel];

export function CheckView(): React.JSX.Element {
  const { workbench } = usePane();
  useWorkbench(workbench);
  const styles = useStyles();
  return (
    <div className={styles.view}>
      {SECTIONS.map((Section, i) => (
        <Section key={i} />
      ))}
    </div>
  );
}
