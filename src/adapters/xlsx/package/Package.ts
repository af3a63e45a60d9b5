import { defaultZipCodec, type ZipCodec } from "./zipCodec";
import { readZip, type ZipEntry } from "./zipArchive";
import { newEntry, writeZip } from "./zipWriter";

const KEEP_INFLATED_CHARS = 1_000_000;

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/**
 * An OPC package (the zip of an .xlsx) whose entries keep their order and, unless replaced, their
 * exact compressed bytes: an entry is inflated only when read, and deflated only when replaced.
 * Part names are matched without regard to case, as OPC requires.
 */
export class Package {
  private readonly byLowerName = new Map<string, ZipEntry>();
  /** Entries in zip order; a new part is added at the end. */
  private readonly order: ZipEntry[];
  private readonly changed = new Map<string, string>();
  /** Texts already inflated, for parts small enough to keep: a sheet read on opening is patched later. */
  private readonly inflated = new Map<string, string>();

  private constructor(
    entries: ZipEntry[],
    private readonly comment: Uint8Array,
    private readonly codec: ZipCodec,
  ) {
    this.order = entries;
    for (const e of entries) if (!isFolder(e)) this.byLowerName.set(e.name.toLowerCase(), e);
  }

  /** Throws when the bytes are not a readable zip. */
  static async load(bytes: Uint8Array, codec: ZipCodec = defaultZipCodec): Promise<Package> {
    const { entries, comment } = readZip(bytes);
    return new Package(entries, comment, codec);
  }

  /** Entry names in zip order (folders left out). */
  get names(): string[] {
    return this.order.filter((e) => !isFolder(e)).map((e) => e.name);
  }

  /** The entry's name as stored, for a part name ("xl/workbook.xml", no leading slash). */
  entry(part: string): string | undefined {
    return this.byLowerName.get(lowerPart(part))?.name;
  }

  has(part: string): boolean {
    return this.byLowerName.has(lowerPart(part));
  }

  /** The part's text (UTF-8), as changed so far. Throws when the entry cannot be inflated. */
  async text(part: string): Promise<string> {
    const entry = this.byLowerName.get(lowerPart(part));
    if (entry === undefined) throw new Error(`no part ${part}`);
    const known = this.changed.get(entry.name) ?? this.inflated.get(entry.name);
    if (known !== undefined) return known;
    const text = utf8.decode(this.inflate(entry));
    if (text.length <= KEEP_INFLATED_CHARS) this.inflated.set(entry.name, text);
    return text;
  }

  async bytes(part: string): Promise<Uint8Array> {
    const entry = this.byLowerName.get(lowerPart(part));
    if (entry === undefined) throw new Error(`no part ${part}`);
    const changed = this.changed.get(entry.name);
    return changed !== undefined ? encoder.encode(changed) : this.inflate(entry);
  }

  private inflate(entry: ZipEntry): Uint8Array {
    if (entry.method === 0) return entry.data;
    if (entry.method !== 8) throw new Error(`compression method ${entry.method} is not supported`);
    return this.codec.inflateRaw(entry.data, entry.size);
  }

  /** Replace a part's text (it keeps its place in the zip), or add a new part at the end. */
  setText(part: string, text: string): void {
    let entry = this.byLowerName.get(lowerPart(part));
    if (!entry) {
      entry = newEntry(part.replace(/^\//, ""), new Uint8Array(0), 0, 0, 0);
      this.order.push(entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
    this.changed.set(entry.name, text);
    this.inflated.delete(entry.name);
  }

  remove(part: string): void {
    const entry = this.byLowerName.get(lowerPart(part));
    if (entry === undefined) return;
    this.order.splice(this.order.indexOf(entry), 1);
    this.byLowerName.delete(entry.name.toLowerCase());
    this.changed.delete(entry.name);
    this.inflated.delete(entry.name);
  }

  /** The zip: replaced and new parts deflated, every other entry's bytes as they came. */
  async save(): Promise<Uint8Array> {
    const entries = this.order.map((entry) => {
      const text = this.changed.get(entry.name);
      if (text === undefined) return entry;
      const data = encoder.encode(text);
      return newEntry(entry.name, this.codec.deflateRaw(data), 8, this.codec.crc32(data), data.length, entry);
    });
    return writeZip(entries, this.comment);
  }
}

function isFolder(entry: ZipEntry): boolean {
  return entry.name.endsWith("/");
}

function lowerPart(part: string): string {
  return (part.charCodeAt(0) === 47 ? part.slice(1) : part).toLowerCase();
}
