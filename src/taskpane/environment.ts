/**
 * Where the task pane runs: in Excel, in another Office application, or outside Office (a plain
 * browser, office.js missing). Pure functions over the Office object so they can be tested
 * without Office.
 */
import { localeFromLanguage, type Locale } from "./i18n";
import { themeKindFromOffice, type OfficeThemeLike, type ThemeKind } from "./theme";

export type ShellStatus = "loading" | "excel" | "other-host" | "outside";

export interface Environment {
  status: ShellStatus;
  locale: Locale;
  theme: ThemeKind;
}

/** What Office.onReady resolves with (host is null outside Office). */
export interface ReadyInfo {
  host: Office.HostType | string | null;
  platform?: Office.PlatformType | string | null;
}

/** The bits of the Office object read here; Office itself satisfies it. */
export interface OfficeLike {
  onReady(): Promise<ReadyInfo>;
  context?: { displayLanguage?: string; officeTheme?: OfficeThemeLike };
}

/** The browser's side of things, used when Office gives no answer. */
export interface BrowserHints {
  language?: string;
  prefersDark?: boolean;
}

/** Environment before or without Office: status as given, language and theme from the browser. */
export function browserEnvironment(status: ShellStatus, hints: BrowserHints = {}): Environment {
  return { status, locale: localeFromLanguage(hints.language), theme: themeKindFromOffice(undefined, hints.prefersDark) };
}

function safeContext(office: OfficeLike): OfficeLike["context"] {
  try {
    return office.context;
  } catch {
    return undefined;
  }
}

/** Environment once Office.onReady has answered. */
export function environmentFromReady(info: ReadyInfo | null | undefined, office: OfficeLike, hints: BrowserHints = {}): Environment {
  const host = info?.host == null ? null : String(info.host);
  if (host === null) return browserEnvironment("outside", hints);
  const context = safeContext(office);
  let language: string | undefined;
  let officeTheme: OfficeThemeLike | undefined;
  try {
    language = context?.displayLanguage;
    officeTheme = context?.officeTheme;
  } catch {
    // Some hosts throw for properties they do not support; the browser's hints stand in.
  }
  return {
    status: host === "Excel" ? "excel" : "other-host",
    locale: localeFromLanguage(language ?? hints.language),
    theme: themeKindFromOffice(officeTheme, hints.prefersDark),
  };
}

/**
 * Starts watching Office and reports each environment to `show`: "loading" at once, then the
 * answer of Office.onReady. Without office.js, or when it does not answer within timeoutMs,
 * reports "outside" (and still switches over if Office answers later). Returns a canceller.
 */
export function watchEnvironment(
  office: OfficeLike | undefined,
  hints: BrowserHints,
  show: (env: Environment) => void,
  timeoutMs = 10_000,
): () => void {
  if (!office || typeof office.onReady !== "function") {
    show(browserEnvironment("outside", hints));
    return () => undefined;
  }
  show(browserEnvironment("loading", hints));
  let done = false;
  const timer = setTimeout(() => {
    if (!done) show(browserEnvironment("outside", hints));
  }, timeoutMs);
  const finish = (env: Environment): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    show(env);
  };
  let ready: Promise<ReadyInfo>;
  try {
    ready = office.onReady();
  } catch {
    finish(browserEnvironment("outside", hints));
    return () => undefined;
  }
  ready.then(
    (info) => finish(environmentFromReady(info, office, hints)),
    () => finish(browserEnvironment("outside", hints)),
  );
  return () => {
    done = true;
    clearTimeout(timer);
  };
}
