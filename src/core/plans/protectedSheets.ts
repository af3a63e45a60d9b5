import type { WorkbookModel } from "../workbook/WorkbookModel";

/** The names of the workbook's protected sheets, as the host read them. */
export function protectedSheets(model: WorkbookModel): Set<string> {
  const names = new Set<string>();
  for (const [name, snapshot] of model.snapshots) if (snapshot.protected) names.add(name);
  return names;
}
