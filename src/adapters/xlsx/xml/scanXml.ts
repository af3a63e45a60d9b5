import { SaxesParser } from "saxes";
import { scanPlainXml } from "./scanPlainXml";
import { XmlSyntaxError } from "./XmlSyntaxError";

/** A start tag as the parser met it, with where it lies in the text (offsets into the string). */
export interface XmlTag {
  /** The name as written, prefix included ("x:c"). */
  name: string;
  /** The name without its prefix ("c"). */
  local: string;
  attributes: Record<string, string>;
  /** Offset of its "<". */
  start: number;
  /** Offset just after the ">" of the start tag. */
  openEnd: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  /** `end` is the offset just after the element's last ">". */
  close?(tag: XmlTag, end: number): void;
  /** Character data (entities decoded), CDATA included. */
  text?(text: string): void;
}

export { XmlSyntaxError };

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The prefix of a qualified name with its colon ("x:"), or "". */
export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

/**
 * Where the start tag ending at `openEnd` starts. A start tag holds no "<" (attribute values must
 * escape it): the last one before its end starts it. Found by character code: lastIndexOf leaves
 * the compiled code for each of a sheet's tags, and a tag is a few dozen characters.
 */
function tagStart(xml: string, openEnd: number): number {
  let at = openEnd - 1;
  while (at >= 0 && xml.charCodeAt(at) !== 60) at--;
  return at;
}

/**
 * Walk an XML part, reporting every element with its offsets in `xml`, so that callers can splice
 * changes into the original text and keep every other character as it was. Throws XmlSyntaxError
 * on text that is not well-formed. A `fragment` may hold several elements side by side (and no XML
 * declaration). Plain XML (what spreadsheet writers produce) is read by scanPlainXml; anything else
 * (comments, CDATA, processing instructions, a document type) by saxes, a conforming parser.
 */
export function scanXml(xml: string, part: string, handlers: XmlHandlers, options: { fragment?: boolean } = {}): void {
  if (!scanPlainXml(xml, part, handlers, options.fragment ?? false)) scanWithSaxes(xml, part, handlers, options);
}

/** scanXml through saxes (a conforming, non-validating parser), whatever the text holds. */
export function scanWithSaxes(xml: string, part: string, handlers: XmlHandlers, options: { fragment?: boolean } = {}): void {
  const parser = new SaxesParser({ xmlns: false, position: false, fragment: options.fragment ?? false });
  const stack: XmlTag[] = [];
  parser.on("error", (error) => {
    throw new XmlSyntaxError(part, error.message);
  });
  parser.on("opentag", (node) => {
    const openEnd = parser.position;
    const tag: XmlTag = {
      name: node.name,
      local: localName(node.name),
      attributes: node.attributes as Record<string, string>,
      start: tagStart(xml, openEnd),
      openEnd,
      selfClosing: node.isSelfClosing,
      depth: stack.length,
    };
    stack.push(tag);
    handlers.open?.(tag);
  });
  parser.on("closetag", () => {
    const tag = stack.pop()!;
    handlers.close?.(tag, parser.position);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  parser.write(xml).close();
}
