/** Types of scripts/addin-build.js (plain CommonJS, loaded by webpack.config.js and by tests). */
export type OfficeJsMode = "local" | "cdn";
export declare const DEV_URL: string;
export declare const OFFICE_JS_CDN: string;
export declare const OFFICE_JS_DIST: string;
export declare const EMPTY_STYLE_HASH: string;
export declare function officeJsMode(env?: { officejs?: unknown }, processEnv?: Record<string, string | undefined>): OfficeJsMode;
export declare function officeJsScriptSrc(mode: OfficeJsMode): string;
export declare function contentSecurityPolicy(mode: OfficeJsMode): string;
export declare function officeJsFiles(dist?: string): string[];
export declare function normalizeBaseUrl(raw: string): string;
export declare function rewriteManifestUrls(xml: string, baseUrl: string): string;
export declare const SYNTAX_TARGET: string;
export declare function swcOptions(options: { typescript: boolean }): Record<string, unknown>;
