import { scanXml } from "../xml/scanXml";
import { startTag } from "../xml/xmlText";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
} as const;

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  scanXml(xml, CONTENT_TYPES_PART, {
    open(tag) {
      if (tag.local === "Default") defaults.set((tag.attributes.Extension ?? "").toLowerCase(), tag.attributes.ContentType ?? "");
      else if (tag.local === "Override") overrides.set((tag.attributes.PartName ?? "").toLowerCase(), tag.attributes.ContentType ?? "");
    },
  });
  return { defaults, overrides };
}

/** The content type of a part ("xl/workbook.xml"): its override, else its extension's default. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(`/${part}`.toLowerCase());
  if (override !== undefined) return override;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** Add the defaults (by extension) and overrides (by part) that are missing, before `</Types>`. */
export function addContentTypes(xml: string, defaults: [string, string][], overrides: [string, string][]): string {
  const known = parseContentTypes(xml);
  let rootName = "Types";
  let insertAt = -1;
  scanXml(xml, CONTENT_TYPES_PART, {
    open(tag) {
      if (tag.depth === 0) rootName = tag.name;
    },
    close(tag, end) {
      if (tag.depth === 0) insertAt = end - `</${tag.name}>`.length;
    },
  });
  const prefix = rootName.includes(":") ? rootName.slice(0, rootName.indexOf(":") + 1) : "";
  let added = "";
  for (const [extension, type] of defaults) {
    if (!known.defaults.has(extension.toLowerCase())) added += startTag(`${prefix}Default`, [["Extension", extension], ["ContentType", type]], true);
  }
  for (const [part, type] of overrides) {
    if (!known.overrides.has(`/${part}`.toLowerCase())) added += startTag(`${prefix}Override`, [["PartName", `/${part}`], ["ContentType", type]], true);
  }
  return added ? xml.slice(0, insertAt) + added + xml.slice(insertAt) : xml;
}

/** Remove the override of a part (when the part goes). */
export function removeOverride(xml: string, part: string): string {
  let cut: [number, number] | null = null;
  scanXml(xml, CONTENT_TYPES_PART, {
    close(tag, end) {
      if (tag.local === "Override" && (tag.attributes.PartName ?? "").toLowerCase() === `/${part}`.toLowerCase()) cut = [tag.start, end];
    },
  });
  const found = cut as [number, number] | null;
  return found ? xml.slice(0, found[0]) + xml.slice(found[1]) : xml;
}
