import JSZip from "jszip";

/** Parts of an .xlsx that ExcelJS drops when it writes the file again, by the zip path they live under. */
const UNSUPPORTED: { test: RegExp; name: string }[] = [
  { test: /^xl\/charts\//, name: "グラフ (charts)" },
  { test: /^xl\/chartsheets\//, name: "グラフシート (chart sheets)" },
  { test: /^xl\/pivotTables\//, name: "ピボットテーブル (pivot tables)" },
  { test: /^xl\/pivotCache\//, name: "ピボットキャッシュ (pivot caches)" },
  { test: /^xl\/slicers\/|^xl\/slicerCaches\//, name: "スライサー (slicers)" },
  { test: /^xl\/timelines\/|^xl\/timelineCaches\//, name: "タイムライン (timelines)" },
  { test: /^xl\/vbaProject\.bin$/, name: "マクロ (VBA macros)" },
  { test: /^xl\/externalLinks\//, name: "外部リンク (external links)" },
  { test: /^xl\/threadedComments\/|^xl\/persons\//, name: "スレッド形式のコメント (threaded comments)" },
  { test: /^xl\/ctrlProps\/|^xl\/activeX\//, name: "フォームコントロール (form controls)" },
  { test: /^xl\/queryTables\/|^xl\/connections\.xml$/, name: "外部データ接続 (data connections)" },
  { test: /^customXml\//, name: "カスタムXML (custom XML parts)" },
];

/** Shapes in drawings (text boxes, arrows): ExcelJS keeps pictures only. */
const SHAPE = /<xdr:sp[\s>]|<xdr:cxnSp[\s>]|<xdr:grpSp[\s>]/;

/** The names of the parts of an .xlsx that would be lost if ExcelJS wrote it back. */
export async function findUnsupportedParts(xlsx: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const found = new Set<string>();
  const paths = Object.keys(zip.files);
  for (const path of paths) {
    for (const part of UNSUPPORTED) if (part.test.test(path)) found.add(part.name);
  }
  for (const path of paths.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    if (SHAPE.test(xml)) found.add("図形・テキストボックス (shapes)");
  }
  return [...found];
}
