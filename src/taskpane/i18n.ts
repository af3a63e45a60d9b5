/**
 * The task pane's user-visible strings: Japanese first, English for every other display language.
 * The tables are in strings/; `fill` puts numbers and names into a template.
 */
import { ja } from "./strings/ja";
import { en } from "./strings/en";

export type Locale = "ja" | "en";
export type StringKey = keyof typeof ja;
export type Strings = { readonly [K in StringKey]: string };

export const STRINGS: Readonly<Record<Locale, Strings>> = { ja, en };
export { ja, en };

/** `{count} 件` with { count: 3 } → `3 件`; a placeholder without a value stays visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Japanese for a Japanese display language ("ja", "ja-JP"), English for any other or none. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return typeof language === "string" && /^ja(?:[-_]|$)/i.test(language.trim()) ? "ja" : "en";
}
