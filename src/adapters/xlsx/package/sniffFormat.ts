/** What a file is, from its first bytes (and, for OLE compound files, the names of their streams). */
export type FileKind = "zip" | "encrypted" | "xls" | "ole" | "unknown";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** A stream name as OLE directory entries store it (UTF-16LE). */
function utf16(name: string): number[] {
  return [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

function contains(bytes: Uint8Array, pattern: number[]): boolean {
  const first = pattern[0];
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - pattern.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
  }
  return false;
}

/**
 * An .xlsx/.xlsm is a zip. Excel saves a password-protected workbook as an OLE compound file
 * holding `EncryptionInfo` and `EncryptedPackage`; an Excel 97–2003 .xls is an OLE file with a
 * `Workbook` (or `Book`) stream.
 */
export function sniffFormat(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (!startsWith(bytes, OLE)) return "unknown";
  if (contains(bytes, utf16("EncryptedPackage"))) return "encrypted";
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return "xls";
  return "ole";
}
