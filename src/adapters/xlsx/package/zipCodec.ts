import { deflateSync, inflateSync } from "fflate";

/**
 * Raw DEFLATE and CRC-32 for the zip layer. The default runs anywhere (fflate, pure JavaScript,
 * on the calling thread); a Node host passes `nodeZipCodec` (package/nodeZipCodec.ts), Node's own
 * zlib, which is several times faster and deflates large parts on its worker threads.
 */
export interface ZipCodec {
  /** `size`: the uncompressed size the zip declares. Throws on data that is not DEFLATE. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** Rejects only on misuse (a codec's own failure); the result may come from another thread. */
  deflateRaw(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
  /**
   * True when `deflateRaw` works off the calling thread: the package then starts deflating a part
   * as soon as it is replaced, while the host goes on, instead of when the zip is saved.
   */
  readonly inBackground: boolean;
  /** Called when a package is opened: a background codec gets its thread ready. */
  warmUp?(): void;
  /** Called when a save starts waiting for its parts: a background codec does here what it has not started. */
  finishHere?(): void;
  /** Called when a package was saved: a background codec may let its thread go. */
  release?(): void;
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
  // fflate's own asynchronous form starts Web Workers from blob URLs, which a closed network's
  // content policy may forbid; the browser deflates on save, on its own thread.
  deflateRaw: (data) => Promise.resolve(deflateSync(data, { level: DEFLATE_LEVEL })),
  crc32,
  inBackground: false,
};
