/**
 * The task pane shell: a sticky header and, inside Excel, one tab per feature. Everything it shows
 * comes from its props and the Workbench, so it renders the same in a test as in Office. The first
 * view is in the entry bundle; the others load when first opened and then stay mounted (hidden), so
 * their inputs and results are kept while the pane is open.
 */
import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { STRINGS, type Locale, type StringKey, type Strings } from "../i18n";
import { fluentTheme, type ThemeKind } from "../theme";
import type { ShellStatus } from "../environment";
import type { Workbench } from "../../app/Workbench";
import { CheckView } from "./CheckView";
import { Header, WorkbookBar } from "./Header";
import { PaneContext } from "./PaneContext";
import { PaneTabs } from "./PaneTabs";
import { StatusMessage } from "./StatusMessage";
import { useWorkbench } from "./useWorkbench";

const FillView = React.lazy(() => import("./FillView").then((m) => ({ default: m.FillView })));
const EvaluateView = React.lazy(() => import("./EvaluateView").then((m) => ({ default: m.EvaluateView })));
const SummaryView = React.lazy(() => import("./SummaryView").then((m) => ({ default: m.SummaryView })));

export interface AppProps {
  locale: Locale;
  theme: ThemeKind;
  status: ShellStatus;
  /** The tab shown first (default: the first). */
  initialTab?: TabId;
  /** The operations, when a workbook is there (in Excel, or the demo's in-memory Excel). */
  workbench?: Workbench<unknown>;
  /** Called once the shell has been committed to the page (for the first-paint measurement). */
  onShown?: () => void;
}

/** The features, in tab order. */
export const TABS = [
  { id: "check", label: "tabCheck", intro: "checkIntro", View: CheckView },
  { id: "actuals", label: "tabActuals", intro: "actualsIntro", View: FillView },
  { id: "evaluate", label: "tabEvaluate", intro: "evaluateIntro", View: EvaluateView },
  { id: "summary", label: "tabSummary", intro: "summaryIntro", View: SummaryView },
] as const satisfies ReadonlyArray<{ id: string; label: StringKey; intro: StringKey; View: React.ComponentType }>;

export type TabId = (typeof TABS)[number]["id"];

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, minWidth: 0 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});

function Panel({ t, tab, selected, workbench }: { t: Strings; tab: (typeof TABS)[number]; selected: boolean; workbench?: Workbench<unknown> }): React.JSX.Element {
  const styles = useStyles();
  const View = tab.View;
  return (
    // (No class while hidden: the panel's display:flex would override the hidden attribute.)
    <section role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={!selected} className={selected ? styles.panel : undefined}>
      <h2 className={styles.heading}>{t[tab.label]}</h2>
      <Text>{t[tab.intro]}</Text>
      {workbench && !workbench.model ? (
        <Spinner size="tiny" label={t.loadingWorkbook} />
      ) : workbench ? (
        <React.Suspense fallback={<Spinner size="tiny" label={t.loadingView} />}>
          <View />
        </React.Suspense>
      ) : (
        <Text className={styles.note} role="note">
          <strong>{t.comingSoonTitle}</strong>: {t.comingSoon}
        </Text>
      )}
    </section>
  );
}

function Features({ t, initialTab, workbench }: { t: Strings; initialTab: TabId; workbench?: Workbench<unknown> }): React.JSX.Element {
  useWorkbench(workbench);
  const [selected, setSelected] = React.useState<TabId>(initialTab);
  // Views are mounted on first visit and kept: switching tabs keeps what was typed and shown.
  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  const onSelect = (id: TabId): void => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };
  return (
    <>
      <PaneTabs tabs={TABS.map((x) => ({ id: x.id, label: t[x.label] }))} selected={selected} onSelect={onSelect} label={t.tabListLabel} />
      {TABS.map((x) =>
        visited.has(x.id) ? (
          <Panel key={x.id} t={t} tab={x} selected={x.id === selected} workbench={workbench} />
        ) : (
          <section key={x.id} role="tabpanel" id={`panel-${x.id}`} aria-labelledby={`tab-${x.id}`} hidden />
        ),
      )}
    </>
  );
}

function Notice({ title, body, intent }: { title: string; body: string; intent: "warning" | "error" }): React.JSX.Element {
  const id = React.useId();
  return (
    <MessageBar intent={intent} layout="multiline" aria-labelledby={id}>
      <MessageBarBody>
        <MessageBarTitle id={id}>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

export function App({ locale, theme, status, initialTab = "check", workbench, onShown }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = STRINGS[locale];
  React.useEffect(() => onShown?.(), [onShown]);
  const pane = React.useMemo(() => (workbench ? { t, locale, workbench } : null), [t, locale, workbench]);
  const inExcel = status === "excel";
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale} className={styles.root} data-theme={theme}>
      <PaneContext.Provider value={pane}>
        <Header title={t.appTitle} subtitle={inExcel && workbench ? undefined : t.appSubtitle}>
          {inExcel && workbench && <WorkbookBar />}
        </Header>
        <main className={styles.main}>
          {status === "loading" && <Spinner size="small" label={t.loading} />}
          {status === "outside" && <Notice intent="warning" title={t.outsideOfficeTitle} body={t.outsideOffice} />}
          {status === "other-host" && <Notice intent="error" title={t.otherHostTitle} body={t.otherHost} />}
          {inExcel && workbench && <StatusMessage />}
          {inExcel && <Features t={t} initialTab={initialTab} workbench={workbench} />}
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}

export default App;
