import { scanXml, type XmlTag } from "./scanXml";

/** A start tag in a part: where it starts, where it ends, whether it closes itself ("<c/>"). */
export interface StartTagSpan {
  start: number;
  openEnd: number;
  selfClosing: boolean;
}

/**
 * Read the names and attributes of some start tags of a part, found before by a scan of the whole
 * part, with one parser run over just those tags: each is closed on the spot (its last ">" becomes
 * "/>") and the tags are parsed side by side as a fragment. The tags come back in the order given,
 * with the part's offsets (their depth unknown: -1).
 */
export function scanStartTags(xml: string, part: string, spans: StartTagSpan[]): XmlTag[] {
  if (spans.length === 0) return [];
  const text = spans.map((s) => (s.selfClosing ? xml.slice(s.start, s.openEnd) : `${xml.slice(s.start, s.openEnd - 1)}/>`)).join("");
  const tags: XmlTag[] = [];
  scanXml(text, part, {
    open(tag) {
      const span = spans[tags.length];
      tag.start = span.start;
      tag.openEnd = span.openEnd;
      tag.selfClosing = span.selfClosing;
      tag.depth = -1;
      tags.push(tag);
    },
  }, { fragment: true });
  if (tags.length !== spans.length) throw new Error(`${part}: ${spans.length} start tags, ${tags.length} read`);
  return tags;
}
