/**
 * The zip container of an OPC package, read without touching the entries' data (zipWriter.ts writes
 * it again): an entry we do not change keeps its compressed bytes (no inflating, no deflating), its
 * name bytes, attributes and extra fields. Reads Zip64 records; refuses encrypted entries and split
 * archives.
 */

/** One entry, as the central directory describes it, with its compressed data. */
export interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** Extra fields of the central and the local header, Zip64 fields left out (we write plain sizes). */
  extra: Uint8Array;
  localExtra: Uint8Array;
  comment: Uint8Array;
  internalAttributes: number;
  externalAttributes: number;
  data: Uint8Array;
}

/** The bytes are not a zip we can read (the message says why, in the zip's terms). */
export class ZipError extends Error {}

/** Record signatures (zip application note, APPNOTE.TXT). */
export const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
export const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

const utf8 = new TextDecoder("utf-8");

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(at: number, length: number, what: string): void {
    if (at < 0 || at + length > this.bytes.length) throw new ZipError(`${what} lies outside the file`);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x1_0000_0000;
  }
}

function findEndOfCentralDirectory(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (r.bytes[at] === 0x50 && r.u32(at) === EOCD) return at;
  }
  throw new ZipError("no end of central directory");
}

/** Extra fields without the Zip64 one; and the Zip64 values that stand for 0xFFFFFFFF fields. */
function splitExtra(extra: Uint8Array): { rest: Uint8Array; zip64: Uint8Array | null } {
  const parts: Uint8Array[] = [];
  let zip64: Uint8Array | null = null;
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const field = extra.subarray(at, at + 4 + length);
    if (id === ZIP64_EXTRA) zip64 = field.subarray(4);
    else parts.push(field);
    at += 4 + length;
  }
  if (zip64 === null && at === extra.length) return { rest: extra, zip64 };
  const rest = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    rest.set(p, offset);
    offset += p.length;
  }
  return { rest, zip64 };
}

/** The entries of a zip, in central-directory order. Throws ZipError on a damaged or unsupported zip. */
export function readZip(bytes: Uint8Array): { entries: ZipEntry[]; comment: Uint8Array } {
  const r = new Reader(bytes);
  const end = findEndOfCentralDirectory(r);
  if (r.u16(end + 4) !== 0 || r.u16(end + 6) !== 0) throw new ZipError("split (multi-disk) archive");
  let count = r.u16(end + 10);
  let directorySize = r.u32(end + 12);
  let directoryAt = r.u32(end + 16);
  const comment = bytes.slice(end + 22, end + 22 + r.u16(end + 20));
  if (end >= 20 && r.u32(end - 20) === ZIP64_LOCATOR) {
    const at = r.u64(end - 12);
    r.check(at, 56, "Zip64 end of central directory");
    if (r.u32(at) !== ZIP64_EOCD) throw new ZipError("bad Zip64 end of central directory");
    count = r.u64(at + 32);
    directorySize = r.u64(at + 40);
    directoryAt = r.u64(at + 48);
  }
  r.check(directoryAt, directorySize, "central directory");
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    r.check(at, 46, "central directory entry");
    if (r.u32(at) !== CENTRAL) throw new ZipError("bad central directory entry");
    const flags = r.u16(at + 8);
    if (flags & 1) throw new ZipError("encrypted entry");
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    r.check(at + 46, nameLength + extraLength + commentLength, "central directory entry");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const { rest: extra, zip64 } = splitExtra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    let size = r.u32(at + 24);
    let compressedSize = r.u32(at + 20);
    let localAt = r.u32(at + 42);
    if (zip64) {
      const z = new Reader(zip64);
      let k = 0;
      const next = () => {
        z.check(k, 8, "Zip64 extra field");
        const value = z.u64(k);
        k += 8;
        return value;
      };
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localAt === 0xffffffff) localAt = next();
    }
    r.check(localAt, 30, "local header");
    if (r.u32(localAt) !== LOCAL) throw new ZipError("bad local header");
    const dataAt = localAt + 30 + r.u16(localAt + 26) + r.u16(localAt + 28);
    r.check(dataAt, compressedSize, "entry data");
    entries.push({
      // Names without the UTF-8 flag are ASCII in practice (OPC part names are); decoding as UTF-8 keeps them.
      name: utf8.decode(nameBytes),
      nameBytes,
      versionMadeBy: r.u16(at + 4),
      versionNeeded: r.u16(at + 6),
      flags,
      method: r.u16(at + 10),
      time: r.u16(at + 12),
      date: r.u16(at + 14),
      crc: r.u32(at + 16),
      size,
      extra,
      localExtra: splitExtra(bytes.subarray(localAt + 30 + r.u16(localAt + 26), dataAt)).rest,
      comment: bytes.subarray(at + 46 + nameLength + extraLength, at + 46 + nameLength + extraLength + commentLength),
      internalAttributes: r.u16(at + 36),
      externalAttributes: r.u32(at + 38),
      data: bytes.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, comment };
}
