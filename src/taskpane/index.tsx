/**
 * Task pane entry: paints the shell at once (office.js has run: it is a blocking script before this
 * deferred bundle), then fills it in as Office.onReady and the workbook read complete. Outside
 * Office (plain browser, office.js missing or not answering) the shell says so instead of failing.
 * Performance marks: kpi:bundle-start, kpi:shell (the shell committed), kpi:office-ready.
 */
import "./startMark";
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
  const shown = (): void => {
    if (performance.getEntriesByName("kpi:shell").length === 0) performance.mark("kpi:shell");
  };
  const show = (env: Environment): void => {
    if (env.status !== "loading" && performance.getEntriesByName("kpi:office-ready").length === 0) performance.mark("kpi:office-ready");
    if (env.status === "excel" && !workbench && typeof Excel !== "undefined") {
      // The add-in's operations on the open workbook: the views fill in when the read completes.
      workbench = new Workbench(new OfficeWorkbookAdapter(Excel, Office.context.requirements));
      void workbench.refresh();
    }
    document.documentElement.lang = env.locale;
    document.title = env.locale === "ja" ? "KPI評価シート" : "KPI Sheets";
    root.render(
      <React.StrictMode>
        <App locale={env.locale} theme={env.theme} status={env.status} workbench={workbench} onShown={shown} />
      </React.StrictMode>,
    );
  };
  const office: OfficeLike | undefined = typeof Office === "undefined" ? undefined : Office;
  watchEnvironment(office, browserHints(), show);
}

start();
