/** A change to a text: replace [start, end) by `text` (start = end inserts). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Whether splice a goes before splice b (by start, then end; equal ones keep their order). */
function before(a: Splice, b: Splice): boolean {
  return a.start < b.start || (a.start === b.start && a.end < b.end);
}

/**
 * The splices' indexes by offset, equal offsets in the order given. Insertion sort: a patch gives
 * its splices nearly in order (cells by row, then the few elements before sheetData at the end),
 * so each index moves only past the few that are out of place. Splices far from order (rows
 * written out of order in the part) go to the library sort instead, which is never quadratic.
 */
function orderOf(splices: Splice[]): ArrayLike<number> {
  const order = new Int32Array(splices.length);
  let moves = 0;
  for (let i = 0; i < splices.length; i++) {
    let j = i - 1;
    while (j >= 0 && before(splices[i], splices[order[j]])) {
      order[j + 1] = order[j];
      j--;
      if (++moves > 16 * splices.length + 64) return sortedOrder(splices);
    }
    order[j + 1] = i;
  }
  return order;
}

function sortedOrder(splices: Splice[]): number[] {
  return splices.map((_, i) => i).sort((a, b) => splices[a].start - splices[b].start || splices[a].end - splices[b].end || a - b);
}

/**
 * Apply non-overlapping splices to a text, copying every character outside them as it was.
 * Splices at the same offset keep the order they were given in.
 */
export function applySplices(text: string, splices: Splice[]): string {
  const order = orderOf(splices);
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    const s = splices[order[k]];
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
