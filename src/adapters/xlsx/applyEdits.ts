import type { SheetEdits } from "./CellEdit";
import { CONTENT_TYPE } from "./package/contentTypes";
import { addRelationship, emptyRelationships, isType, parseRelationships, relativeTarget, relsPartOf, removeRelationship, resolveTarget } from "./package/relationships";
import { writeProblem, type WriteProblem } from "./refusals";
import { stageNotes } from "./notes/stageNotes";
import { patchSheet, type NoteChange } from "./sheet/patchSheet";
import { scanLayout } from "./sheet/scanLayout";
import { Staging } from "./Staging";
import { SharedStringsWriter } from "./workbook/sharedStrings";
import { defaultStyles, readStyles } from "./workbook/styles";
import { StyleWriter } from "./workbook/StyleWriter";
import { addSheetEntry } from "./workbook/workbookPart";
import type { XlsxBook } from "./XlsxBook";
import { XmlSyntaxError } from "./xml/scanXml";

export interface Applied {
  ok: true;
  /** Cells changed. */
  changed: number;
  /** Parts of the package that changed. */
  parts: string[];
}

const NEW_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetData/></worksheet>`;

/** The last change of each cell's note, in the order first met. */
function noteChanges(sheet: SheetEdits): NoteChange[] {
  // By row * 16384 + col: a number, not a text built for each of thousands of notes.
  const last = new Map<number, NoteChange>();
  for (const e of sheet.edits) if (e.note !== undefined) last.set(e.row * 16384 + e.col, { row: e.row, col: e.col, text: e.note });
  return [...last.values()];
}

async function addSheet(book: XlsxBook, staging: Staging, name: string): Promise<string> {
  const { workbook, relationshipBase } = book.parts;
  const part = staging.freeName("xl/worksheets/sheet", ".xml");
  staging.set(part, NEW_SHEET);
  const relsPart = relsPartOf(workbook);
  const rel = addRelationship((await staging.text(relsPart)) ?? emptyRelationships(), relsPart, `${relationshipBase}/worksheet`, relativeTarget(workbook, part));
  staging.set(relsPart, rel.xml);
  staging.set(workbook, addSheetEntry((await staging.text(workbook))!, workbook, name, rel.id));
  staging.contentType(null, [part, CONTENT_TYPE.worksheet]);
  book.parts.sheets.push({ name, part, state: "visible" });
  return part;
}

/**
 * Apply cell edits to the book: the `<c>` elements of the sheets they touch, styles and shared
 * strings appended, notes' parts; everything staged first, so a refused edit changes nothing.
 * Sheets named in edits must exist unless `create` is set (then a new sheet is added at the end).
 */
export async function applyEdits(book: XlsxBook, sheets: (SheetEdits & { create?: boolean })[]): Promise<Applied | WriteProblem> {
  const staging = new Staging(book.pkg);
  const { parts } = book;
  const styleText = parts.styles.part ? await book.pkg.text(parts.styles.part) : defaultStyles();
  const styles = readStyles(styleText, parts.styles.part ?? "xl/styles.xml");
  const styleWriter = new StyleWriter(styles);
  const table = parts.strings.table ? { texts: [...parts.strings.table.texts], plain: [...parts.strings.table.plain], sst: parts.strings.table.sst } : null;
  const strings = table ? new SharedStringsWriter(table) : null;
  let removedFormula = false;
  let changed = 0;
  const added: string[] = [];
  const rollBack = () => {
    for (const name of added) parts.sheets.splice(parts.sheets.findIndex((s) => s.name === name), 1);
  };
  try {
    for (const group of sheets) {
      let sheet = parts.sheets.find((s) => s.name === group.sheet);
      if (!sheet && !group.create) return writeProblem("missing-sheet", group.sheet, null);
      const part = sheet?.part ?? (await addSheet(book, staging, group.sheet));
      if (!sheet) added.push(group.sheet);
      sheet = parts.sheets.find((s) => s.name === group.sheet)!;
      const xml = (await staging.text(part))!;
      const cells = new Map<number, Set<number>>();
      const want = (row: number, col: number) => {
        const cols = cells.get(row);
        if (cols) cols.add(col);
        else cells.set(row, new Set([col]));
      };
      for (const e of group.edits) {
        want(e.row, e.col);
        if (e.copyFormatFrom) want(e.copyFormatFrom.row, e.copyFormatFrom.col);
      }
      // A sheet as the package holds it was indexed when read; one staged here is scanned now.
      const layout = scanLayout(xml, part, cells, staging.isSet(part) ? undefined : await book.sheetIndex(sheet));
      const notes = noteChanges(group);
      let legacyDrawingId: string | null = null;
      if (notes.length > 0) {
        try {
          legacyDrawingId = await stageNotes(staging, part, layout.legacyDrawing, notes, parts.relationshipBase);
        } catch (error) {
          if (error instanceof XmlSyntaxError) {
            rollBack();
            return writeProblem("notes-unreadable", group.sheet, null, error.part);
          }
          throw error;
        }
      }
      const patched = patchSheet(xml, layout, group.edits, { sheet: group.sheet, styles, styleWriter, strings }, legacyDrawingId ?? undefined);
      if (!patched.ok) {
        rollBack();
        return patched;
      }
      staging.set(part, patched.xml);
      removedFormula ||= patched.removedFormula;
      changed += group.edits.length;
    }
    if (styleWriter.changed) {
      const part = parts.styles.part ?? "xl/styles.xml";
      staging.set(part, styleWriter.apply(styleText));
      if (!parts.styles.part) {
        const relsPart = relsPartOf(parts.workbook);
        staging.set(relsPart, addRelationship((await staging.text(relsPart)) ?? emptyRelationships(), relsPart, `${parts.relationshipBase}/styles`, relativeTarget(parts.workbook, part)).xml);
        staging.contentType(null, [part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"]);
      }
    }
    if (strings && parts.strings.part) {
      const text = strings.apply((await staging.text(parts.strings.part))!, parts.strings.part);
      if (text !== null) staging.set(parts.strings.part, text);
    }
    if (removedFormula) await dropCalcChain(book, staging);
  } catch (error) {
    rollBack();
    throw error;
  }
  const changedParts = await staging.commit();
  if (styleWriter.changed) parts.styles = { part: parts.styles.part ?? "xl/styles.xml", sheet: readStyles(await book.pkg.text(parts.styles.part ?? "xl/styles.xml"), "xl/styles.xml") };
  // The strings part changed: where its root lies is found again when next needed.
  if (table) parts.strings = { ...parts.strings, table: { ...table, sst: null } };
  book.invalidate(changedParts);
  return { ok: true, changed, parts: changedParts };
}

/** Excel rebuilds the calculation chain; one naming a cell that lost its formula makes it repair the file. */
async function dropCalcChain(book: XlsxBook, staging: Staging): Promise<void> {
  const relsPart = relsPartOf(book.parts.workbook);
  const relsXml = await staging.text(relsPart);
  if (!relsXml) return;
  const rel = parseRelationships(relsXml, relsPart).find((r) => isType(r, "calcChain"));
  if (!rel) return;
  staging.set(relsPart, removeRelationship(relsXml, relsPart, rel.id));
  staging.remove(resolveTarget(book.parts.workbook, rel.target));
}
