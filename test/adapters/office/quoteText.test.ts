/** Any text the add-in writes is kept by Excel exactly as it is: the quote prefix covers every conversion Excel makes on write. */
import fc from "fast-check";
import { readEntry, TEXT_RULES } from "../../../src/adapters/memory/excelText";
import { needsQuote, safeText } from "../../../src/adapters/office/quoteText";

const EXAMPLES = ["=1+1", "+5", "-5", "-", "@x", "TRUE", "false", "(100)", ".5", "1e5", "10%", "$5", "#N/A", "#div/0!", "15-Feb", "Feb-15", "Feb 15, 2025", "February 2025", "4/1", "2025/4/1", "2025-04-01", "12:30", "1:30 PM", "1 1/2", "1,000", "'quoted", "1,700 件", "R7実績", "未集計", "−", "B"];

test.each(EXAMPLES)("%s written through safeText is kept as that text", (text) => {
  const written = safeText(text);
  const entered = readEntry(String(written));
  expect(entered).toEqual({ kind: "text", text, quoted: written !== text });
});

test("every text Excel would convert is quoted (property, over Excel's rules and any text)", () => {
  const samples = fc.oneof(fc.string(), fc.stringMatching(/^[\s+\-=@#('$.0-9a-zA-Z/:,%]{0,12}$/), fc.constantFrom(...EXAMPLES));
  fc.assert(
    fc.property(samples, (text) => {
      const entered = readEntry(text);
      const converted = !(entered.kind === "text" && entered.text === text) && entered.kind !== "empty";
      if (converted) expect(needsQuote(text)).toBe(true);
      const kept = readEntry(String(safeText(text)));
      expect(text === "" ? kept.kind : kept).toEqual(text === "" ? "empty" : expect.objectContaining({ kind: "text", text }));
    }),
    { numRuns: 3000 },
  );
  expect(TEXT_RULES.length).toBeGreaterThan(10);
});
