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
  // Sorting indexes (not copies of the splices) keeps equal offsets in the order given.
  const order = splices.map((_, i) => i).sort((a, b) => splices[a].start - splices[b].start || splices[a].end - splices[b].end || a - b);
  const parts: string[] = [];
  let at = 0;
  for (const i of order) {
    const s = splices[i];
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
