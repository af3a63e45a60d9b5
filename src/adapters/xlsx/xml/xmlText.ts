/** Writing XML text: escaping, start tags, and the _xHHHH_ escapes of SpreadsheetML strings. */

export function escapeText(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const entity = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : null;
    if (entity) {
      out += text.slice(from, i) + entity;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

/** Whether a character code is one an attribute value escapes (& < " newline, return, tab). */
function escapedInAttribute(c: number): boolean {
  return c === 38 || c === 60 || c === 34 || c === 10 || c === 13 || c === 9;
}

export function escapeAttribute(value: string): string {
  // Scanned by character code: no one-character string and no table lookup for each character.
  let i = 0;
  while (i < value.length && !escapedInAttribute(value.charCodeAt(i))) i++;
  if (i === value.length) return value;
  let out = value.slice(0, i);
  for (; i < value.length; i++) out += ATTRIBUTE_ESCAPES[value[i]] ?? value[i];
  return out;
}

/** `<name a="1" b="2">` (or `<name … />`), attributes in the order given. */
export function startTag(name: string, attributes: Record<string, string> | [string, string][], selfClosing = false): string {
  const pairs = Array.isArray(attributes) ? attributes : Object.entries(attributes);
  let tag = `<${name}`;
  for (const [key, value] of pairs) tag += ` ${key}="${escapeAttribute(value)}"`;
  return tag + (selfClosing ? "/>" : ">");
}

/** `<name …>` with the attributes in their order, `key` given `value` instead when value is defined. */
export function startTagWith(name: string, attributes: Record<string, string>, key: string, value: string | undefined): string {
  let tag = `<${name}`;
  for (const k in attributes) tag += ` ${k}="${escapeAttribute(k === key && value !== undefined ? value : attributes[k])}"`;
  return `${tag}>`;
}

/** An element holding only text. */
export function textElement(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `${startTag(name, attributes)}${escapeText(text)}</${name}>`;
}

const HEX4 = /_x([0-9A-Fa-f]{4})_/g;

/** SpreadsheetML strings escape characters XML cannot hold as `_xHHHH_` (ST_Xstring): decode them. */
export function decodeXString(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(HEX4, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function hex4(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
}

function needsXString(text: string): boolean {
  if (text.includes("_x")) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return true;
  }
  return false;
}

/** The reverse of decodeXString: control characters, and a literal `_xHHHH_`, escaped. */
export function encodeXString(text: string): string {
  if (!needsXString(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    const literalEscape = c === 0x5f && text[i + 1] === "x" && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7));
    out += control || c === 0xfffe || c === 0xffff ? hex4(c) : literalEscape ? hex4(c) : text[i];
  }
  return out;
}
