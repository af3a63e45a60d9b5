import type { NoteChange } from "../sheet/patchSheet";
import { scanXml, type XmlTag } from "../xml/scanXml";
import { applySplices, type Splice } from "../xml/splice";

/** Declared on each element we add: the part may bind other prefixes to these namespaces (openpyxl does). */
const NAMESPACES = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPE_TYPE = `<v:shapetype ${NAMESPACES} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/**
 * A new VML part with a box for each note set (written straight: there is nothing to keep); `block`
 * numbers its shapes (ids block × 1024 + n), unique in the workbook.
 */
export function newVml(block: number, changes: NoteChange[]): string {
  let id = block * 1024;
  const shapes = changes.filter((c) => c.text !== null).map((c) => shapeXml(++id, c.row, c.col)).join("");
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}${shapes}</xml>`;
}

function shapeXml(id: number, row: number, col: number): string {
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4`;
  return `<v:shape ${NAMESPACES} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:144pt;height:60pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

function shapeNumber(id: string | undefined): number {
  const prefix = "_x0000_s";
  if (!id || !id.startsWith(prefix)) return 0;
  const n = Number(id.slice(prefix.length));
  return Number.isInteger(n) ? n : 0;
}

/**
 * Keep a VML drawing's note boxes in step with the notes: a box for each new note, none for a removed
 * one; every other shape (form controls, other notes) stays as written. Throws XmlSyntaxError on VML
 * that is not well-formed (old Excel files may hold `<br>`): the caller refuses the write then.
 */
export function patchVml(xml: string, part: string, changes: NoteChange[]): string {
  const shapes: { row: number; col: number; start: number; end: number }[] = [];
  let shape: { tag: XmlTag; note: boolean; row: number; col: number } | null = null;
  let field: "Row" | "Column" | null = null;
  let value = "";
  let maxId = 0;
  let block = 1;
  let hasType = false;
  let rootClose = xml.length;
  scanXml(xml, part, {
    open(tag) {
      if (tag.local === "shapetype" && tag.attributes.id === "_x0000_t202") hasType = true;
      if (tag.local === "idmap") block = Number((tag.attributes.data ?? "1").split(",")[0]) || 1;
      if (tag.local === "shape") {
        maxId = Math.max(maxId, shapeNumber(tag.attributes.id));
        shape = { tag, note: false, row: -1, col: -1 };
      } else if (tag.local === "ClientData" && shape) shape.note = tag.attributes.ObjectType === "Note";
      else if ((tag.local === "Row" || tag.local === "Column") && shape) {
        field = tag.local;
        value = "";
      }
    },
    text(t) {
      if (field) value += t;
    },
    close(tag, end) {
      if (tag.depth === 0) rootClose = end - `</${tag.name}>`.length;
      if (field && tag.local === field && shape) {
        if (field === "Row") shape.row = Number(value);
        else shape.col = Number(value);
        field = null;
      } else if (tag.local === "shape" && shape) {
        if (shape.note) shapes.push({ row: shape.row, col: shape.col, start: shape.tag.start, end });
        shape = null;
      }
    },
  });
  const splices: Splice[] = [];
  let next = Math.max(maxId, block * 1024);
  let added = hasType ? "" : SHAPE_TYPE;
  for (const change of changes) {
    const existing = shapes.filter((s) => s.row === change.row && s.col === change.col);
    if (change.text === null) for (const s of existing) splices.push({ start: s.start, end: s.end, text: "" });
    else if (existing.length === 0) added += shapeXml(++next, change.row, change.col);
  }
  if (added !== (hasType ? "" : SHAPE_TYPE)) splices.push({ start: rootClose, end: rootClose, text: added });
  return applySplices(xml, splices);
}
