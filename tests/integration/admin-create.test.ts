/**
 * `npm run admin:create`: the only way to make the first service administrator. It prints a one-time
 * set-up link; the link leads to choosing a password and then setting up two-factor authentication.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "~db/client";
import { checkSetupLink, completeAccountSetup } from "~/domain/accounts/accounts.server";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-admin-create-"));
const databaseUrl = `file:${path.join(dir, "portal.db")}`;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function adminCreate(...args: string[]) {
  return run("npx", ["tsx", "server/admin-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: "https://grants.example.org", NODE_ENV: "production" },
  });
}

describe("npm run admin:create", () => {
  it("makes a service administrator on an empty production database and prints a one-time set-up link", async () => {
    const { stdout } = await adminCreate("--email", "First.Admin@Council.example.org", "--name", "First Admin");
    const link = /https:\/\/grants\.example\.org\/account\/set-up\?token=([A-Za-z0-9_-]+)/.exec(stdout);
    expect(link).not.toBeNull();
    expect(stdout).toContain("First.Admin@Council.example.org is ready to set up");

    const { db } = createDb(databaseUrl);
    try {
      const users = await db.selectFrom("users").selectAll().execute();
      expect(users.map((u) => u.email)).toEqual(["first.admin@council.example.org"]); // nothing else: production never seeds
      const grants = await db.selectFrom("role_grants").select(["role", "scope"]).execute();
      expect(grants).toEqual([{ role: "service_admin", scope: "all" }]);
      expect(await checkSetupLink(db, link![1], { ip: null, userAgent: null })).toEqual({ ok: true, email: "first.admin@council.example.org" });

      const setUp = await completeAccountSetup(db, { token: link![1], password: "harbour lantern thistle", confirmPassword: "harbour lantern thistle", deviceToken: null }, { ip: null, userAgent: null });
      expect(setUp.kind).toBe("two_factor_setup"); // not signed in until two-factor is set up
      expect((await checkSetupLink(db, link![1], { ip: null, userAgent: null })).ok).toBe(false);
    } finally {
      await db.destroy();
    }
  });

  it("refuses an address that already has an account, and explains how to use it", async () => {
    await expect(adminCreate("--email", "first.admin@council.example.org", "--name", "Again")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("already has an account"),
    });
  });

  it("says how to call it when the email or name is missing", async () => {
    await expect(adminCreate("--email", "x@example.org")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run admin:create") });
  });
});
