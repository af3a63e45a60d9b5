import iconv from "iconv-lite";
import { decodeFailureMessage, decodeText, type Decoded } from "../../../src/adapters/csv/decodeText";

const CSV = '事業番号,指標,実績値\n12,寄附件数,"1,512件"\n12,返礼品目数,280\n5,ｶﾅ名の施設数,3\n';
const utf8 = Buffer.from(CSV, "utf8");

function failure(decoded: Decoded) {
  if (decoded.ok) throw new Error(`decoded as ${decoded.encoding}`);
  return decoded;
}

test("UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM (Excel's 「Unicode テキスト」) and Shift_JIS read the same", () => {
  expect(decodeText(utf8)).toEqual({ ok: true, text: CSV, encoding: "utf-8" });
  expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ ok: true, text: CSV, encoding: "utf-8-bom" });
  expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, "utf16le")]))).toEqual({ ok: true, text: CSV, encoding: "utf-16le" });
  expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CSV, "utf16be")]))).toEqual({ ok: true, text: CSV, encoding: "utf-16be" });
  expect(decodeText(iconv.encode(CSV, "cp932"))).toEqual({ ok: true, text: CSV, encoding: "shift_jis" });
});

test("UTF-8 with one stray byte is refused naming its line, never read as Shift_JIS", () => {
  const lines = CSV.split("\n");
  const bad = Buffer.concat([Buffer.from(`${lines.slice(0, 2).join("\n")}\n`), Buffer.from([0x8b]), Buffer.from(lines.slice(2).join("\n"))]);
  const refused = failure(decodeText(bad));
  expect(refused).toEqual({ ok: false, code: "invalid-bytes", encoding: "utf-8", line: 3 });
  expect(decodeFailureMessage(refused)).toBe("3行目に UTF-8 として正しくないバイトがあります（文字化けを避けるため読み込みません）。");
});

test("EUC-JP is refused (it would read as garbled Shift_JIS), naming the encodings tried; --encoding reads it", () => {
  const euc = iconv.encode(CSV, "euc-jp");
  const refused = failure(decodeText(euc));
  expect(refused).toMatchObject({ code: "unknown-encoding", tried: ["utf-8", "shift_jis"] });
  expect(decodeFailureMessage(refused)).toMatch(/試した文字コード: UTF-8、Shift_JIS/);
  expect(decodeText(euc, "euc-jp")).toEqual({ ok: true, text: CSV, encoding: "euc-jp" });
});

test("EUC-JP whose bytes happen to be valid Shift_JIS too is not guessed", () => {
  // 指標 / 実績値 in EUC-JP are valid Shift_JIS (half-width katakana): garbled headers if guessed.
  const euc = iconv.encode("指標,実績値\n", "euc-jp");
  expect(new TextDecoder("shift_jis").decode(euc)).not.toContain("指標");
  const refused = failure(decodeText(euc));
  expect(refused).toMatchObject({ code: "unknown-encoding", possible: ["shift_jis", "euc-jp"] });
  expect(decodeFailureMessage(refused)).toContain("Shift_JIS とも EUC-JP とも読めます");
});

test("a forced encoding is strict too: a wrong one is refused with the line", () => {
  expect(failure(decodeText(utf8, "shift_jis"))).toMatchObject({ code: "invalid-bytes", encoding: "shift_jis" });
  expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), "utf-8")).toEqual({ ok: true, text: CSV, encoding: "utf-8" });
});

test("NUL bytes without a BOM (UTF-16 that lost its BOM, or no text at all) are refused", () => {
  expect(failure(decodeText(iconv.encode(CSV, "utf16le")))).toEqual({ ok: false, code: "binary", line: 1 });
});
