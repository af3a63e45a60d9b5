/** A change to a text: replace [start, end) by `text` (start = end inserts). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply non-overlapping splices to a text, copying every character outside them as it was.
 * Splices at the same offset keep the order they were given in.
 */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
