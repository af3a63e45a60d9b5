/**
 * Task pane entry: waits for Office.onReady, then renders the shell in the display language and
 * theme of Office. Outside Office (plain browser, office.js missing or not answering) the shell
 * says so instead of failing.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { watchEnvironment, type BrowserHints, type Environment, type OfficeLike } from "./environment";
import { OfficeWorkbookAdapter } from "../adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../app/Workbench";

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
  // too-old.js found IE11 or EdgeHTML and shows its message instead.
  if (document.documentElement.hasAttribute("data-too-old")) return;
  const container = document.getElementById("root");
  if (!container) throw new Error("task pane: #root is missing from taskpane.html");
  // The page has no stylesheet (the CSP allows no inline CSS); set the body's margin through the CSSOM.
  document.body.style.margin = "0";
  const root = createRoot(container);
  let workbench: Workbench<unknown> | undefined;
  let ready = false;
  const show = (env: Environment): void => {
    if (env.status === "excel" && !workbench && typeof Excel !== "undefined") {
      // The add-in's operations on the open workbook; shown once the workbook has been read.
      workbench = new Workbench(new OfficeWorkbookAdapter(Excel, Office.context.requirements));
      const done = (): void => {
        ready = true;
        show(env);
      };
      workbench.refresh().then(done, done);
    }
    document.documentElement.lang = env.locale;
    document.title = env.locale === "ja" ? "KPI評価シート" : "KPI Sheets";
    root.render(
      <React.StrictMode>
        <App locale={env.locale} theme={env.theme} status={env.status} workbench={ready ? workbench : undefined} />
      </React.StrictMode>,
    );
  };
  const office: OfficeLike | undefined = typeof Office === "undefined" ? undefined : Office;
  watchEnvironment(office, browserHints(), show);
}

start();
