/**
 * Office theme → Fluent UI theme. Office reports its theme colours in
 * Office.context.officeTheme (bodyBackgroundColor etc.; newer hosts also isDarkTheme);
 * the pane follows it with Fluent's web light or dark theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark";

/** The part of Office.OfficeTheme we read (isDarkTheme exists only in newer hosts). */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Parses #RGB or #RRGGBB (with or without #) into [r, g, b], or undefined. */
export function parseHexColour(colour: string | null | undefined): [number, number, number] | undefined {
  if (typeof colour !== "string") return undefined;
  const hex = colour.trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (c) => c + c) : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Dark when Office says so, or when its body background is dark (perceived brightness below
 * the middle); without an Office theme, the browser's colour-scheme preference decides.
 */
export function themeKindFromOffice(theme: OfficeThemeLike | null | undefined, prefersDark = false): ThemeKind {
  if (theme && typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const rgb = parseHexColour(theme?.bodyBackgroundColor);
  if (rgb) {
    const [r, g, b] = rgb;
    return (r * 299 + g * 587 + b * 114) / 1000 < 128 ? "dark" : "light";
  }
  return prefersDark ? "dark" : "light";
}

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : webLightTheme;
}
