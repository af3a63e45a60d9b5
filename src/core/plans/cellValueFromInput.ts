const PLAIN_NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$/;
const PERCENT = /^([+-]?)(\d+(?:\.(\d+))?)%$/;

/**
 * How a typed or imported actual is written: a plain number as a number (keeping the cell's own
 * format), a percentage as a fraction with a percent format (as Excel does when one types 74.9%),
 * anything else as the text typed. Never a formula: the adapters write strings as text.
 */
export function cellValueFromInput(input: string): { value: string | number; numberFormat?: string } | null {
  const typed = input.trim();
  if (typed === "") return null;
  const text = typed.normalize("NFKC").replace(/\s+/g, "");
  const plain = PLAIN_NUMBER.exec(text);
  if (plain) return { value: Number(`${plain[1]}${plain[2].replace(/,/g, "")}`) };
  const percent = PERCENT.exec(text);
  if (percent) {
    const decimals = percent[3]?.length ?? 0;
    return {
      value: Number(`${percent[1]}${percent[2]}e-2`),
      numberFormat: decimals === 0 ? "0%" : `0.${"0".repeat(Math.min(decimals, 4))}%`,
    };
  }
  return { value: typed };
}
