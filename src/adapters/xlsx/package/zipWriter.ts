/** Writing the zip container again: new and replaced entries with their headers, kept entries as they came. */
import { CENTRAL, EOCD, LOCAL, ZipError, type ZipEntry } from "./zipArchive";

const UTF8_FLAG = 0x0800;

/** A new entry's header fields: a UTF-8 name, DOS time now, deflated or stored data. */
export function newEntry(name: string, data: Uint8Array, method: 0 | 8, crc: number, size: number, like?: ZipEntry): ZipEntry {
  const now = new Date();
  const nameBytes = like?.nameBytes ?? new TextEncoder().encode(name);
  const ascii = nameBytes.every((b) => b < 0x80);
  return {
    name,
    nameBytes,
    versionMadeBy: like?.versionMadeBy ?? 20,
    versionNeeded: 20,
    flags: ascii ? 0 : UTF8_FLAG,
    method,
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
    crc,
    size,
    extra: new Uint8Array(0),
    localExtra: new Uint8Array(0),
    comment: like?.comment ?? new Uint8Array(0),
    internalAttributes: like?.internalAttributes ?? 0,
    externalAttributes: like?.externalAttributes ?? 0,
    data,
  };
}

/**
 * The zip of these entries, in this order. Sizes are known, so no data descriptors are written
 * (their flag is cleared); entries beyond the plain format's 4 GB or 65,535 entries are refused.
 */
export function writeZip(entries: ZipEntry[], comment: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (entries.length > 0xffff) throw new ZipError("more than 65,535 entries");
  let total = 22 + comment.length;
  for (const e of entries) total += 30 + e.nameBytes.length + e.localExtra.length + e.data.length + 46 + e.nameBytes.length + e.extra.length + e.comment.length;
  if (total > 0xffffffff) throw new ZipError("larger than 4 GB");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const common = (e: ZipEntry, p: number) => {
    view.setUint16(p, e.versionNeeded, true);
    view.setUint16(p + 2, e.flags & ~0x0008, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.nameBytes.length, true);
  };
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    common(e, at + 4);
    view.setUint16(at + 28, e.localExtra.length, true);
    out.set(e.nameBytes, at + 30);
    out.set(e.localExtra, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.localExtra.length;
    out.set(e.data, at);
    at += e.data.length;
  }
  const directoryAt = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, e.versionMadeBy, true);
    common(e, at + 6);
    view.setUint16(at + 30, e.extra.length, true);
    view.setUint16(at + 32, e.comment.length, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, e.internalAttributes, true);
    view.setUint32(at + 38, e.externalAttributes, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.nameBytes, at + 46);
    out.set(e.extra, at + 46 + e.nameBytes.length);
    out.set(e.comment, at + 46 + e.nameBytes.length + e.extra.length);
    at += 46 + e.nameBytes.length + e.extra.length + e.comment.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryAt, true);
  view.setUint32(at + 16, directoryAt, true);
  view.setUint16(at + 20, comment.length, true);
  out.set(comment, at + 22);
  return out;
}
