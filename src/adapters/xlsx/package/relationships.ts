import { scanXml } from "../xml/scanXml";
import { startTag } from "../xml/xmlText";

/** One relationship of a part (`_rels/*.rels`). */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Whether a relationship type ends with this name (transitional and strict namespaces alike). */
export function isType(rel: Relationship, name: string): boolean {
  return rel.type.endsWith(`/${name}`);
}

export function parseRelationships(xml: string, part: string): Relationship[] {
  const rels: Relationship[] = [];
  scanXml(xml, part, {
    open(tag) {
      if (tag.local !== "Relationship") return;
      const a = tag.attributes;
      rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" });
    },
  });
  return rels;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function folderOf(part: string): string[] {
  const segments = part.split("/");
  segments.pop();
  return segments;
}

/** The part a target points at, from the part that holds the relationship: relative or absolute ("/xl/…"). */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A malformed escape is kept as written.
  }
  const segments = decoded.startsWith("/") ? [] : folderOf(sourcePart);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** A relative target from one part to another (`../comments1.xml`). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = folderOf(sourcePart);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const RELATIONSHIPS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">`;

/** An empty relationships part. */
export function emptyRelationships(): string {
  return `${RELATIONSHIPS_HEAD}</Relationships>`;
}

/**
 * Add relationships (in order) to a part, or make the part when there is none (`xml` null: written
 * straight, rId1, rId2, …); returns the text and the new ids.
 */
export function addRelationships(xml: string | null, part: string, added: { type: string; target: string }[]): { xml: string; ids: string[] } {
  if (xml === null) {
    const ids = added.map((_, i) => `rId${i + 1}`);
    const elements = added.map((r, i) => startTag("Relationship", [["Id", ids[i]], ["Type", r.type], ["Target", r.target]], true)).join("");
    return { xml: `${RELATIONSHIPS_HEAD}${elements}</Relationships>`, ids };
  }
  const ids: string[] = [];
  let text = xml;
  for (const r of added) {
    const next = addRelationship(text, part, r.type, r.target);
    text = next.xml;
    ids.push(next.id);
  }
  return { xml: text, ids };
}

/** Add a relationship before the closing tag; returns the new text and the new id (rIdN, unused). */
export function addRelationship(xml: string, part: string, type: string, target: string): { xml: string; id: string } {
  const ids = new Set<string>();
  let rootName = "Relationships";
  let insertAt = -1;
  let selfClosing = false;
  let rootStart = 0;
  scanXml(xml, part, {
    open(tag) {
      if (tag.depth === 0) {
        rootName = tag.name;
        selfClosing = tag.selfClosing;
        rootStart = tag.start;
      }
      if (tag.local === "Relationship") ids.add(tag.attributes.Id);
    },
    close(tag, end) {
      if (tag.depth === 0) insertAt = tag.selfClosing ? end : end - `</${tag.name}>`.length;
    },
  });
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const prefix = rootName.includes(":") ? rootName.slice(0, rootName.indexOf(":") + 1) : "";
  const element = startTag(`${prefix}Relationship`, [["Id", id], ["Type", type], ["Target", target]], true);
  if (selfClosing) {
    const open = xml.slice(rootStart, insertAt - 2) + ">";
    return { xml: `${xml.slice(0, rootStart)}${open}${element}</${rootName}>${xml.slice(insertAt)}`, id };
  }
  return { xml: xml.slice(0, insertAt) + element + xml.slice(insertAt), id };
}

/** Remove the relationship with this id. */
export function removeRelationship(xml: string, part: string, id: string): string {
  let cut: [number, number] | null = null;
  scanXml(xml, part, {
    close(tag, end) {
      if (tag.local === "Relationship" && tag.attributes.Id === id) cut = [tag.start, end];
    },
  });
  const found = cut as [number, number] | null;
  return found ? xml.slice(0, found[0]) + xml.slice(found[1]) : xml;
}
