/** The lint rule that keeps database, email and PDF code out of routes and browser-bound files. */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it.each([
    ["app/routes/apply.tsx", 'import { getDb } from "~db/client";'],
    ["app/routes/apply.tsx", 'import { Kysely } from "kysely";'],
    ["app/routes/helpers.server.ts", 'import nodemailer from "nodemailer";'],
    ["app/components/letter.tsx", 'import PDFDocument from "pdfkit";'],
    ["app/domain/funds/funds.schema.ts", 'import { x } from "../../../db/schema";'],
    ["app/utils/format.ts", 'import { t } from "~templates/award-letter";'],
  ])("%s may not `%s`", async (file, code) => {
    expect(await errors(file, `${code}\nexport const y = 1;`)).toHaveLength(1);
  });

  it.each([
    ["app/domain/funds/funds.server.ts", 'import { getDb } from "~/utils/db.server";\nimport type { Kysely } from "kysely";'],
    ["app/utils/db.server.ts", 'export { getDb } from "~db/client";'],
    ["app/routes/_index.tsx", 'import { listFunds } from "~/domain/funds/funds.server";'],
  ])("%s may `%s`", async (file, code) => {
    expect(await errors(file, `${code}\nexport const y = 1;`)).toEqual([]);
  });
});
