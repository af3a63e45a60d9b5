import JSZip from "jszip";

const KEEP_INFLATED_CHARS = 1_000_000;

/**
 * An OPC package (the zip of an .xlsx) whose entries keep their order and, unless replaced, their
 * exact bytes: JSZip reuses an unchanged entry's compressed data when it writes the zip again.
 * Part names are matched without regard to case, as OPC requires.
 */
export class Package {
  private readonly byLowerName = new Map<string, string>();
  private readonly changed = new Map<string, string>();
  /** Texts already inflated, for parts small enough to keep: a sheet read on opening is patched later. */
  private readonly inflated = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.byLowerName.set(name.toLowerCase(), name);
  }

  /** Throws when the bytes are not a readable zip. */
  static async load(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  /** Entry names in zip order (folders left out). */
  get names(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name].dir);
  }

  /** The entry's name as stored, for a part name ("xl/workbook.xml", no leading slash). */
  entry(part: string): string | undefined {
    return this.byLowerName.get(part.replace(/^\//, "").toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** The part's text (UTF-8), as changed so far. Throws when the entry cannot be inflated. */
  async text(part: string): Promise<string> {
    const name = this.entry(part);
    if (name === undefined) throw new Error(`no part ${part}`);
    const known = this.changed.get(name) ?? this.inflated.get(name);
    if (known !== undefined) return known;
    const text = await this.zip.file(name)!.async("string");
    if (text.length <= KEEP_INFLATED_CHARS) this.inflated.set(name, text);
    return text;
  }

  async bytes(part: string): Promise<Uint8Array> {
    const name = this.entry(part);
    if (name === undefined) throw new Error(`no part ${part}`);
    return this.zip.file(name)!.async("uint8array");
  }

  /** Replace a part's text (it keeps its place in the zip), or add a new part at the end. */
  setText(part: string, text: string): void {
    const name = this.entry(part) ?? part.replace(/^\//, "");
    this.byLowerName.set(name.toLowerCase(), name);
    this.changed.set(name, text);
    this.zip.file(name, text, { createFolders: false });
  }

  remove(part: string): void {
    const name = this.entry(part);
    if (name === undefined) return;
    this.zip.remove(name);
    this.byLowerName.delete(name.toLowerCase());
    this.changed.delete(name);
    this.inflated.delete(name);
  }

  /** A new part name not yet used: `${stem}${n}${extension}` with the smallest n ≥ 1. */
  freeName(stem: string, extension: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${extension}`)) return `${stem}${n}${extension}`;
  }

  async save(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  }
}
