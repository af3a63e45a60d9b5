import type { Splice } from "../xml/splice";
import { startTag } from "../xml/xmlText";
import type { ColSpot, SheetLayout } from "./scanLayout";

/** The widest a new column gets from the column it copies its look from (characters). */
const MAX_COPIED_WIDTH = 16;

function widthOf(items: ColSpot[], col: number): number | null {
  const spec = items.find((c) => col >= c.min && col <= c.max);
  const width = Number(spec?.tag.attributes.width);
  return spec && spec.tag.attributes.width !== undefined && width > 0 ? width : null;
}

function colTag(name: string, attributes: Record<string, string>, min: number, max: number, width?: number): string {
  const a: Record<string, string> = { ...attributes, min: String(min + 1), max: String(max + 1) };
  if (width !== undefined) {
    a.width = String(width);
    a.customWidth = "1";
  }
  return startTag(name, a, true);
}

/**
 * A new column (a header written with the look of another) gets that column's width, up to 16,
 * when it has none of its own: the one `<col>` covering it is split, or a `<col>` is added.
 */
export function columnWidths(layout: SheetLayout, wanted: { col: number; from: number }[], prefix: string): Splice[] {
  const items = layout.cols?.items ?? [];
  const set = new Map<number, number>();
  for (const { col, from } of wanted) {
    const width = widthOf(items, from);
    if (width !== null && widthOf(items, col) === null && !set.has(col)) set.set(col, Math.min(width, MAX_COPIED_WIDTH));
  }
  if (set.size === 0) return [];
  const splices: Splice[] = [];
  const fresh: { col: number; width: number }[] = [];
  const splitting = new Map<ColSpot, { col: number; width: number }[]>();
  for (const [col, width] of set) {
    const spec = items.find((c) => col >= c.min && col <= c.max);
    if (!spec) fresh.push({ col, width });
    else splitting.set(spec, [...(splitting.get(spec) ?? []), { col, width }]);
  }
  for (const [spec, cols] of splitting) {
    const parts: string[] = [];
    let from = spec.min;
    for (const { col, width } of cols.sort((a, b) => a.col - b.col)) {
      if (col > from) parts.push(colTag(spec.tag.name, spec.tag.attributes, from, col - 1));
      parts.push(colTag(spec.tag.name, spec.tag.attributes, col, col, width));
      from = col + 1;
    }
    if (from <= spec.max) parts.push(colTag(spec.tag.name, spec.tag.attributes, from, spec.max));
    splices.push({ start: spec.tag.start, end: spec.end, text: parts.join("") });
  }
  fresh.sort((a, b) => a.col - b.col);
  if (!layout.cols) {
    const at = layout.sheetData!.tag.start;
    if (fresh.length > 0) splices.push({ start: at, end: at, text: `<${prefix}cols>${fresh.map(({ col, width }) => colTag(`${prefix}col`, {}, col, col, width)).join("")}</${prefix}cols>` });
    return splices;
  }
  const cols = layout.cols;
  const name = items[0]?.tag.name ?? `${prefix}col`;
  for (const { col, width } of fresh) {
    const text = colTag(name, {}, col, col, width);
    if (cols.tag.selfClosing) {
      // Only when <cols/> is empty: rewrite it whole (one new column at most reaches here in practice).
      splices.push({ start: cols.tag.start, end: cols.end, text: `${startTag(cols.tag.name, cols.tag.attributes)}${fresh.map((f) => colTag(name, {}, f.col, f.col, f.width)).join("")}</${cols.tag.name}>` });
      break;
    }
    const next = items.find((c) => c.min > col);
    const at = next ? next.tag.start : cols.end - `</${cols.tag.name}>`.length;
    splices.push({ start: at, end: at, text });
  }
  return splices;
}
