import type { XmlHandlers, XmlTag } from "./scanXml";
import { XmlSyntaxError } from "./XmlSyntaxError";
import { plainBodyStart } from "./plainBodyStart";
import * as xmlChars from "./xmlChars";

// Run under tsx (bin/kpi-sheets.js), every use of an imported name is a getter call; the names used
// for every character are taken once here.
const { ASCII_NAME, isCharCode, isNameChar, isNameStart, NAME_CHAR, PREDEFINED_ENTITIES, referenceCode } = xmlChars;

/** The attributes of every tag that has none (each `<v>`, most of shared strings): one object, frozen. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze<Record<string, string>>({});

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * Read plain XML — elements, attributes, text and entity and character references, nothing else —
 * reporting the same events, with the same offsets, as scanXml's full parser (saxes) reports for
 * it. Returns false, having reported nothing, when the part holds more than that (plainBodyStart);
 * throws XmlSyntaxError where the text is not well-formed, as the full parser would. It exists for
 * speed: worksheets are megabytes of `<c>` and `<v>`, and this reads them several times faster.
 */
export function scanPlainXml(xml: string, part: string, handlers: XmlHandlers, fragment: boolean): boolean {
  const body = plainBodyStart(xml, fragment);
  if (body < 0) return false;
  const fail = (at: number, detail: string): never => {
    throw new XmlSyntaxError(part, `${detail} (offset ${at})`);
  };
  const { open, close, text } = handlers;
  const length = xml.length;

  /** The end of the name starting at `at` (which must start one). */
  const nameEnd = (at: number): number => {
    let c = xml.charCodeAt(at);
    if (!(at < length && isNameStart(c))) fail(at, "a name was expected");
    let p = at + 1;
    // ASCII names (every name in a spreadsheet part) by table; others character by character.
    while ((c = xml.charCodeAt(p)) < 128 && (ASCII_NAME[c] & NAME_CHAR) !== 0) p++;
    if (c < 128 && xml.charCodeAt(at) < 128) return p;
    p = at;
    while (p < length && isNameChar((c = xml.charCodeAt(p)))) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = xml.charCodeAt(p + 1);
        if (c > 0xdb7f || !(low >= 0xdc00 && low <= 0xdfff)) fail(p, "a character that cannot be in a name");
        p++;
      }
      p++;
    }
    return p;
  };

  /** Decode (and check) character data or an attribute value from `from` to `to`. */
  const decode = (from: number, to: number, attribute: boolean): string => {
    let out = "";
    let copied = from;
    for (let p = from; p < to; p++) {
      const c = xml.charCodeAt(p);
      if (c >= 0x20 && c < 0xd800 && c !== 38 && c !== 93 && c !== 60) continue;
      if (c === 38) {
        const semi = xml.indexOf(";", p);
        if (semi < 0 || semi >= to) fail(p, "an unterminated entity reference");
        let decoded: string;
        if (xml.charCodeAt(p + 1) === 35) {
          const hex = xml.charCodeAt(p + 2) === 120;
          const code = referenceCode(xml.slice(p + (hex ? 3 : 2), semi), hex);
          if (!isCharCode(code)) fail(p, "a malformed character reference");
          decoded = String.fromCodePoint(code);
        } else {
          const named = PREDEFINED_ENTITIES.get(xml.slice(p + 1, semi));
          if (named === undefined) fail(p, "an undefined entity");
          decoded = named!;
        }
        out += xml.slice(copied, p) + decoded;
        copied = semi + 1;
        p = semi;
      } else if (c === 60) {
        fail(p, "'<' in an attribute value");
      } else if (c === 93) {
        if (!attribute && xml.charCodeAt(p + 1) === 93 && xml.charCodeAt(p + 2) === 62) fail(p, "']]>' in character data");
      } else if (c === 9 || c === 10) {
        if (attribute) {
          out += `${xml.slice(copied, p)} `;
          copied = p + 1;
        }
      } else if (c === 13) {
        // Line ends: CR LF and a lone CR are one LF, and in an attribute value one space.
        out += xml.slice(copied, p) + (attribute ? " " : "\n");
        if (xml.charCodeAt(p + 1) === 10 && p + 1 < to) p++;
        copied = p + 1;
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const low = xml.charCodeAt(p + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff) || p + 1 >= to) fail(p, "a lone surrogate");
        p++;
      } else if (c <= 0xdfff || c >= 0xfffe) {
        fail(p, "a character XML does not allow");
      }
    }
    return copied === from ? xml.slice(from, to) : out + xml.slice(copied, to);
  };

  const stack: XmlTag[] = [];
  let roots = 0;
  let at = body;
  while (at < length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at) {
      if (stack.length === 0) {
        for (let p = at; p < textEnd; p++) if (!isSpace(xml.charCodeAt(p))) fail(p, "text outside the root element");
      } else {
        const value = decode(at, textEnd, false);
        text?.(value);
      }
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      const end = nameEnd(lt + 2);
      let p = end;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== 62) fail(p, "'>' was expected");
      const tag = stack.pop();
      if (!tag || tag.name.length !== end - lt - 2 || !xml.startsWith(tag.name, lt + 2)) fail(lt, "a closing tag that does not match");
      close?.(tag!, p + 1);
      at = p + 1;
      continue;
    }
    if (stack.length === 0 && roots > 0 && !fragment) fail(lt, "a second root element");
    const end = nameEnd(lt + 1);
    const name = xml.slice(lt + 1, end);
    let attributes = NO_ATTRIBUTES;
    let p = end;
    for (;;) {
      const spaced = p;
      while (isSpace(xml.charCodeAt(p))) p++;
      const c = xml.charCodeAt(p);
      if (c === 62 || (c === 47 && xml.charCodeAt(p + 1) === 62)) break;
      if (p === spaced) fail(p, p >= length ? "an unclosed start tag" : "white space was expected between attributes");
      const attrEnd = nameEnd(p);
      const attrName = xml.slice(p, attrEnd);
      p = attrEnd;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== 61) fail(p, "'=' was expected");
      p++;
      while (isSpace(xml.charCodeAt(p))) p++;
      const quote = xml.charCodeAt(p);
      if (quote !== 34 && quote !== 39) fail(p, "a quoted value was expected");
      // The closing quote, noting on the way whether the value needs decoding or checking.
      let close = p + 1;
      let plain = true;
      for (let c = xml.charCodeAt(close); c !== quote; c = xml.charCodeAt(++close)) {
        if (close >= length) fail(p, "an unclosed attribute value");
        if (c < 0x20 || c === 38 || c === 60 || c >= 0xd800) plain = false;
      }
      if (attributes === NO_ATTRIBUTES) attributes = {};
      else if (Object.hasOwn(attributes, attrName)) fail(p, `a duplicate attribute ${attrName}`);
      const value = plain ? xml.slice(p + 1, close) : decode(p + 1, close, true);
      // An attribute named like the prototype's accessor is kept as a plain property.
      if (attrName === "__proto__") Object.defineProperty(attributes, attrName, { value, enumerable: true, writable: true, configurable: true });
      else attributes[attrName] = value;
      p = close + 1;
    }
    const selfClosing = xml.charCodeAt(p) === 47;
    const openEnd = p + (selfClosing ? 2 : 1);
    const colon = name.indexOf(":");
    const tag: XmlTag = { name, local: colon < 0 ? name : name.slice(colon + 1), attributes, start: lt, openEnd, selfClosing, depth: stack.length };
    if (stack.length === 0) roots++;
    open?.(tag);
    if (selfClosing) close?.(tag, openEnd);
    else stack.push(tag);
    at = openEnd;
  }
  if (stack.length > 0) fail(length, `an unclosed element ${stack[stack.length - 1].name}`);
  if (roots === 0 && !fragment) fail(length, "no root element");
  return true;
}
