/**
 * The ribbon's function file (FunctionFile in manifest.xml). 評価を実行 (the `evaluate` button)
 * evaluates the latest year with the settings saved in the workbook, without opening the task pane.
 */
import { OfficeWorkbookAdapter } from "../adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../app/Workbench";

interface CommandEvent {
  completed(): void;
}

/** Evaluate with the saved settings; Office requires completed() whatever happens. */
export async function evaluateCommand(workbench: Workbench<unknown>, event: CommandEvent): Promise<void> {
  try {
    // No pane to show it in: a failure goes to the console, where Office's diagnostics collect it.
    if (!(await workbench.evaluate())) console.error("kpi-sheets: evaluate failed", workbench.message);
  } finally {
    event.completed();
  }
}

export function registerCommands(office: typeof Office): void {
  void office.onReady().then(() => {
    const handler = (event: CommandEvent): void => {
      const workbench = new Workbench(new OfficeWorkbookAdapter(Excel, office.context.requirements));
      void evaluateCommand(workbench, event);
    };
    // Office.actions.associate where the runtime has it (older Office has no Office.actions); the global name for older Office.
    Object.assign(globalThis, { evaluate: handler });
    if ("actions" in office && typeof office.actions?.associate === "function") office.actions.associate("evaluate", handler);
  });
}

if (typeof Office !== "undefined") registerCommands(Office);
