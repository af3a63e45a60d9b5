import { scanXml, type XmlTag } from "../xml/scanXml";
import { BUILTIN_FORMATS } from "./builtinFormats";

/** A list element of styles.xml (numFmts, fonts, fills, cellXfs) and where it lies. */
export interface StyleSection {
  tag: XmlTag;
  /** Where new entries go: before the closing tag (or the end of a self-closing element). */
  insertAt: number;
}

export interface XfEntry {
  name: string;
  attributes: Record<string, string>;
  alignment: string;
  protection: string;
  rest: string;
}

export interface FontEntry {
  /** The element as written, and its name ("font", "x:font"). */
  raw: string;
  name: string;
  /** Where its start tag ends within raw; whether it is self-closing. */
  openEnd: number;
  selfClosing: boolean;
  bold: boolean;
  /** The `<b>` child within raw, when there is one. */
  boldChild: [number, number] | null;
}

/** What styles.xml says about cells: number formats, fills, fonts and the cell formats (xf) joining them. */
export interface StyleSheet {
  rootName: string;
  rootOpenEnd: number;
  numFmts: Map<number, string>;
  fonts: FontEntry[];
  /** Solid fill colours ("#RRGGBB") by fill id; null for any other fill. */
  fills: (string | null)[];
  xfs: XfEntry[];
  sections: Partial<Record<"numFmts" | "fonts" | "fills" | "cellXfs", StyleSection>>;
}

function truthy(value: string | undefined): boolean {
  return value === undefined || value === "1" || value === "true";
}

export function readStyles(xml: string, part: string): StyleSheet {
  const sheet: StyleSheet = { rootName: "styleSheet", rootOpenEnd: 0, numFmts: new Map(), fonts: [], fills: [], xfs: [], sections: {} };
  let section = "";
  let font: { tag: XmlTag; bold: boolean; boldChild: [number, number] | null } | null = null;
  let fill: { solid: boolean; color: string | null } | null = null;
  let xf: { tag: XmlTag; children: { local: string; start: number; end: number }[] } | null = null;
  scanXml(xml, part, {
    open(tag) {
      if (tag.depth === 0) {
        sheet.rootName = tag.name;
        sheet.rootOpenEnd = tag.openEnd;
      } else if (tag.depth === 1) section = tag.local;
      if (tag.depth === 1) return;
      if (section === "numFmts" && tag.local === "numFmt") {
        sheet.numFmts.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "General");
      } else if (section === "fonts") {
        if (tag.local === "font" && tag.depth === 2) font = { tag, bold: false, boldChild: null };
        else if (tag.local === "b" && font) font.bold = truthy(tag.attributes.val);
      } else if (section === "fills") {
        if (tag.local === "fill" && tag.depth === 2) fill = { solid: false, color: null };
        else if (tag.local === "patternFill" && fill) fill.solid = tag.attributes.patternType === "solid";
        else if (tag.local === "fgColor" && fill && tag.attributes.rgb) fill.color = `#${tag.attributes.rgb.slice(-6).toUpperCase()}`;
      } else if (section === "cellXfs") {
        if (tag.local === "xf" && tag.depth === 2) xf = { tag, children: [] };
      }
    },
    close(tag, end) {
      if (tag.depth === 1 && (tag.local === "numFmts" || tag.local === "fonts" || tag.local === "fills" || tag.local === "cellXfs")) {
        sheet.sections[tag.local] = { tag, insertAt: tag.selfClosing ? end : end - `</${tag.name}>`.length };
      }
      if (section === "fonts" && font) {
        const start = font.tag.start;
        if (tag.local === "b" && tag.depth === 3) font.boldChild = [tag.start - start, end - start];
        if (tag.local === "font" && tag.depth === 2) {
          sheet.fonts.push({ raw: xml.slice(start, end), name: tag.name, openEnd: tag.openEnd - start, selfClosing: tag.selfClosing, bold: font.bold, boldChild: font.boldChild });
          font = null;
        }
      } else if (section === "fills" && fill && tag.local === "fill" && tag.depth === 2) {
        sheet.fills.push(fill.solid ? fill.color : null);
        fill = null;
      } else if (section === "cellXfs" && xf) {
        if (tag.depth === 3) xf.children.push({ local: tag.local, start: tag.start, end });
        if (tag.local === "xf" && tag.depth === 2) {
          const child = (local: string) => xf!.children.filter((c) => c.local === local).map((c) => xml.slice(c.start, c.end)).join("");
          const rest = xf.children.filter((c) => c.local !== "alignment" && c.local !== "protection").map((c) => xml.slice(c.start, c.end)).join("");
          sheet.xfs.push({ name: xf.tag.name, attributes: { ...xf.tag.attributes }, alignment: child("alignment"), protection: child("protection"), rest });
          xf = null;
        }
      }
    },
  });
  return sheet;
}

/** The number format code of a cell format (xf index); "General" when unknown. */
export function numberFormatOf(styles: StyleSheet | null, xf: number): string {
  const entry = styles?.xfs[xf];
  if (!entry) return "General";
  const id = Number(entry.attributes.numFmtId ?? 0);
  return styles!.numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
}

/** The solid fill colour of a cell format, or null. */
export function fillOf(styles: StyleSheet | null, xf: number): string | null {
  const entry = styles?.xfs[xf];
  return entry ? styles!.fills[Number(entry.attributes.fillId ?? 0)] ?? null : null;
}

export function boldOf(styles: StyleSheet | null, xf: number): boolean {
  const entry = styles?.xfs[xf];
  return entry ? styles!.fonts[Number(entry.attributes.fontId ?? 0)]?.bold ?? false : false;
}

/** A minimal styles part (one font, the two required fills, one border, one cell format). */
export function defaultStyles(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}
