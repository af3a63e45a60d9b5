/**
 * The plain XML reader gives what saxes gives: the same elements, attributes, text and offsets for
 * every text it takes, an error for every text saxes rejects, and the text back to saxes when it
 * holds comments, CDATA and the like. Checked on tables, on generated and damaged documents, and on
 * every XML part of the workbooks in test/fixtures and seeds/ (written by Excel, LibreOffice,
 * openpyxl and ExcelJS).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { nodeZipCodec } from "../../../../src/adapters/xlsx/package/nodeZipCodec";
import { readZip } from "../../../../src/adapters/xlsx/package/zipArchive";
import { scanPlainXml } from "../../../../src/adapters/xlsx/xml/scanPlainXml";
import { scanWithSaxes, type XmlHandlers } from "../../../../src/adapters/xlsx/xml/scanXml";
import { XmlSyntaxError } from "../../../../src/adapters/xlsx/xml/XmlSyntaxError";

type Outcome = { kind: "events"; events: string[] } | { kind: "error" } | { kind: "declined" };

/** The events of a scan as lines; text between two tags as one line (saxes may cut it up). */
function recorder(): { handlers: XmlHandlers; events: string[] } {
  const events: string[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text !== "") events.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const handlers: XmlHandlers = {
    open(tag) {
      flush();
      depth++;
      events.push(`open ${tag.name} ${tag.local} ${JSON.stringify(Object.entries(tag.attributes))} ${tag.start}-${tag.openEnd} ${tag.selfClosing} ${tag.depth}`);
    },
    close(tag, end) {
      flush();
      depth--;
      events.push(`close ${tag.name} ${end}`);
    },
    // Text outside the root element (white space) is not reported by the plain reader.
    text(value) {
      if (depth > 0) text += value;
    },
  };
  return { handlers, events };
}

function outcome(scan: (handlers: XmlHandlers) => boolean): Outcome {
  const { handlers, events } = recorder();
  try {
    return scan(handlers) ? { kind: "events", events } : { kind: "declined" };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { kind: "error" };
    throw error;
  }
}

const plain = (xml: string, fragment = false) => outcome((h) => scanPlainXml(xml, "part.xml", h, fragment));
const saxes = (xml: string, fragment = false) =>
  outcome((h) => {
    scanWithSaxes(xml, "part.xml", h, { fragment });
    return true;
  });

/** The plain reader's outcome agrees with saxes' (declining is always allowed); returns whether it read the text. */
function agrees(xml: string, fragment = false): boolean {
  const mine = plain(xml, fragment);
  if (mine.kind === "declined") return false;
  expect({ xml, ...mine }).toEqual({ xml, ...saxes(xml, fragment) });
  return true;
}

describe("scanPlainXml", () => {
  test.each([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="urn:x"><sheetData><row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1"/></row></sheetData></worksheet>',
    "<a b='single' c=\"double\"/>",
    "<a>&lt;&gt;&amp;&quot;&apos; and &#65;&#x42;&#x1F600; 実績値 😀</a>",
    '<a b="x&amp;y&#9;z" c="tab\there" d="new\nline" e="&#10;kept"/>',
    '<a  b = "1"\n\tc="2" ></a >',
    '<x:worksheet xmlns:x="urn:x"><x:c r="A1"><x:v>1.5</x:v></x:c></x:worksheet>',
    '<実績 値="1"><é·x/><a.b-c_d:e/></実績>',
    "<a>]] > ]></a>",
    '<a b="]]>"/>',
    "<a>\n  <b/>\n  text\n</a>\n",
    '<a __proto__="p" constructor="c" toString="t"/>',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a\r\nb="x\r\ny" c="p\rq" d="r\r\r\ns"\r\n>x\ry\r\n\r\nz\r</a\r\n>\r\n',
  ])("reads %j as saxes does", (xml) => {
    expect(agrees(xml)).toBe(true);
  });

  test("reads fragments (start tags side by side) as saxes does", () => {
    expect(agrees('<c r="A1" s="2"/><row r="3" spans="1:4"/><c r="B2" t="s"/>', true)).toBe(true);
  });

  test.each([
    ["a comment", "<a><!-- note --></a>"],
    ["CDATA", "<a><![CDATA[x < y]]></a>"],
    ["a processing instruction", '<a><?mso-application progid="Excel.Sheet"?></a>'],
    ["a document type", "<!DOCTYPE a><a/>"],
    ["a byte order mark", "\uFEFF<a/>"],
    ["another declaration", '<?xml version="1.0" encoding="Shift_JIS"?><a/>'],
    ["a declaration after white space", ' <?xml version="1.0"?><a/>'],
  ])("leaves %s to saxes, reporting nothing", (_what, xml) => {
    expect(plain(xml)).toEqual({ kind: "declined" });
  });

  test.each([
    ["a closing tag that does not match", "<a><b></a></b>"],
    ["a duplicate attribute", '<a b="1" b="2"/>'],
    ["attributes without white space between", '<a b="1"c="2"/>'],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["an entity without its semicolon", "<a>&amp</a>"],
    ["a reference to character 0", "<a>&#0;</a>"],
    ["a reference to a surrogate", "<a>&#xD800;</a>"],
    ["a reference beyond Unicode", "<a>&#x110000;</a>"],
    ["a reference with no digits", "<a>&#x;</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["U+FFFE", "<a>\uFFFE</a>"],
    ["a lone surrogate", "<a>\uD800</a>"],
    ["']]>' in text", "<a>]]></a>"],
    ["'<' in an attribute", '<a b="<"/>'],
    ["an unquoted attribute", "<a b=1/>"],
    ["text after the root", "<a/>x"],
    ["two roots", "<a/><b/>"],
    ["an unclosed element", "<a><b/>"],
    ["no root", "   "],
    ["a name starting with a digit", "<1a/>"],
    ["an unclosed start tag", '<a b="1"'],
  ])("rejects %s as saxes does", (_what, xml) => {
    expect(saxes(xml)).toEqual({ kind: "error" });
    expect(plain(xml)).toEqual({ kind: "error" });
  });

  const name = fc.constantFrom("c", "v", "row", "x:c", "sheetData", "実績", "a1", "_b.c-d");
  const text = fc.array(fc.constantFrom("a", "1", " ", "\n", "\r\n", "\r", "\t", "&amp;", "&lt;", "&#x1F600;", "&#12354;", ">", "]", "実", "😀", '"', "'"), { maxLength: 8 }).map((pieces) => pieces.join(""));
  const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "x:id", "spans", "値"), text, fc.constantFrom('"', "'")), { selector: ([n]) => n, maxLength: 4 });
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc
      .tuple(name, attributes, fc.constantFrom("", " ", "\n  "), depth <= 1 ? fc.constant([] as string[]) : fc.array(fc.oneof(element(depth - 1), text), { maxLength: 4 }), fc.boolean())
      .map(([tag, attrs, space, children, empty]) => {
        const written = attrs.map(([n, v, q]) => ` ${n}=${q}${v.replaceAll(q, q === '"' ? "&quot;" : "&apos;")}${q}`).join("");
        return empty && children.length === 0 ? `<${tag}${written}${space}/>` : `<${tag}${written}${space}>${children.join("")}</${tag}${space}>`;
      }),
  );
  const document = fc.tuple(fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'), element(4)).map(([declaration, root]) => declaration + root);

  test("reads generated documents as saxes does", () => {
    fc.assert(
      fc.property(document, (xml) => {
        expect(agrees(xml)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("damaged documents: never accepts what saxes rejects, never reads them differently", () => {
    // No lone surrogates: parts are decoded from UTF-8, which cannot hold one (saxes lets some through).
    const damage = fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "repeat"), fc.constantFrom("<", ">", "/", "&", ";", "#", '"', "'", "=", " ", "\r", "x", "]", "\u0001", "é"));
    fc.assert(
      fc.property(document, fc.array(damage, { minLength: 1, maxLength: 3 }), (xml, damages) => {
        // By code points: cutting a surrogate pair in two would make a lone one.
        const damaged = Array.from(xml);
        for (const [at, how, char] of damages) {
          const i = at % (damaged.length + 1);
          if (how === "delete") damaged.splice(i, 1);
          else if (how === "insert") damaged.splice(i, 0, char);
          else damaged.splice(i, 0, ...damaged.slice(i, i + 5));
        }
        agrees(damaged.join(""));
      }),
      { numRuns: 1000 },
    );
  });

  test("reads every XML part of the fixtures and seeds as saxes does, and most of them itself", () => {
    const root = path.join(__dirname, "../../../..");
    const books = [...fs.readdirSync(path.join(root, "seeds")).map((f) => path.join("seeds", f)), ...["test/fixtures/xlsx", "test/fixtures/xlsx/excel"].flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((f) => path.join(dir, f)))].filter((f) => /\.xls[xm]$/.test(f));
    let parts = 0;
    let read = 0;
    for (const book of books) {
      for (const entry of readZip(fs.readFileSync(path.join(root, book))).entries) {
        if (!/\.(xml|rels|vml)$/.test(entry.name)) continue;
        const bytes = entry.method === 8 ? nodeZipCodec.inflateRaw(entry.data, entry.size) : entry.data;
        parts++;
        if (agrees(new TextDecoder().decode(bytes))) read++;
      }
    }
    expect(books.length).toBeGreaterThanOrEqual(13);
    // Every part these writers wrote is plain XML (no comments, CDATA or processing instructions).
    expect(read).toBe(parts);
  });
});
