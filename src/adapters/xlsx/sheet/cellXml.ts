import type { CellValue } from "../../../core/cells/RawCell";
import { toA1 } from "../../../core/cells/address";
import type { SharedStringsWriter } from "../workbook/sharedStrings";
import { encodeXString, escapeAttribute, escapeText } from "../xml/xmlText";

/** What a cell holds after our edits: its old content, a new value, or a new formula. */
export type CellContent = { kind: "keep"; inner: string } | { kind: "value"; value: CellValue } | { kind: "formula"; text: string };

/** Attributes that describe the old value and must go when the value changes. */
const VALUE_ATTRIBUTES = new Set(["t", "cm", "vm", "ph"]);

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into a cell`);
  return String(n);
}

/**
 * A `<c>` element: `attributes` are the cell's old ones (kept, in order, except the value's type),
 * with `r` first and `s` set (added after the old ones when new, and a new type after it). Text goes
 * to the shared strings when the workbook has them, else inline; it is never a formula.
 */
export function cellXml(name: string, prefix: string, row: number, col: number, xf: number, content: CellContent, attributes: Record<string, string>, strings: SharedStringsWriter | null): string {
  const keep = content.kind === "keep";
  let tag = `<${name} r="${toA1(row, col)}"`;
  let hadStyle = false;
  for (const key in attributes) {
    if (key === "r" || (!keep && VALUE_ATTRIBUTES.has(key))) continue;
    if (key === "s") {
      hadStyle = true;
      if (xf !== 0) tag += ` s="${xf}"`;
    } else tag += ` ${key}="${escapeAttribute(attributes[key])}"`;
  }
  if (!hadStyle && xf !== 0) tag += ` s="${xf}"`;
  if (content.kind === "keep") return content.inner === "" ? `${tag}/>` : `${tag}>${content.inner}</${name}>`;
  let inner = "";
  if (content.kind === "formula") {
    inner = `<${prefix}f>${escapeText(content.text.replace(/^=/, ""))}</${prefix}f>`;
  } else {
    const value = content.value;
    if (typeof value === "string" && value !== "") {
      if (strings) {
        tag += ' t="s"';
        inner = `<${prefix}v>${strings.indexOf(value)}</${prefix}v>`;
      } else {
        tag += ' t="inlineStr"';
        const text = encodeXString(value);
        const space = text.trim() !== text || text.includes("\n") ? ' xml:space="preserve"' : "";
        inner = `<${prefix}is><${prefix}t${space}>${escapeText(text)}</${prefix}t></${prefix}is>`;
      }
    } else if (typeof value === "number") inner = `<${prefix}v>${numberText(value)}</${prefix}v>`;
    else if (typeof value === "boolean") {
      tag += ' t="b"';
      inner = `<${prefix}v>${value ? 1 : 0}</${prefix}v>`;
    }
  }
  return inner === "" ? `${tag}/>` : `${tag}>${inner}</${name}>`;
}
