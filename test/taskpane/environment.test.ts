/**
 * Office bootstrap without Office: display language → locale, Office theme → light/dark, and
 * what Office.onReady (or its absence) means for the shell.
 */
import { en, ja, localeFromLanguage, STRINGS } from "../../src/taskpane/i18n";
import { fluentTheme, parseHexColour, themeKindFromOffice } from "../../src/taskpane/theme";
import { browserEnvironment, environmentFromReady, watchEnvironment, type Environment, type OfficeLike, type ReadyInfo } from "../../src/taskpane/environment";
import { registerCommands } from "../../src/commands/commands";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";

describe("localeFromLanguage", () => {
  it.each([
    ["ja-JP", "ja"],
    ["ja", "ja"],
    ["JA-jp", "ja"],
    ["ja_JP", "ja"],
    ["en-US", "en"],
    ["zh-CN", "en"],
    ["jav", "en"],
    ["", "en"],
    [undefined, "en"],
    [null, "en"],
  ])("%p → %p", (language, locale) => {
    expect(localeFromLanguage(language)).toBe(locale);
  });
});

describe("strings", () => {
  it("has every key in both languages, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const table of Object.values(STRINGS)) for (const value of Object.values(table)) expect(value.trim()).not.toBe("");
  });

  it("uses the tab names of the issue", () => {
    expect([ja.tabCheck, ja.tabActuals, ja.tabEvaluate, ja.tabSummary]).toEqual(["検証", "実績入力", "評価", "集計"]);
    expect(ja.comingSoonTitle).toBe("準備中");
  });
});

describe("theme", () => {
  it("parses hex colours", () => {
    expect(parseHexColour("#FFFFFF")).toEqual([255, 255, 255]);
    expect(parseHexColour("262626")).toEqual([38, 38, 38]);
    expect(parseHexColour("#fc0")).toEqual([255, 204, 0]);
    expect(parseHexColour("white")).toBeUndefined();
    expect(parseHexColour(undefined)).toBeUndefined();
  });

  it("follows Office's body background, or isDarkTheme where the host has it", () => {
    expect(themeKindFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeKindFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light"); // Colorful / light grey
    expect(themeKindFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark"); // Dark Grey
    expect(themeKindFromOffice({ bodyBackgroundColor: "#000000" })).toBe("dark"); // Black
    expect(themeKindFromOffice({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true })).toBe("dark");
    expect(themeKindFromOffice({ bodyBackgroundColor: "#000000", isDarkTheme: false })).toBe("light");
  });

  it("falls back to the browser's preference without an Office theme", () => {
    expect(themeKindFromOffice(undefined)).toBe("light");
    expect(themeKindFromOffice(undefined, true)).toBe("dark");
    expect(themeKindFromOffice({ bodyBackgroundColor: "nonsense" }, true)).toBe("dark");
  });

  it("maps to Fluent's web themes", () => {
    expect(fluentTheme("light")).toBe(webLightTheme);
    expect(fluentTheme("dark")).toBe(webDarkTheme);
  });
});

/** A stand-in for the Office global. */
function fakeOffice(ready: Promise<ReadyInfo>, context?: OfficeLike["context"]): OfficeLike {
  return { onReady: () => ready, context };
}

describe("environmentFromReady", () => {
  const excel = fakeOffice(Promise.resolve({ host: "Excel" }), { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } });

  it("is Excel with Office's language and theme", () => {
    expect(environmentFromReady({ host: "Excel", platform: "PC" }, excel)).toEqual({ status: "excel", locale: "en", theme: "dark" });
    const jaLight = fakeOffice(Promise.resolve({ host: "Excel" }), { displayLanguage: "ja-JP", officeTheme: { bodyBackgroundColor: "#FFFFFF" } });
    expect(environmentFromReady({ host: "Excel" }, jaLight)).toEqual({ status: "excel", locale: "ja", theme: "light" });
  });

  it("is outside Office when onReady reports no host", () => {
    expect(environmentFromReady({ host: null }, excel, { language: "ja" })).toEqual({ status: "outside", locale: "ja", theme: "light" });
  });

  it("is another host for Word and friends", () => {
    expect(environmentFromReady({ host: "Word" }, excel).status).toBe("other-host");
  });

  it("falls back to the browser when the context throws", () => {
    const throwing = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      get context(): never {
        throw new Error("not supported");
      },
    } as OfficeLike;
    expect(environmentFromReady({ host: "Excel" }, throwing, { language: "ja-JP", prefersDark: true })).toEqual({ status: "excel", locale: "ja", theme: "dark" });
  });

  it("takes the browser's language for a browser environment", () => {
    expect(browserEnvironment("loading", { language: "en-GB" })).toEqual({ status: "loading", locale: "en", theme: "light" });
  });
});

describe("watchEnvironment", () => {
  afterEach(() => jest.useRealTimers());

  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  it("reports outside at once when office.js is missing", () => {
    const seen: Environment[] = [];
    watchEnvironment(undefined, { language: "ja-JP" }, (e) => seen.push(e));
    expect(seen).toEqual([{ status: "outside", locale: "ja", theme: "light" }]);
  });

  it("reports loading, then Excel when onReady answers", async () => {
    const seen: Environment[] = [];
    watchEnvironment(fakeOffice(Promise.resolve({ host: "Excel" }), { displayLanguage: "ja-JP" }), { language: "en-US" }, (e) => seen.push(e));
    await flush();
    expect(seen.map((e) => `${e.status}/${e.locale}`)).toEqual(["loading/en", "excel/ja"]);
  });

  it("reports outside when onReady answers with no host", async () => {
    const seen: Environment[] = [];
    watchEnvironment(fakeOffice(Promise.resolve({ host: null, platform: null })), { language: "en-US" }, (e) => seen.push(e));
    await flush();
    expect(seen.map((e) => e.status)).toEqual(["loading", "outside"]);
  });

  it("reports outside when onReady fails or throws", async () => {
    const seen: Environment[] = [];
    watchEnvironment(fakeOffice(Promise.reject(new Error("boom"))), {}, (e) => seen.push(e));
    const throwing: OfficeLike = {
      onReady: () => {
        throw new Error("boom");
      },
    };
    watchEnvironment(throwing, {}, (e) => seen.push(e));
    await flush();
    expect(seen.map((e) => e.status)).toEqual(["loading", "loading", "outside", "outside"]);
  });

  it("reports outside after the timeout, and switches to Excel if Office answers later", async () => {
    jest.useFakeTimers();
    let answer: (info: ReadyInfo) => void = () => undefined;
    const ready = new Promise<ReadyInfo>((resolve) => {
      answer = resolve;
    });
    const seen: Environment[] = [];
    watchEnvironment(fakeOffice(ready, { displayLanguage: "ja-JP" }), {}, (e) => seen.push(e), 5_000);
    jest.advanceTimersByTime(5_000);
    expect(seen.map((e) => e.status)).toEqual(["loading", "outside"]);
    answer({ host: "Excel" });
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.map((e) => e.status)).toEqual(["loading", "outside", "excel"]);
  });

  it("stops when cancelled", async () => {
    jest.useFakeTimers();
    const seen: Environment[] = [];
    const cancel = watchEnvironment(fakeOffice(new Promise<ReadyInfo>(() => undefined)), {}, (e) => seen.push(e), 1_000);
    cancel();
    jest.advanceTimersByTime(5_000);
    expect(seen.map((e) => e.status)).toEqual(["loading"]);
  });
});

describe("commands page", () => {
  it("initialises office.js", () => {
    const onReady = jest.fn(() => Promise.resolve({ host: null }));
    registerCommands({ onReady } as unknown as typeof Office);
    expect(onReady).toHaveBeenCalledTimes(1);
  });
});
