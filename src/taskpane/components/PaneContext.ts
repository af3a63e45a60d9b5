import * as React from "react";
import type { Locale, Strings } from "../i18n";
import type { Workbench } from "../../app/Workbench";

/** What every view needs: the strings of the pane's language and the Workbench. */
export interface Pane {
  t: Strings;
  locale: Locale;
  workbench: Workbench<unknown>;
}

export const PaneContext = React.createContext<Pane | null>(null);

/** Inside a view: the pane (views are only rendered with a workbook). */
export function usePane(): Pane {
  const pane = React.useContext(PaneContext);
  if (!pane) throw new Error("views render inside <App> with a workbench");
  return pane;
}
