/**
 * Task pane entry: waits for Office.onReady, then renders the shell in the display language and
 * theme of Office. Outside Office (plain browser, office.js missing or not answering) the shell
 * says so instead of failing.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { watchEnvironment, type BrowserHints, type Environment, type OfficeLike } from "./environment";

function browserHints(): BrowserHints {
  let prefersDark = false;
  try {
    prefersDark = window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  } catch {
    // matchMedia is missing in some embedded browsers; stay light.
  }
  return { language: navigator.language, prefersDark };
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("task pane: #root is missing from taskpane.html");
  // The page has no stylesheet (the CSP allows no inline CSS); set the body's margin through the CSSOM.
  document.body.style.margin = "0";
  const root = createRoot(container);
  const show = (env: Environment): void => {
    document.documentElement.lang = env.locale;
    document.title = env.locale === "ja" ? "KPI評価シート" : "KPI Sheets";
    root.render(
      <React.StrictMode>
        <App locale={env.locale} theme={env.theme} status={env.status} />
      </React.StrictMode>,
    );
  };
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  watchEnvironment(office, browserHints(), show);
}

start();
