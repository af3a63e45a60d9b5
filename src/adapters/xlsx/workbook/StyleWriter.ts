import { applySplices, type Splice } from "../xml/splice";
import { startTag } from "../xml/xmlText";
import { BUILTIN_FORMATS, PORTABLE_FORMAT_IDS } from "./builtinFormats";
import type { StyleSheet, XfEntry } from "./styles";

/** How a cell's look changes; undefined leaves that aspect as it is. */
export interface StyleChange {
  /** Take font, fill, borders and alignment from this cell format first (a new column's header). */
  lookFrom?: number;
  numberFormat?: string;
  /** "#RRGGBB", or null for no fill. */
  fill?: string | null;
  bold?: boolean;
}

function xfText(xf: XfEntry): string {
  const inner = xf.alignment + xf.protection + xf.rest;
  return inner ? `${startTag(xf.name, xf.attributes)}${inner}</${xf.name}>` : startTag(xf.name, xf.attributes, true);
}

/**
 * New cell formats for the cells we write, appended to styles.xml: existing number formats, fonts,
 * fills and cell formats keep their ids, and an identical entry is reused rather than added twice.
 */
export class StyleWriter {
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], fills: [] as string[], cellXfs: [] as string[] };
  private readonly xfIndex = new Map<string, number>();
  /** Results of derive by (format, change): plans repeat the same few changes on many cells. */
  private readonly derived = new Map<string, number>();
  private readonly prefix: string;

  constructor(private readonly styles: StyleSheet) {
    this.prefix = styles.rootName.slice(0, styles.rootName.length - "styleSheet".length);
    styles.xfs.forEach((xf, i) => {
      const key = xfText(xf);
      if (!this.xfIndex.has(key)) this.xfIndex.set(key, i);
    });
  }

  get changed(): boolean {
    return Object.values(this.added).some((list) => list.length > 0);
  }

  derive(xf: number, change: StyleChange): number {
    const memo = `${xf}|${change.lookFrom ?? ""}|${change.numberFormat ?? "\u0000"}|${change.fill === undefined ? "\u0000" : String(change.fill)}|${change.bold ?? ""}`;
    let result = this.derived.get(memo);
    if (result === undefined) {
      result = this.deriveNew(xf, change);
      this.derived.set(memo, result);
    }
    return result;
  }

  private deriveNew(xf: number, change: StyleChange): number {
    const base = this.styles.xfs[xf] ?? this.styles.xfs[0];
    if (!base) return 0;
    const next: XfEntry = { ...base, attributes: { ...base.attributes } };
    const a = next.attributes;
    if (change.lookFrom !== undefined) {
      const source = this.styles.xfs[change.lookFrom];
      if (source) {
        for (const key of ["fontId", "fillId", "borderId", "applyFont", "applyFill", "applyBorder", "applyAlignment"]) {
          if (source.attributes[key] === undefined) delete a[key];
          else a[key] = source.attributes[key];
        }
        next.alignment = source.alignment;
      }
    }
    if (change.numberFormat !== undefined) {
      a.numFmtId = String(this.numFmtId(change.numberFormat));
      a.applyNumberFormat = "1";
    }
    if (change.fill !== undefined) {
      a.fillId = String(change.fill === null ? 0 : this.fillId(change.fill));
      a.applyFill = "1";
    }
    if (change.bold !== undefined) {
      a.fontId = String(this.fontId(Number(a.fontId ?? 0), change.bold));
      a.applyFont = "1";
    }
    const key = xfText(next);
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      index = this.styles.xfs.length;
      this.styles.xfs.push(next);
      this.added.cellXfs.push(key);
      this.xfIndex.set(key, index);
    }
    return index;
  }

  private numFmtId(code: string): number {
    for (const [id, known] of this.styles.numFmts) if (known === code) return id;
    const builtin = PORTABLE_FORMAT_IDS.find((id) => BUILTIN_FORMATS[id] === code);
    if (builtin !== undefined) return builtin;
    const id = Math.max(163, ...this.styles.numFmts.keys()) + 1;
    this.styles.numFmts.set(id, code);
    this.added.numFmts.push(startTag(`${this.prefix}numFmt`, [["numFmtId", String(id)], ["formatCode", code]], true));
    return id;
  }

  private fillId(color: string): number {
    const hex = color.toUpperCase();
    const found = this.styles.fills.indexOf(hex);
    if (found > 1) return found;
    const p = this.prefix;
    this.added.fills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${hex.slice(1)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.styles.fills.push(hex);
    return this.styles.fills.length - 1;
  }

  private fontId(fontId: number, bold: boolean): number {
    const font = this.styles.fonts[fontId];
    if (!font || font.bold === bold) return fontId;
    // The <b> child comes after the start tag, so removing it keeps openEnd where it is.
    const base = font.boldChild ? font.raw.slice(0, font.boldChild[0]) + font.raw.slice(font.boldChild[1]) : font.raw;
    let raw = base;
    let openEnd = font.openEnd;
    if (bold) {
      const b = `<${font.name.slice(0, font.name.length - "font".length)}b/>`;
      if (font.selfClosing) {
        // "<font …/>" becomes "<font …><b/></font>".
        raw = `${base.slice(0, font.openEnd - 2)}>${b}</${font.name}>`;
        openEnd = font.openEnd - 1;
      } else raw = base.slice(0, font.openEnd) + b + base.slice(font.openEnd);
    }
    const existing = this.styles.fonts.findIndex((f) => f.raw === raw);
    if (existing >= 0) return existing;
    const boldChild: [number, number] | null = bold ? [openEnd, openEnd + font.name.length - "font".length + 4] : null;
    this.styles.fonts.push({ raw, name: font.name, openEnd, selfClosing: false, bold, boldChild });
    this.added.fonts.push(raw);
    return this.styles.fonts.length - 1;
  }

  /** styles.xml with the new entries and counts. */
  apply(xml: string): string {
    const splices: Splice[] = [];
    const p = this.prefix;
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"] as const) {
      const entries = this.added[name];
      if (entries.length === 0) continue;
      const section = this.styles.sections[name];
      const total = { numFmts: this.styles.numFmts.size, fonts: this.styles.fonts.length, fills: this.styles.fills.length, cellXfs: this.styles.xfs.length }[name];
      if (!section) {
        // Only numFmts may be missing from a valid part; it is the stylesheet's first child.
        splices.push({ start: this.styles.rootOpenEnd, end: this.styles.rootOpenEnd, text: `<${p}numFmts count="${total}">${entries.join("")}</${p}numFmts>` });
        continue;
      }
      const tag = section.tag;
      const open = startTag(tag.name, { ...tag.attributes, count: String(total) });
      if (tag.selfClosing) splices.push({ start: tag.start, end: section.insertAt, text: `${open}${entries.join("")}</${tag.name}>` });
      else {
        splices.push({ start: tag.start, end: tag.openEnd, text: open });
        splices.push({ start: section.insertAt, end: section.insertAt, text: entries.join("") });
      }
    }
    return applySplices(xml, splices);
  }
}
