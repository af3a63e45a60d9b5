/**
 * The XML declarations spreadsheet writers put first (Excel, LibreOffice, openpyxl, ExcelJS,
 * XlsxWriter): a part starting with one of these, or with no declaration, may be plain.
 */
const DECLARATIONS = new Set([
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?xml version="1.0" encoding="utf-8"?>',
  '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
  "<?xml version='1.0' encoding='UTF-8'?>",
  "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
  '<?xml version="1.0" standalone="yes"?>',
  '<?xml version="1.0"?>',
]);

/** Whether `<` + `mark` occurs from `from` on (found by the mark alone: one-character search is far faster). */
function hasMarkup(xml: string, mark: string, from: number): boolean {
  for (let at = xml.indexOf(mark, from); at >= 0; at = xml.indexOf(mark, at + 1)) if (xml.charCodeAt(at - 1) === 60) return true;
  return false;
}

/**
 * Where the plain body of a part starts, or -1 when the part holds what this reader leaves to the
 * full parser: comments, CDATA, processing instructions, a document type, an unusual declaration,
 * a byte order mark.
 */
export function plainBodyStart(xml: string, fragment: boolean): number {
  let body = 0;
  if (!fragment && xml.startsWith("<?")) {
    const end = xml.indexOf("?>");
    if (end < 0 || !DECLARATIONS.has(xml.slice(0, end + 2))) return -1;
    body = end + 2;
  }
  if (hasMarkup(xml, "?", body + 1) || hasMarkup(xml, "!", body + 1) || xml.charCodeAt(0) === 0xfeff) return -1;
  return body;
}
