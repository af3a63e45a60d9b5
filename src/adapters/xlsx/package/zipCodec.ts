import { deflateSync, inflateSync } from "fflate";

/**
 * Raw DEFLATE and CRC-32 for the zip layer. The default runs anywhere (fflate, pure JavaScript);
 * a Node host passes `nodeZipCodec` (package/nodeZipCodec.ts), Node's own zlib, which is several
 * times faster on the parts a write plan changes.
 */
export interface ZipCodec {
  /** `size`: the uncompressed size the zip declares. Throws on data that is not DEFLATE. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** Level 1: the parts we rewrite are XML, which compresses well at once; higher levels cost more than they save. */
export const DEFLATE_LEVEL = 1;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

export const defaultZipCodec: ZipCodec = {
  inflateRaw(data, size) {
    // Into a buffer of the declared size (one byte more, to see a longer result); a size the zip
    // declared wrongly costs a second pass that grows its buffer.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    return out.length === size ? out : inflateSync(data);
  },
  deflateRaw: (data) => deflateSync(data, { level: DEFLATE_LEVEL }),
  crc32,
};
