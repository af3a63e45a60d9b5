import { scanXml, type XmlTag } from "../xml/scanXml";
import { decodeXString, encodeXString, escapeText, startTag } from "../xml/xmlText";

export interface SharedStrings {
  /** Plain text of every `<si>`: rich-text runs joined, phonetic guides (`<rPh>`, furigana) left out. */
  texts: string[];
  /** Whether an `<si>` is plain text (one `<t>`), so a cell we write may share it. */
  plain: boolean[];
  /** The `<sst>` root and where new entries go, as found when the part was read; null once it changed. */
  sst: { tag: XmlTag; insertAt: number } | null;
}

function scanRoot(xml: string, part: string): { tag: XmlTag; insertAt: number } {
  let tag: XmlTag | null = null;
  let insertAt = -1;
  scanXml(xml, part, {
    open(t) {
      if (t.depth === 0) tag ??= t;
    },
    close(t, end) {
      if (t.depth === 0) insertAt = t.selfClosing ? end : end - `</${t.name}>`.length;
    },
  });
  return { tag: tag!, insertAt };
}

export function readSharedStrings(xml: string, part: string): SharedStrings {
  const texts: string[] = [];
  const plain: boolean[] = [];
  let current = "";
  let inT = false;
  let phonetic = 0;
  let runs = 0;
  let root: XmlTag | null = null;
  let insertAt = -1;
  scanXml(xml, part, {
    open(tag) {
      if (tag.depth === 0) root ??= tag;
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
    close(tag, end) {
      if (tag.depth === 0) insertAt = tag.selfClosing ? end : end - `</${tag.name}>`.length;
      if (tag.local === "t") inT = false;
      else if (tag.local === "rPh") phonetic--;
      else if (tag.local === "si") {
        texts.push(decodeXString(current));
        plain.push(runs === 0);
      }
    },
  });
  return { texts, plain, sst: root ? { tag: root, insertAt } : null };
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

  /** The part (`xml`: its text as read, or as changed since) with the new entries and counts, or null when nothing was added or referenced. */
  apply(xml: string, part: string): string | null {
    if (this.references === 0) return null;
    const { tag: sst, insertAt } = this.strings.sst ?? scanRoot(xml, part);
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
