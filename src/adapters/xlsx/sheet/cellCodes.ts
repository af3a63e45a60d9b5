/** How the sheet index stores a cell's kind in numbers: flags above its column, its `t` and `s` as codes. */

/** Flags of a cell in the index, above its column (which takes the low 16 bits). */
export const CELL_HAS_FORMULA = 1 << 16;
/** The first cell of a shared formula over an area: other cells' formulas depend on its text. */
export const CELL_SHARED_MASTER = 1 << 17;
/** A cell's `t` as a code in bits 18–21 (0: none; CELL_TYPES.length: one we do not know). */
export const CELL_TYPES = ["", "s", "str", "n", "b", "e", "inlineStr", "d"] as const;
export const CELL_TYPE_SHIFT = 18;
/** A cell's `s` as written when it is a plain number ("3"), else: */
export const XF_ABSENT = -1;
export const XF_UNUSUAL = -2;

/** Each `t` by its code, read from CELL_TYPES (so the two cannot disagree). */
const TYPE_CODES = new Map<string, number>(CELL_TYPES.map((t, code) => [t, code]));
TYPE_CODES.delete("");

export function typeCode(t: string | undefined): number {
  return t === undefined ? 0 : (TYPE_CODES.get(t) ?? CELL_TYPES.length);
}

/** `s` as a number when written plainly (digits, no leading zero), else XF_ABSENT or XF_UNUSUAL. */
export function xfCode(s: string | undefined): number {
  if (s === undefined) return XF_ABSENT;
  if (s.length === 0 || s.length > 9 || (s.length > 1 && s.charCodeAt(0) === 48)) return XF_UNUSUAL;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return XF_UNUSUAL;
    n = n * 10 + c;
  }
  return n;
}
