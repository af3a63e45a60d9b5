/**
 * The ribbon's function file (FunctionFile in manifest.xml). Commands that run without the task
 * pane (the "evaluate" button comes with the task pane issue) are registered here with
 * Office.actions.associate; for now the page only initialises office.js.
 */
export function registerCommands(office: typeof Office): void {
  void office.onReady();
}

if (typeof Office !== "undefined") registerCommands(Office);
