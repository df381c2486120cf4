/**
 * Sending an application over HTTP against the real build: twenty POSTs of the "Accept and send" form at
 * once (a frantic double click, a replayed request) make one submission and one receipt per member, and
 * every one of them lands on the confirmation page.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { createSession } from "~/domain/accounts/sessions.server";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import { portalCookies } from "~/utils/cookies.server";
import { hmac } from "~/utils/secrets.server";
import { createApp } from "../../../server/app";
import { makeCompleteDraft, userId } from "../../factories";
import { useTestDb } from "../../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
let server: Server;
let base = "";

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  await seedDemo(db());
  server = await new Promise<Server>((resolve) => {
    const s = createApp({ build, production: false, trustProxy: false }).listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function signedIn(email: string) {
  const { token, session } = await createSession(db(), { userId: await userId(db(), email), stage: "active", idleMs: 3_600_000, ip: null, userAgent: null }, DEFAULT_AUTH_SETTINGS);
  return { cookie: (await portalCookies().session.serialize(token)).split(";")[0], csrf: hmac("csrf:session", session.id) };
}

describe("Accept and send", () => {
  it("twenty POSTs at once: one submission, one receipt per member, all sent to the confirmation", async () => {
    const app = await makeCompleteDraft(db(), { group: "Wisbech Riverside Community Larder", leadEmail: "alex@larder.example.org", amountPence: 30_000 });
    const alex = await signedIn("alex@larder.example.org");
    const page = await fetch(`${base}/applications/${app.id}/check`, { headers: { Cookie: alex.cookie } });
    const html = await page.text();
    expect(html).toContain("Now send your application");
    expect(html).toContain("Accept and send");

    const post = () =>
      fetch(`${base}/applications/${app.id}/check`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: alex.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: alex.csrf, declaration: "confirmed" }),
      });
    const responses = await Promise.all(Array.from({ length: 20 }, post));
    expect(responses.map((r) => `${r.status} ${r.headers.get("location")}`)).toEqual(Array(20).fill(`302 /applications/${app.id}/submitted`));

    const row = await db().selectFrom("applications").select(["status", "reference"]).where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
    const receipts = await db().selectFrom("outbox").select("to_email").where("template", "=", "application-received").where("reference", "=", row.reference).execute();
    expect(receipts.map((r) => r.to_email).sort()).toEqual(["alex@larder.example.org", "jo@larder.example.org"]);
    const transitions = await db().selectFrom("audit_log").select("id").where("entity_id", "=", app.id).where("to_state", "=", "submitted").execute();
    expect(transitions).toHaveLength(1);

    const confirmation = await (await fetch(`${base}/applications/${app.id}/submitted`, { headers: { Cookie: alex.cookie } })).text();
    expect(confirmation).toContain("Application submitted");
    expect(confirmation).toContain(row.reference!);
  });

  it("without the declaration, the page comes back with the GOV.UK error and nothing is sent", async () => {
    const app = await makeCompleteDraft(db(), { group: "Ramsey Timebank", amountPence: 30_000 });
    const maria = await signedIn("maria@ramsey-timebank.example.org");
    const res = await fetch(`${base}/applications/${app.id}/check`, {
      method: "POST",
      headers: { Cookie: maria.cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: maria.csrf }),
    });
    const html = await res.text();
    expect(html).toContain("<title>Error: Check your answers");
    expect(html).toContain("Confirm the declaration to send your application");
    expect((await db().selectFrom("applications").select("status").where("id", "=", app.id).executeTakeFirstOrThrow()).status).toBe("draft");
  });
});
