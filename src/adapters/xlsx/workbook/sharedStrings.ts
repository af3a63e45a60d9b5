import { scanXml, type XmlTag } from "../xml/scanXml";
import { decodeXString, encodeXString, escapeText, startTag } from "../xml/xmlText";

export interface SharedStrings {
  /** Plain text of every `<si>`: rich-text runs joined, phonetic guides (`<rPh>`, furigana) left out. */
  texts: string[];
  /** Whether an `<si>` is plain text (one `<t>`), so a cell we write may share it. */
  plain: boolean[];
}

export function readSharedStrings(xml: string, part: string): SharedStrings {
  const texts: string[] = [];
  const plain: boolean[] = [];
  let current = "";
  let inT = false;
  let phonetic = 0;
  let runs = 0;
  scanXml(xml, part, {
    open(tag) {
      if (tag.local === "si") {
        current = "";
        runs = 0;
      } else if (tag.local === "rPh") phonetic++;
      else if (tag.local === "r") runs++;
      else if (tag.local === "t" && phonetic === 0) inT = true;
    },
    text(text) {
      if (inT) current += text;
    },
    close(tag) {
      if (tag.local === "t") inT = false;
      else if (tag.local === "rPh") phonetic--;
      else if (tag.local === "si") {
        texts.push(decodeXString(current));
        plain.push(runs === 0);
      }
    },
  });
  return { texts, plain };
}

/**
 * Appends the strings our cells need to sharedStrings.xml, reusing an identical plain entry; the
 * existing entries keep their order and indexes.
 */
export class SharedStringsWriter {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;

  constructor(private readonly strings: SharedStrings) {
    strings.texts.forEach((text, i) => {
      if (strings.plain[i] && !this.index.has(text)) this.index.set(text, i);
    });
  }

  indexOf(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.texts.length;
      this.strings.texts.push(text);
      this.strings.plain.push(true);
      this.added.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** The part with the new entries and counts, or null when nothing was added or referenced. */
  apply(xml: string, part: string): string | null {
    if (this.references === 0) return null;
    const roots: XmlTag[] = [];
    let insertAt = -1;
    scanXml(xml, part, {
      open(tag) {
        if (tag.depth === 0) roots.push(tag);
      },
      close(tag, end) {
        if (tag.depth === 0) insertAt = tag.selfClosing ? end : end - `</${tag.name}>`.length;
      },
    });
    const sst = roots[0];
    const prefix = sst.name.slice(0, sst.name.length - "sst".length);
    const attributes = { ...sst.attributes };
    if (attributes.count !== undefined) attributes.count = String((Number(attributes.count) || 0) + this.references);
    if (attributes.uniqueCount !== undefined || this.added.length > 0) attributes.uniqueCount = String(this.strings.texts.length);
    const entries = this.added.map((text) => {
      const value = encodeXString(text);
      const space = value.trim() !== value || value.includes("\n") ? ' xml:space="preserve"' : "";
      return `<${prefix}si><${prefix}t${space}>${escapeText(value)}</${prefix}t></${prefix}si>`;
    }).join("");
    const open = startTag(sst.name, attributes);
    if (sst.selfClosing) return `${xml.slice(0, sst.start)}${open}${entries}</${sst.name}>${xml.slice(insertAt)}`;
    return `${xml.slice(0, sst.start)}${open}${xml.slice(sst.openEnd, insertAt)}${entries}${xml.slice(insertAt)}`;
  }
}
