/**
 * Text files as Japanese offices save them: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Excel's 「Unicode テキスト」), Shift_JIS (Excel's CSV). Decoding is strict: bytes that are not
 * valid in the encoding are refused with the line, never replaced or guessed past. Uses the
 * platform's TextDecoder (browsers, and Node with full ICU, the default build).
 */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "shift_jis" | "euc-jp";

/** Encodings a person may name (`--encoding`), by the names they use. */
export const ENCODING_ALIASES: Record<string, TextEncoding> = {
  "utf-8": "utf-8", utf8: "utf-8",
  "utf-16le": "utf-16le", utf16le: "utf-16le", "utf-16": "utf-16le", utf16: "utf-16le", unicode: "utf-16le",
  "utf-16be": "utf-16be", utf16be: "utf-16be",
  shift_jis: "shift_jis", "shift-jis": "shift_jis", sjis: "shift_jis", cp932: "shift_jis", ms932: "shift_jis", "windows-31j": "shift_jis",
  "euc-jp": "euc-jp", eucjp: "euc-jp",
};

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8", "utf-8-bom": "UTF-8 (BOM付き)", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", shift_jis: "Shift_JIS", "euc-jp": "EUC-JP",
};

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  /** The encoding is known (a BOM, `--encoding`, or clearly UTF-8) but a byte is not valid in it. */
  | { ok: false; code: "invalid-bytes"; encoding: TextEncoding; line: number }
  /** No encoding tried reads the bytes as text (or more than one does). */
  | { ok: false; code: "unknown-encoding"; tried: TextEncoding[]; possible: TextEncoding[] }
  /** NUL bytes without a BOM: UTF-16 without its BOM, or not a text file. */
  | { ok: false; code: "binary"; line: number };

const DECODER_NAMES: Record<TextEncoding, string> = {
  "utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-16le": "utf-16le", "utf-16be": "utf-16be", shift_jis: "shift_jis", "euc-jp": "euc-jp",
};

function strict(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    // ignoreBOM: the BOM is removed here, once, so that a second one stays visible.
    return new TextDecoder(DECODER_NAMES[encoding], { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8-bom", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** 1-based line of the first line that does not decode (lines split at LF, a byte no multi-byte sequence of these encodings contains). */
function firstBadLine(bytes: Uint8Array, encoding: TextEncoding): number {
  const unit = encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
  const isLf = (i: number) => (unit === 1 ? bytes[i] === 0x0a : encoding === "utf-16le" ? bytes[i] === 0x0a && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === 0x0a);
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i += unit) {
    if (i < bytes.length && !isLf(i)) continue;
    if (strict(bytes.subarray(start, Math.min(i, bytes.length)), encoding) === null) return line;
    line++;
    start = i + unit;
  }
  return line - 1;
}

/** Valid UTF-8 multi-byte sequences and invalid bytes: UTF-8 with a stray byte has many of the first, Shift_JIS few. */
function utf8Shape(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding, skip: number): Decoded {
  const body = bytes.subarray(skip);
  const text = strict(body, encoding);
  return text === null ? { ok: false, code: "invalid-bytes", encoding, line: firstBadLine(body, encoding) } : { ok: true, text, encoding };
}

/**
 * Decode a text file. With `forced`, that encoding only (its BOM skipped). Otherwise a BOM decides;
 * without one, UTF-8 when the bytes are valid UTF-8, a refusal naming the line when they are UTF-8
 * with broken bytes, Shift_JIS when the bytes are valid Shift_JIS and not also valid EUC-JP, else a
 * refusal naming the encodings tried.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncoding): Decoded {
  const bom = bomOf(bytes);
  if (forced) {
    const same = bom !== null && (bom.encoding === forced || (bom.encoding === "utf-8-bom" && forced === "utf-8"));
    return decodeAs(bytes, forced, same ? bom.length : 0);
  }
  if (bom) return decodeAs(bytes, bom.encoding, bom.length);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, code: "binary", line: bytes.subarray(0, nul).filter((b) => b === 0x0a).length + 1 };
  const utf8 = strict(bytes, "utf-8");
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  const shape = utf8Shape(bytes);
  if (shape.valid > 2 * shape.invalid) return { ok: false, code: "invalid-bytes", encoding: "utf-8", line: firstBadLine(bytes, "utf-8") };
  const sjis = strict(bytes, "shift_jis");
  const euc = strict(bytes, "euc-jp") !== null;
  if (sjis !== null && !euc) return { ok: true, text: sjis, encoding: "shift_jis" };
  const possible: TextEncoding[] = [];
  if (sjis !== null) possible.push("shift_jis");
  if (euc) possible.push("euc-jp");
  return { ok: false, code: "unknown-encoding", tried: ["utf-8", "shift_jis"], possible };
}

/** Why a file could not be decoded, for people (the caller adds how to name an encoding). */
export function decodeFailureMessage(failure: Exclude<Decoded, { ok: true }>): string {
  switch (failure.code) {
    case "invalid-bytes":
      return `${failure.line}行目に ${ENCODING_LABELS[failure.encoding]} として正しくないバイトがあります（文字化けを避けるため読み込みません）。`;
    case "binary":
      return `${failure.line}行目に NUL 文字があります。テキストファイルではないか、BOM のない UTF-16 です。`;
    case "unknown-encoding":
      return `文字コードを判別できません（試した文字コード: ${failure.tried.map((e) => ENCODING_LABELS[e]).join("、")}）。${
        failure.possible.length > 1 ? `${failure.possible.map((e) => ENCODING_LABELS[e]).join(" とも ")} とも読めます。` : failure.possible.length === 1 ? `${ENCODING_LABELS[failure.possible[0]]} かもしれません。` : ""
      }`;
  }
}
