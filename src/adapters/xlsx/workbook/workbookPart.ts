import { scanXml } from "../xml/scanXml";
import { startTag } from "../xml/xmlText";
import { RELATIONSHIP_TYPES } from "../package/relationships";

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (old Mac workbooks). */
  date1904: boolean;
}

function truthy(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** Sheet names, order and states, and the date system, from xl/workbook.xml. */
export function readWorkbookPart(xml: string, part: string): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanXml(xml, part, {
    open(tag) {
      if (tag.local === "workbookPr") date1904 = truthy(tag.attributes.date1904);
      else if (tag.local === "sheet" && tag.depth === 2) {
        const a = tag.attributes;
        const relKey = Object.keys(a).find((k) => k.endsWith(":id"));
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", relId: relKey ? a[relKey] : "", state });
      }
    },
  });
  return { sheets, date1904 };
}

/** Add a sheet at the end of `<sheets>`; returns the new text. */
export function addSheetEntry(xml: string, part: string, name: string, relId: string): string {
  let sheetsName = "sheets";
  let insertAt = -1;
  let maxId = 0;
  let relPrefix = "";
  scanXml(xml, part, {
    open(tag) {
      if (tag.depth === 0) {
        const key = Object.keys(tag.attributes).find((k) => k.startsWith("xmlns:") && tag.attributes[k].endsWith("/relationships"));
        if (key) relPrefix = `${key.slice("xmlns:".length)}:`;
      }
      if (tag.local === "sheet") maxId = Math.max(maxId, Number(tag.attributes.sheetId) || 0);
    },
    close(tag, end) {
      if (tag.local === "sheets" && tag.depth === 1) {
        sheetsName = tag.name;
        insertAt = end - `</${tag.name}>`.length;
      }
    },
  });
  const prefix = sheetsName.slice(0, sheetsName.length - "sheets".length);
  const declare: [string, string][] = relPrefix ? [] : [["xmlns:r", RELATIONSHIP_TYPES]];
  const entry = startTag(`${prefix}sheet`, [["name", name], ["sheetId", String(maxId + 1)], ...declare, [`${relPrefix || "r:"}id`, relId]], true);
  return xml.slice(0, insertAt) + entry + xml.slice(insertAt);
}
