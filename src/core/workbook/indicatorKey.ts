import { foldName } from "../text/normalize";

/**
 * A key that names an indicator across runs (rows may be inserted between them): the sheet, the
 * project and the folded name. A second indicator of the same name in one project gets `#2`.
 */
export function indicatorKey(sheet: string, projectNo: string | undefined, name: string, seen: Set<string>): { key: string; duplicate: boolean } {
  const base = `${sheet}|${projectNo ?? ""}|${foldName(name)}`;
  if (!seen.has(base)) {
    seen.add(base);
    return { key: base, duplicate: false };
  }
  let n = 2;
  while (seen.has(`${base}#${n}`)) n++;
  const key = `${base}#${n}`;
  seen.add(key);
  return { key, duplicate: true };
}
