import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The one architectural rule lint enforces: only server files inside app/ reach the database, email and
 * PDF code. On Remix's classic compiler `.server` protects only files inside app/, so anything else that
 * imported db/, emails/ or templates/ could leak them into the browser bundle (docs/decisions/0002).
 */
const SERVER_ONLY = {
  paths: [
    { name: "kysely", message: "Database code lives in app/**/*.server.ts (see docs/decisions/0002)." },
    { name: "better-sqlite3", message: "Database code lives in db/ and app/**/*.server.ts." },
    { name: "pg", message: "Database code lives in db/ and app/**/*.server.ts." },
    { name: "nodemailer", message: "Email is sent from app/**/*.server.ts only." },
    { name: "pdfkit", message: "PDFs are made in app/**/*.server.ts only." },
  ],
  patterns: [
    { group: ["~db/*", "~emails/*", "~templates/*"], message: "Import db/, emails/ and templates/ only from app/**/*.server.ts." },
    { group: ["**/db/*", "**/emails/*", "**/templates/*"], message: "Import db/, emails/ and templates/ only from app/**/*.server.ts." },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "bench/.build/**", "node_modules/**", "data/**", ".cache/**", "test-results/**", "app/styles/compiled/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { process: "readonly", console: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The few scripts served as they are to browsers (no build step): plain ES5-era browser code.
    files: ["public/*.js"],
    languageOptions: { sourceType: "script", globals: { window: "readonly", document: "readonly", URLSearchParams: "readonly" } },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts", "app/**/*.server.tsx"],
    rules: { "no-restricted-imports": ["error", SERVER_ONLY] },
  },
  {
    // Routes are HTTP glue: even their .server files go through app/domain.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", SERVER_ONLY] },
  },
);
