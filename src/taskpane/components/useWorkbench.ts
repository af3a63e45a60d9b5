import * as React from "react";
import type { Workbench } from "../../app/Workbench";

/** Re-render whenever the Workbench's state changes (a write, undo, refresh, year, preview, message). */
export function useWorkbench(workbench?: Workbench<unknown>): number {
  return React.useSyncExternalStore(
    (listener) => (workbench ? workbench.subscribe(listener) : () => undefined),
    () => workbench?.version ?? 0,
  );
}
