import { toA1 } from "../../../core/cells/address";
import { parseRef } from "../sheet/cellRef";
import type { NoteChange } from "../sheet/patchSheet";
import { scanXml, prefixOf, type XmlTag } from "../xml/scanXml";
import { applySplices, type Splice } from "../xml/splice";
import { encodeXString, escapeText, startTag } from "../xml/xmlText";

/** The author our notes are written under. */
export const NOTE_AUTHOR = "kpi-sheets";

const NEW_COMMENTS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

function commentXml(p: string, ref: string, authorId: number, text: string): string {
  return `${startTag(`${p}comment`, [["ref", ref], ["authorId", String(authorId)]])}<${p}text><${p}r><${p}t xml:space="preserve">${escapeText(encodeXString(text))}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** A new comments part holding these notes (written straight, in cell order: there is nothing to keep). */
function newComments(changes: NoteChange[]): string {
  const notes = changes.filter((c) => c.text !== null).sort((a, b) => a.row - b.row || a.col - b.col);
  const authors = notes.length > 0 ? `<author>${NOTE_AUTHOR}</author>` : "";
  return `${NEW_COMMENTS_HEAD}<authors>${authors}</authors><commentList>${notes.map((c) => commentXml("", toA1(c.row, c.col), 0, c.text!)).join("")}</commentList></comments>`;
}

function order(ref: string): number {
  const p = parseRef(ref);
  return p ? p.row * 16384 + p.col : -1;
}

/**
 * Set or remove notes in a comments part (a new one when `xml` is null): a changed note replaces the
 * old `<comment>`, a new one goes in cell order, a removed one goes; other comments stay as written.
 */
export function patchComments(xml: string | null, part: string, changes: NoteChange[]): string {
  if (xml === null) return newComments(changes);
  const text = xml;
  let root: XmlTag | null = null;
  let authors: { tag: XmlTag; close: number; names: string[] } | null = null;
  let list: { tag: XmlTag; close: number } | null = null;
  const comments: { ref: string; start: number; end: number }[] = [];
  let inAuthor = false;
  let author = "";
  scanXml(text, part, {
    open(tag) {
      if (tag.depth === 0) root = tag;
      else if (tag.local === "authors") authors = { tag, close: -1, names: [] };
      else if (tag.local === "author") {
        inAuthor = true;
        author = "";
      } else if (tag.local === "commentList") list = { tag, close: -1 };
    },
    text(t) {
      if (inAuthor) author += t;
    },
    close(tag, end) {
      const closeAt = tag.selfClosing ? end : end - `</${tag.name}>`.length;
      if (tag.local === "author") {
        inAuthor = false;
        authors?.names.push(author);
      } else if (tag.local === "authors" && authors) authors.close = closeAt;
      else if (tag.local === "commentList" && list) list.close = closeAt;
      else if (tag.local === "comment") comments.push({ ref: tag.attributes.ref ?? "", start: tag.start, end });
    },
  });
  const top = root as XmlTag | null;
  const names = authors as { tag: XmlTag; close: number; names: string[] } | null;
  const commentList = list as { tag: XmlTag; close: number } | null;
  if (!top || !names || !commentList || names.tag.selfClosing || commentList.tag.selfClosing) throw new Error(`${part}: unexpected comments part`);
  const p = prefixOf(top.name);
  const splices: Splice[] = [];
  let authorId = names.names.indexOf(NOTE_AUTHOR);
  if (authorId < 0 && changes.some((c) => c.text !== null)) {
    authorId = names.names.length;
    splices.push({ start: names.close, end: names.close, text: `<${p}author>${NOTE_AUTHOR}</${p}author>` });
  }
  const byRef = new Map(comments.map((c) => [c.ref.toUpperCase(), c]));
  const inserts: { order: number; text: string }[] = [];
  for (const change of changes) {
    const ref = toA1(change.row, change.col);
    const existing = byRef.get(ref);
    const element = change.text === null ? "" : commentXml(p, ref, authorId, change.text);
    if (existing) splices.push({ start: existing.start, end: existing.end, text: element });
    else if (element) inserts.push({ order: order(ref), text: element });
  }
  for (const insert of inserts.sort((a, b) => a.order - b.order)) {
    const next = comments.find((c) => order(c.ref) > insert.order);
    const at = next ? next.start : commentList.close;
    splices.push({ start: at, end: at, text: insert.text });
  }
  return applySplices(text, splices);
}
