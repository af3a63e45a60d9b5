/** Longest name a message shows in full; longer names are cut (a cell may hold 32,767 characters). */
export const SHOWN_NAME_LENGTH = 200;

/** Excel's limit for the text of one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** A name as a message shows it: cut after SHOWN_NAME_LENGTH characters with `…（全 N 文字）`. */
export function clip(name: string, max = SHOWN_NAME_LENGTH): string {
  if (name.length <= max) return name;
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  return `${chars.slice(0, max).join("")}…（全 ${chars.length.toLocaleString("en-US")} 文字）`;
}
