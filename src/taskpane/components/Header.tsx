/**
 * The pane's sticky header: the title, what the workbook holds, the fiscal year every view works
 * on, 再読み込み, and 元に戻す naming the operation it undoes (the history is undone last first).
 */
import * as React from "react";
import { Button, Caption1, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { fill } from "../i18n";
import { operationText } from "../wording";
import { usePane } from "./PaneContext";
import { useWorkbench } from "./useWorkbench";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  found: { color: tokens.colorNeutralForeground2 },
});

/** What was found, the year, refresh and undo. */
export function WorkbookBar(): React.JSX.Element {
  const { t, workbench } = usePane();
  useWorkbench(workbench);
  const styles = useStyles();
  const model = workbench.model;
  const next = workbench.nextUndo;
  const undoLabel = next ? fill(t.undoOperation, { operation: operationText(t, next) }) : t.undoNothing;
  // How many steps the history holds: a plain title (a Fluent tooltip would cover 再読み込み beside it).
  const history = workbench.undoDepth > 1 ? fill(t.undoHistory, { count: workbench.undoDepth }) : undefined;
  return (
    <>
      {model && (
        <Caption1 className={styles.found} data-testid="found">
          {fill(t.workbookFound, { sheets: model.sheets.length, projects: model.sheets.reduce((n, s) => n + s.projects, 0), indicators: model.indicators.length })}
        </Caption1>
      )}
      <div className={styles.bar}>
        <Select
          size="small"
          aria-label={t.year}
          value={workbench.year === null ? "" : String(workbench.year)}
          onChange={(_, d) => workbench.chooseYear(Number(d.value))}
        >
          {workbench.yearChoices().map((fy) => (
            <option key={fy} value={String(fy)}>
              {fiscalYearLabel(fy)}
            </option>
          ))}
        </Select>
        <Button size="small" disabled={workbench.busy} onClick={() => void workbench.refresh()}>
          {t.refresh}
        </Button>
        <Button size="small" title={history} disabled={!next || workbench.busy} onClick={() => void workbench.undo()}>
          {undoLabel}
        </Button>
      </div>
    </>
  );
}

const useHeaderStyles = makeStyles({
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
});

/** Where a result scrolled into view stops: below the sticky header (see Header). */
export const BELOW_HEADER = "calc(var(--kpi-header-height, 0px) + 8px)";

export function Header({ title, subtitle, children }: { title: string; subtitle?: string; children?: React.ReactNode }): React.JSX.Element {
  const styles = useHeaderStyles();
  const ref = React.useRef<HTMLElement>(null);
  // The header's height as a CSS variable on the pane, so results scrolled into view are not under it.
  React.useLayoutEffect(() => {
    const header = ref.current;
    if (!header || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => header.parentElement?.style.setProperty("--kpi-header-height", `${header.offsetHeight}px`));
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return (
    <header ref={ref} className={styles.header}>
      <Subtitle2 as="h1" className={styles.title}>
        {title}
      </Subtitle2>
      {subtitle && <Caption1>{subtitle}</Caption1>}
      {children}
    </header>
  );
}
