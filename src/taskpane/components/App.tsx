/**
 * The task pane shell: a header and, inside Excel, one tab per feature. Everything it shows
 * comes from its props, so it renders the same in a test as in Office.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Select,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  type SelectTabData,
} from "@fluentui/react-components";
import { STRINGS, type Locale, type StringKey, type Strings } from "../i18n";
import { fluentTheme, type ThemeKind } from "../theme";
import type { ShellStatus } from "../environment";
import type { Workbench } from "../../app/Workbench";
import { CheckView } from "./CheckView";
import { EvaluateView } from "./EvaluateView";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { FillView } from "./FillView";
import { SummaryView } from "./SummaryView";

export interface AppProps {
  locale: Locale;
  theme: ThemeKind;
  status: ShellStatus;
  /** The tab shown first (default: the first). */
  initialTab?: TabId;
  /** The operations, when a workbook is there (in Excel, or the demo's in-memory Excel). */
  workbench?: Workbench<unknown>;
}

/** The features, in tab order; each later view replaces its placeholder panel. */
export const TABS = [
  { id: "check", label: "tabCheck", intro: "checkIntro" },
  { id: "actuals", label: "tabActuals", intro: "actualsIntro" },
  { id: "evaluate", label: "tabEvaluate", intro: "evaluateIntro" },
  { id: "summary", label: "tabSummary", intro: "summaryIntro" },
] as const satisfies ReadonlyArray<{ id: string; label: StringKey; intro: StringKey }>;

export type TabId = (typeof TABS)[number]["id"];

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});

function useWorkbenchVersion(workbench?: Workbench<unknown>): number {
  return React.useSyncExternalStore(
    (listener) => (workbench ? workbench.subscribe(listener) : () => undefined),
    () => workbench?.version ?? 0,
  );
}

function UndoButton({ t, workbench }: { t: Strings; workbench: Workbench<unknown> }): React.JSX.Element {
  useWorkbenchVersion(workbench);
  const [done, setDone] = React.useState(false);
  return (
    <div>
      <Button size="small" disabled={!workbench.lastUndo} onClick={() => void workbench.undo().then(setDone)}>
        {t.undo}
      </Button>
      {done && !workbench.lastUndo && <Caption1> {t.undone}</Caption1>}
    </div>
  );
}

/** What was found, the fiscal year to work on, refresh and undo. */
function WorkbookBar({ t, workbench }: { t: Strings; workbench: Workbench<unknown> }): React.JSX.Element {
  useWorkbenchVersion(workbench);
  const model = workbench.model;
  const found = model
    ? t.workbookFound
        .replace("{sheets}", String(model.sheets.length))
        .replace("{projects}", String(model.sheets.reduce((n, s) => n + s.projects, 0)))
        .replace("{indicators}", String(model.indicators.length))
    : "";
  return (
    <div style={{ display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" }}>
      <Caption1 data-testid="found">{found}</Caption1>
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
      <Button size="small" onClick={() => void workbench.refresh()}>
        {t.refresh}
      </Button>
      <UndoButton t={t} workbench={workbench} />
    </div>
  );
}

function Header({ t, workbench }: { t: Strings; workbench?: Workbench<unknown> }): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.title}>
        {t.appTitle}
      </Title3>
      <Caption1>{t.appSubtitle}</Caption1>
      {workbench && <WorkbookBar t={t} workbench={workbench} />}
    </header>
  );
}

function Notice({ title, body, intent }: { title: string; body: string; intent: "warning" | "error" }): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

function Features({ t, initialTab, workbench }: { t: Strings; initialTab: TabId; workbench?: Workbench<unknown> }): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<TabId>(initialTab);
  const tab = TABS.find((x) => x.id === selected) ?? TABS[0];
  const onTabSelect = (_: unknown, data: SelectTabData): void => setSelected(data.value as TabId);
  return (
    <>
      <TabList selectedValue={selected} onTabSelect={onTabSelect} aria-label={t.tabListLabel} size="small">
        {TABS.map((x) => (
          <Tab key={x.id} value={x.id} id={`tab-${x.id}`} aria-controls={`panel-${x.id}`}>
            {t[x.label]}
          </Tab>
        ))}
      </TabList>
      <section role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} className={styles.panel}>
        <Text>{t[tab.intro]}</Text>
        {tab.id === "evaluate" && workbench ? (
          <EvaluateView t={t} workbench={workbench} />
        ) : tab.id === "check" && workbench ? (
          <CheckView t={t} workbench={workbench} />
        ) : tab.id === "actuals" && workbench ? (
          <FillView t={t} workbench={workbench} />
        ) : tab.id === "summary" && workbench ? (
          <SummaryView t={t} workbench={workbench} />
        ) : (
          <Text className={styles.note} role="note">
            <strong>{t.comingSoonTitle}</strong>: {t.comingSoon}
          </Text>
        )}
      </section>
    </>
  );
}

export function App({ locale, theme, status, initialTab = "check", workbench }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = STRINGS[locale];
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale} className={styles.root} data-theme={theme}>
      <Header t={t} workbench={status === "excel" ? workbench : undefined} />
      <main>
        {status === "loading" && <Spinner size="small" label={t.loading} />}
        {status === "outside" && <Notice intent="warning" title={t.outsideOfficeTitle} body={t.outsideOffice} />}
        {status === "other-host" && <Notice intent="error" title={t.otherHostTitle} body={t.otherHost} />}
        {status === "excel" && <Features t={t} initialTab={initialTab} workbench={workbench} />}
      </main>
    </FluentProvider>
  );
}

export default App;
