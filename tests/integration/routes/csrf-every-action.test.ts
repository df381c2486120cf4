/**
 * Every route that accepts a POST refuses one without the form's CSRF token, signed in or not: the
 * routes are found by reading app/routes, so a new action is covered the day it is written.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_PASSWORD } from "~db/seeds/index";
import { signIn } from "~/domain/accounts/accounts.server";
import { createApp } from "../../../server/app";
import { useTestDb } from "../../setup/test-db";

const db = useTestDb();
let server: Server;
let base = "";

/** app/routes/admin.emails.$id.tsx → /admin/emails/1; sign-in_.two-factor.tsx → /sign-in/two-factor. */
function urlOf(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? "1" : s.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

const ROUTES_DIR = path.resolve("app/routes");
const actionRoutes = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .filter((f) => /export (async )?(function|const) action\b/.test(fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")))
  .map((f) => [f, urlOf(f)] as const);

let sessionCookie = "";

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  await seedDemo(db().db);
  const app = createApp({ build, production: false, trustProxy: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const r = await signIn(db().db, { email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null });
  if (r.kind !== "signed_in") throw new Error(r.kind);
  sessionCookie = `session=${encodeURIComponent(Buffer.from(JSON.stringify(r.token)).toString("base64"))}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("CSRF on every action", () => {
  it("finds the routes that take a POST", () => {
    expect(actionRoutes.map(([, url]) => url)).toEqual(expect.arrayContaining(["/sign-in", "/register", "/sign-out", "/account/password", "/session/keep-alive"]));
  });

  it.each(actionRoutes)("%s refuses a POST without a token, signed in or not", async (_file, url) => {
    for (const cookie of ["", sessionCookie]) {
      const res = await fetch(`${base}${url}`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
        body: new URLSearchParams({ email: "alex@larder.example.org", password: DEMO_PASSWORD, intent: "regenerate" }),
      });
      expect(res.status, `${url} ${cookie ? "signed in" : "visitor"}`).toBe(403);
      expect(res.headers.get("set-cookie") ?? "").not.toMatch(/(^|, )session=[^;]+/);
    }
  });

  it("the signed-in cookie used here is a real one (so the test above cannot pass by accident)", async () => {
    const res = await fetch(`${base}/account`, { headers: { Cookie: sessionCookie }, redirect: "manual" });
    expect(res.status).toBe(200);
  });
});
