/**
 * Splicing a part's text: whatever order the splices come in (nearly sorted, as a patch gives them,
 * or reversed, as rows written out of order in a part give them), each lands at its offset, those at
 * one offset keep the order given, every other character stays, and overlapping splices are refused.
 */
import fc from "fast-check";
import { applySplices, type Splice } from "../../../../src/adapters/xlsx/xml/splice";

/** What applySplices must give: the text rebuilt from left to right, splices ordered by offset (stable). */
function expected(text: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  let out = "";
  let at = 0;
  for (const { s } of sorted) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Non-overlapping splices over a text of `length` characters: replacements and insertions. */
const splicesOver = (length: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((raw) => {
    const cuts = raw.map(([start, width, text]) => ({ start, end: Math.min(length, start + width), text })).sort((a, b) => a.start - b.start);
    const kept: Splice[] = [];
    for (const s of cuts) if (kept.length === 0 || s.start >= kept[kept.length - 1].end) kept.push(s);
    return kept;
  });

describe("applySplices", () => {
  it("puts every splice at its offset whatever order they come in", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 60 }).chain((text) => fc.tuple(fc.constant(text), splicesOver(text.length), fc.constantFrom("sorted", "reversed", "shuffled", "last first"), fc.integer())),
        ([text, splices, order, seed]) => {
          let given = [...splices];
          if (order === "reversed") given.reverse();
          if (order === "last first") given = [...given.slice(-2), ...given.slice(0, -2)];
          if (order === "shuffled") given.sort((a, b) => ((a.start * 31 + seed) % 7) - ((b.start * 31 + seed) % 7));
          expect(applySplices(text, given)).toBe(expected(text, given));
        },
      ),
    );
  });

  it("keeps insertions at one offset in the order given, and refuses overlapping splices", () => {
    expect(applySplices("<row></row>", [{ start: 5, end: 5, text: "<c>1</c>" }, { start: 5, end: 5, text: "<c>2</c>" }])).toBe("<row><c>1</c><c>2</c></row>");
    expect(() => applySplices("abcdef", [{ start: 1, end: 4, text: "x" }, { start: 3, end: 5, text: "y" }])).toThrow(/overlapping/);
  });

  it("takes twenty thousand splices given in reverse order (rows written last to first)", () => {
    const text = "<c/>".repeat(20_000);
    const splices = Array.from({ length: 20_000 }, (_, i) => ({ start: (19_999 - i) * 4, end: (19_999 - i) * 4 + 4, text: "<d/>" }));
    expect(applySplices(text, splices)).toBe("<d/>".repeat(20_000));
  });
});
