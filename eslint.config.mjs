import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Runs in Internet Explorer 11: ES5 only.
    files: ["src/taskpane/too-old.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { navigator: "readonly", document: "readonly" } },
  },
  {
    // The pure core must never depend on Office, the DOM or files.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/adapters/**", "**/taskpane/**", "react", "exceljs", "fs", "node:*"] }],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document"],
    },
  },
);
