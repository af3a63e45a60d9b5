import { addContentTypes, CONTENT_TYPES_PART, removeOverride } from "./package/contentTypes";
import type { Package } from "./package/Package";

/**
 * Changes to a package gathered before any is made, so that a refused write leaves the book as it
 * was: parts to set (new or replaced), parts to remove, content types to add.
 */
export class Staging {
  private readonly texts = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly defaults: [string, string][] = [];
  private readonly overrides: [string, string][] = [];
  private vmlBlocks = 0;
  private vmlParts: number | null = null;
  /** The lowest number freeName may still find free, by stem and extension (numbers are only taken while staging). */
  private readonly freeFrom = new Map<string, number>();

  constructor(private readonly pkg: Package) {}

  /** A part's text as staged, else as in the package, else null. */
  async text(part: string): Promise<string | null> {
    const staged = this.texts.get(part);
    if (staged !== undefined) return staged;
    if (this.removed.has(part) || !this.pkg.has(part)) return null;
    return this.pkg.text(part);
  }

  /** Whether the part's text was set here (so it differs from the package's). */
  isSet(part: string): boolean {
    return this.texts.has(part);
  }

  set(part: string, text: string): void {
    this.texts.set(part, text);
    this.removed.delete(part);
  }

  remove(part: string): void {
    this.texts.delete(part);
    this.removed.add(part);
    this.freeFrom.clear();
  }

  has(part: string): boolean {
    return this.texts.has(part) || (!this.removed.has(part) && this.pkg.has(part));
  }

  freeName(stem: string, extension: string): string {
    const key = `${stem}\u0000${extension}`;
    for (let n = this.freeFrom.get(key) ?? 1; ; n++) {
      if (this.has(`${stem}${n}${extension}`)) continue;
      this.freeFrom.set(key, n);
      return `${stem}${n}${extension}`;
    }
  }

  /** A shape-id block for a new VML part, after those of the package's VML parts. */
  nextVmlBlock(): number {
    this.vmlParts ??= this.pkg.names.filter((n) => n.toLowerCase().endsWith(".vml")).length;
    return this.vmlParts + ++this.vmlBlocks;
  }

  contentType(byExtension: [string, string] | null, byPart: [string, string] | null): void {
    if (byExtension) this.defaults.push(byExtension);
    if (byPart) this.overrides.push(byPart);
  }

  /** Make the staged changes; returns the parts that changed. */
  async commit(): Promise<string[]> {
    if (this.defaults.length > 0 || this.overrides.length > 0 || this.removed.size > 0) {
      let types = (await this.text(CONTENT_TYPES_PART)) ?? "";
      types = addContentTypes(types, this.defaults, this.overrides);
      for (const part of this.removed) types = removeOverride(types, part);
      this.texts.set(CONTENT_TYPES_PART, types);
    }
    for (const [part, text] of this.texts) this.pkg.setText(part, text);
    for (const part of this.removed) this.pkg.remove(part);
    return [...this.texts.keys(), ...this.removed];
  }
}
