import type { WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import { contentTypeOf, CONTENT_TYPES_PART, parseContentTypes } from "./package/contentTypes";
import { Package } from "./package/Package";
import type { ZipCodec } from "./package/zipCodec";
import { isType, parseRelationships, relsPartOf, resolveTarget, type Relationship } from "./package/relationships";
import { sniffFormat } from "./package/sniffFormat";
import { refusal, type XlsxRefusal } from "./refusals";
import { readSheet, type SheetRead } from "./sheet/readSheet";
import { readSharedStrings } from "./workbook/sharedStrings";
import { readStyles } from "./workbook/styles";
import { readWorkbookPart } from "./workbook/workbookPart";
import { XlsxBook, type SheetPart } from "./XlsxBook";
import { XmlSyntaxError } from "./xml/scanXml";

export interface Opened {
  ok: true;
  book: XlsxBook;
  snapshot: WorkbookSnapshot;
}

export interface OpenOptions {
  /** Keep every styled cell's format (the in-memory host shows fills and bold). */
  keepStyles?: boolean;
  /** Inflating and deflating (Node hosts pass Node's zlib); a pure JavaScript one by default. */
  codec?: ZipCodec;
}

/** A reason to stop opening, carried out of the reading steps. */
class Stop {
  constructor(readonly refusal: XlsxRefusal) {}
}

async function textOf(pkg: Package, part: string, file: string): Promise<string> {
  if (!pkg.has(part)) throw new Stop(refusal("missing-part", file, part));
  try {
    return await pkg.text(part);
  } catch (error) {
    throw new Stop(refusal("broken-part", file, part, (error as Error).message));
  }
}

async function relationshipsOf(pkg: Package, part: string, file: string): Promise<Relationship[]> {
  const rels = relsPartOf(part);
  return pkg.has(rels) ? parseRelationships(await textOf(pkg, rels, file), rels) : [];
}

async function open(bytes: Uint8Array, file: string, options: OpenOptions): Promise<Opened> {
  const kind = sniffFormat(bytes);
  if (kind === "encrypted") throw new Stop(refusal("encrypted", file));
  if (kind === "xls") throw new Stop(refusal("xls", file));
  if (kind !== "zip") throw new Stop(refusal("not-a-workbook", file));
  let pkg: Package;
  try {
    pkg = await Package.load(bytes, options.codec);
  } catch (error) {
    throw new Stop(refusal("broken-zip", file, "", (error as Error).message));
  }
  if (pkg.has("mimetype") && (await textOf(pkg, "mimetype", file)).startsWith("application/vnd.oasis.opendocument")) throw new Stop(refusal("ods", file));
  if (!pkg.has(CONTENT_TYPES_PART)) throw new Stop(refusal(pkg.has("content.xml") ? "ods" : "not-a-workbook", file));
  const types = parseContentTypes(await textOf(pkg, CONTENT_TYPES_PART, file));
  const root = (await relationshipsOf(pkg, "", file)).find((r) => isType(r, "officeDocument"));
  if (!root) throw new Stop(refusal("missing-part", file, "_rels/.rels"));
  const workbook = resolveTarget("", root.target);
  if (workbook.toLowerCase().endsWith(".bin") || (contentTypeOf(types, workbook) ?? "").includes("binary")) throw new Stop(refusal("xlsb", file));
  const info = readWorkbookPart(await textOf(pkg, workbook, file), workbook);
  const rels = await relationshipsOf(pkg, workbook, file);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const stylesRel = rels.find((r) => isType(r, "styles"));
  const stringsRel = rels.find((r) => isType(r, "sharedStrings"));
  // A relationship to a part that is not there is damage (textOf refuses), not an absent part.
  const stylesPart = stylesRel ? resolveTarget(workbook, stylesRel.target) : null;
  const stringsPart = stringsRel ? resolveTarget(workbook, stringsRel.target) : null;
  const styles = stylesPart ? readStyles(await textOf(pkg, stylesPart, file), stylesPart) : null;
  const strings = stringsPart ? readSharedStrings(await textOf(pkg, stringsPart, file), stringsPart) : null;
  const sheets: SheetPart[] = [];
  for (const entry of info.sheets) {
    const rel = byId.get(entry.relId);
    if (!rel) throw new Stop(refusal("broken-part", file, `${workbook}: シート「${entry.name}」の関係 ${entry.relId}`));
    if (!isType(rel, "worksheet")) continue; // chart sheets, dialog and macro sheets hold no cells we read
    sheets.push({ name: entry.name, part: resolveTarget(workbook, rel.target), state: entry.state });
  }
  const parts = {
    workbook,
    relationshipBase: root.type.slice(0, root.type.lastIndexOf("/")),
    sheets,
    styles: { part: stylesPart, sheet: styles },
    strings: { part: stringsPart, table: strings },
    date1904: info.date1904,
    keepStyles: options.keepStyles ?? false,
  };
  const reads = new Map<string, SheetRead>();
  for (const sheet of sheets) {
    const context = { strings: strings?.texts ?? [], styles, date1904: info.date1904, keepStyles: parts.keepStyles };
    reads.set(sheet.part, readSheet(await textOf(pkg, sheet.part, file), sheet.part, sheet.name, context));
  }
  const book = new XlsxBook(pkg, file, parts, reads);
  return { ok: true, book, snapshot: await book.snapshot() };
}

/**
 * Open an .xlsx/.xlsm from its bytes (no file system: the CLI and the browser both call this).
 * A file we cannot read is a refusal value with a Japanese message naming the file and the reason.
 */
export async function openXlsx(bytes: Uint8Array, fileName: string, options: OpenOptions = {}): Promise<Opened | XlsxRefusal> {
  try {
    return await open(bytes, fileName, options);
  } catch (error) {
    if (error instanceof Stop) return error.refusal;
    if (error instanceof XmlSyntaxError) return refusal("broken-part", fileName, error.part, error.detail);
    throw error;
  }
}
