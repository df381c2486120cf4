/**
 * The accounts feature over HTTP, against the real Remix build inside the express app (npm test builds it
 * first): what an attacker and a user notice from the outside. Cookies are kept in a small jar per browser;
 * one-time links are read from the outbox (the mail worker does not run here).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fromJson } from "~db/json";
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from "~db/seeds/index";
import { issueRecoveryCodes } from "~/domain/accounts/accounts.server";
import { setSecureCookies } from "~/utils/cookies.server";
import { createApp } from "../../../server/app";
import { useTestDb } from "../../setup/test-db";

const db = useTestDb();
let build: ServerBuild;
const servers: Server[] = [];
/** The ordinary (not production) server most tests use. */
let base: string;

const NEW_PASSWORD = "plum kettle orbit lantern";
const SERVICE_ADMIN = DEMO_STAFF.find((s) => s.email === "service.admin@council.example.org")!;

async function start(production = false): Promise<string> {
  const app = createApp({ build, production, trustProxy: false });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Everything the server logged while these tests ran: it must hold no password, code, token or session id. */
const logged: string[] = [];

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("Run `npm run build` first (npm test does it for you).");
  build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  await seedDemo(db().db);
  base = await start(false);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

// ---------------------------------------------------------------------------------------------------------
// A browser, as far as these tests need one

interface PostOptions {
  /** The Origin header: the site's own unless given; null sends none. */
  origin?: string | null;
  referer?: string;
}

class Jar {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]) <= Date.now()));
      if (!value || gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(pathname: string): Promise<Response> {
    const res = await fetch(new URL(pathname, this.base), { redirect: "manual", headers: { cookie: this.cookieHeader() } });
    this.store(res);
    return res;
  }

  async post(pathname: string, fields: Record<string, string>, opts: PostOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" };
    const origin = opts.origin === undefined ? this.base : opts.origin;
    if (origin !== null) headers.origin = origin;
    if (opts.referer) headers.referer = opts.referer;
    const res = await fetch(new URL(pathname, this.base), { method: "POST", redirect: "manual", headers, body: new URLSearchParams(fields).toString() });
    this.store(res);
    return res;
  }

  /** Opens a page and reads the hidden `csrf` field its forms carry. */
  async csrf(pathname: string): Promise<string> {
    const res = await this.get(pathname);
    const html = await res.text();
    const token = inputValue(html, "csrf");
    if (res.status !== 200 || !token) throw new Error(`GET ${pathname} gave ${res.status} and no csrf field`);
    return token;
  }

  /** Another browser holding the same cookies. */
  clone(): Jar {
    const j = new Jar(this.base);
    for (const [k, v] of this.cookies) j.cookies.set(k, v);
    return j;
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? "");
  return attrs;
}

/** The value of the first <input name=…> on the page. */
function inputValue(html: string, name: string): string | null {
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.name === name) return a.value ?? "";
  }
  return null;
}

/** What a person reads: the text of the tags given (the main content by default), as one line. */
function text(html: string, tag = "main"): string {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  return decodeEntities((m ? m[1] : html).replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

const heading = (html: string) => text(html, "h1");

function setCookieFor(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
}

/** The cookie's value is the session token (JSON, base64); the sessions table holds only its sha256. */
function sessionIdOf(cookieValue: string): string {
  const token = JSON.parse(Buffer.from(decodeURIComponent(cookieValue), "base64").toString("utf8")) as string;
  return createHash("sha256").update(token).digest("hex");
}

async function signIn(jar: Jar, email: string, password = DEMO_PASSWORD, returnTo = ""): Promise<Response> {
  const csrf = await jar.csrf("/sign-in");
  return jar.post("/sign-in", { csrf, email, password, returnTo, website: "" });
}

async function signedInJar(email: string, at = base): Promise<Jar> {
  const jar = new Jar(at);
  const res = await signIn(jar, email);
  expect(res.status, `signing in ${email}`).toBe(302);
  expect(res.headers.get("location")).toBe("/account");
  return jar;
}

/** A code the app has not seen yet: now's, or the next step's when now's was used (codes work one step either side). */
async function unusedTotpCode(email: string, secret: string): Promise<string> {
  const user = await db().db.selectFrom("users").select("totp_last_step").where("email", "=", email).executeTakeFirstOrThrow();
  const nowStep = Math.floor(Date.now() / 30_000);
  let step = Math.max(nowStep, (user.totp_last_step ?? -1) + 1);
  while (step > Math.floor(Date.now() / 30_000) + 1) await new Promise((r) => setTimeout(r, 1000));
  step = Math.max(step, Math.floor(Date.now() / 30_000) - 1);
  return new TOTP({ secret }).generate({ timestamp: step * 30_000 + 1000 });
}

async function signInStaff(jar: Jar, staff: { email: string; totpSecret: string }, returnTo = ""): Promise<Response> {
  const first = await signIn(jar, staff.email, DEMO_PASSWORD, returnTo);
  expect(first.status).toBe(302);
  expect(first.headers.get("location")).toBe("/sign-in/two-factor");
  const csrf = await jar.csrf("/sign-in/two-factor");
  return jar.post("/sign-in/two-factor", { csrf, code: await unusedTotpCode(staff.email, staff.totpSecret) });
}

async function outboxRows(toEmail: string, template: string) {
  const rows = await db()
    .db.selectFrom("outbox")
    .select(["id", "data", "contains_secret"])
    .where("to_email", "=", toEmail)
    .where("template", "=", template)
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, data: fromJson<Record<string, unknown>>(r.data, {}) }));
}

async function latestToken(toEmail: string, template: "verify-email" | "reset-password"): Promise<string> {
  const [row] = await outboxRows(toEmail, template);
  expect(row, `a ${template} email to ${toEmail}`).toBeDefined();
  return String(row.data.token);
}

async function register(jar: Jar, email: string, extra: Record<string, string> = {}): Promise<Response> {
  const csrf = await jar.csrf("/register");
  return jar.post("/register", { csrf, fullName: "Nia Thompson", email, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, website: "", ...extra });
}

async function userCount(email: string): Promise<number> {
  const rows = await db().db.selectFrom("users").select("id").where("email", "=", email).execute();
  return rows.length;
}

const cspNonce = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

// ---------------------------------------------------------------------------------------------------------

describe("accounts over HTTP", () => {
  it("every page and static file carries an enforced, nonce-based Content-Security-Policy and the other security headers; HSTS only in production", async () => {
    const page = await fetch(`${base}/sign-in`);
    const html = await page.text();
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet, "the page links a stylesheet from /build/").toBeDefined();
    const again = await fetch(`${base}/sign-in`);
    const favicon = await fetch(`${base}/favicon.svg`);
    // Another process rebuilding this working tree empties public/build for a moment: wait that out.
    let asset = await fetch(`${base}${stylesheet}`);
    for (let i = 0; i < 10 && asset.status === 404; i++) {
      await new Promise((r) => setTimeout(r, 300));
      asset = await fetch(`${base}${stylesheet}`);
    }
    expect([page.status, again.status, favicon.status, asset.status]).toEqual([200, 200, 200, 200]);

    const nonces: string[] = [];
    for (const res of [page, again, favicon, asset]) {
      const csp = res.headers.get("content-security-policy");
      expect(csp, res.url).toBeTruthy();
      expect(res.headers.get("content-security-policy-report-only"), res.url).toBeNull();
      const scriptSrc = csp!.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
      expect(scriptSrc, res.url).toMatch(/'nonce-[^']+'/);
      expect(scriptSrc, res.url).not.toContain("'unsafe-inline'");
      expect(csp, res.url).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), res.url).toBeTruthy();
      expect(res.headers.get("permissions-policy"), res.url).toBeTruthy();
      expect(res.headers.get("strict-transport-security"), res.url).toBeNull();
      nonces.push(cspNonce(csp)!);
    }
    expect(new Set(nonces).size, "a new nonce for every response").toBe(nonces.length);
    // Any inline script on the page carries this response's nonce.
    for (const m of html.matchAll(/<script\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (!a.src) expect(a.nonce).toBe(cspNonce(page.headers.get("content-security-policy")));
    }

    const prod = await start(true);
    try {
      for (const p of ["/sign-in", "/favicon.svg", stylesheet!]) {
        const res = await fetch(`${prod}${p}`);
        expect(res.status, p).toBe(200);
        expect(res.headers.get("strict-transport-security"), p).toMatch(/max-age=\d+/);
        expect(res.headers.get("content-security-policy"), p).toContain("frame-ancestors 'none'");
      }
    } finally {
      setSecureCookies(false);
    }
  });

  it("a sign-in form without this browser's CSRF token is refused (403, not signed in); with it, the sign-in goes ahead", async () => {
    const jar = new Jar(base);
    const valid = await jar.csrf("/sign-in");
    const creds = { email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo: "", website: "" };

    const missing = await jar.post("/sign-in", creds);
    expect(missing.status).toBe(403);
    expect(setCookieFor(missing, "session")).toBeUndefined();
    expect(heading(await missing.text())).toBe("Sorry, that form had expired");

    const other = new Jar(base);
    const othersToken = await other.csrf("/sign-in");
    expect(othersToken).not.toBe(valid);
    const stolen = await jar.post("/sign-in", { ...creds, csrf: othersToken });
    expect(stolen.status).toBe(403);
    expect(setCookieFor(stolen, "session")).toBeUndefined();

    const ok = await jar.post("/sign-in", { ...creds, csrf: valid });
    expect(ok.status).not.toBe(403);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/account");
    expect(setCookieFor(ok, "session")).toBeDefined();
  });

  it("a form posted from another site (or from nowhere) is refused, even with a valid token; a same-origin Referer is enough", async () => {
    const jar = new Jar(base);
    const csrf = await jar.csrf("/sign-in");
    const creds = { csrf, email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo: "", website: "" };

    const evil = await jar.post("/sign-in", creds, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(setCookieFor(evil, "session")).toBeUndefined();
    expect(await evil.text()).toContain("Sorry, we could not accept that form");

    const nowhere = await jar.post("/sign-in", creds, { origin: null });
    expect(nowhere.status).toBe(403);
    expect(setCookieFor(nowhere, "session")).toBeUndefined();
    expect(await nowhere.text()).toContain("Sorry, we could not accept that form");

    const opaque = await jar.post("/sign-in", creds, { origin: "null" });
    expect(opaque.status).toBe(403);
    expect(setCookieFor(opaque, "session")).toBeUndefined();
    expect(await opaque.text()).toContain("Sorry, we could not accept that form");
    const opaqueWithReferer = await jar.post("/sign-in", creds, { origin: "null", referer: `${base}/sign-in` });
    expect(opaqueWithReferer.status).toBe(403);

    const referred = await jar.post("/sign-in", creds, { origin: null, referer: `${base}/sign-in` });
    expect(referred.status).toBe(302);
    expect(referred.headers.get("location")).toBe("/account");
    expect(setCookieFor(referred, "session")).toBeDefined();
  });

  it("a bot that fills in the hidden 'website' field gets 400 and no account", async () => {
    const jar = new Jar(base);
    const res = await register(jar, "bot@spam.example.net", { website: "https://spam.example.net" });
    expect(res.status).toBe(400);
    expect(await userCount("bot@spam.example.net")).toBe(0);
    expect(await outboxRows("bot@spam.example.net", "verify-email")).toHaveLength(0);
  });

  it("registering gives the same answer for a new and an existing address; only the email differs, and its link is stored only as a hash", async () => {
    const fresh = await register(new Jar(base), "new.applicant@example.net");
    const existing = await register(new Jar(base), "alex@larder.example.org");
    expect(fresh.status).toBe(302);
    expect([existing.status, existing.headers.get("location")]).toEqual([fresh.status, fresh.headers.get("location")]);
    expect(fresh.headers.get("location")).toBe("/register/check-email");

    expect(await outboxRows("alex@larder.example.org", "account-exists")).toHaveLength(1);
    expect(await outboxRows("alex@larder.example.org", "verify-email")).toHaveLength(0);
    const [verify] = await outboxRows("new.applicant@example.net", "verify-email");
    expect(verify).toBeDefined();
    expect(await outboxRows("new.applicant@example.net", "account-exists")).toHaveLength(0);

    const token = String(verify.data.token);
    expect(token.length).toBeGreaterThanOrEqual(20);
    const tokens = await db().db.selectFrom("auth_tokens").selectAll().execute();
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(tokens.some((t) => t.token_hash === createHash("sha256").update(token).digest("hex"))).toBe(true);
  });

  it("the link in the email confirms the address once; a changed or expired link says so; signing in before confirming asks to confirm first", async () => {
    const email = "verify.me@example.net";
    expect((await register(new Jar(base), email)).status).toBe(302);

    const early = await signIn(new Jar(base), email, NEW_PASSWORD);
    expect(early.status).toBe(200);
    expect(setCookieFor(early, "session")).toBeUndefined();
    expect(text(await early.text())).toContain("Confirm your email address first");

    // Signing in sent a fresh link, which replaces the first.
    const token = await latestToken(email, "verify-email");
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    const bad = await fetch(`${base}/verify-email?token=${encodeURIComponent(tampered)}`);
    expect(heading(await bad.text())).toBe("The link is not right");

    // Opening the link (as a mail scanner would) changes nothing: it shows a button.
    const opened = await fetch(`${base}/verify-email?token=${encodeURIComponent(token)}`);
    expect(opened.status).toBe(200);
    expect(heading(await opened.text())).toBe("Confirm your email address");
    const stillUnconfirmed = await db().db.selectFrom("users").select("email_verified_at").where("email", "=", email).executeTakeFirstOrThrow();
    expect(stillUnconfirmed.email_verified_at).toBeNull();

    const browser = new Jar(base);
    const page = `/verify-email?token=${encodeURIComponent(token)}`;
    const first = await browser.post(page, { csrf: await browser.csrf(page), token });
    expect(first.status).toBe(200);
    expect(heading(await first.text())).toBe("Your email address is confirmed");
    const second = await fetch(`${base}${page}`);
    expect(heading(await second.text())).toBe("Your email address is already confirmed");
    const again = await browser.post(page, { csrf: await browser.csrf("/sign-in"), token });
    expect(heading(await again.text())).toBe("Your email address is already confirmed");

    const now = await signIn(new Jar(base), email, NEW_PASSWORD);
    expect(now.status).toBe(302);
    expect(setCookieFor(now, "session")).toBeDefined();

    const late = "verify.late@example.net";
    expect((await register(new Jar(base), late)).status).toBe(302);
    const lateToken = await latestToken(late, "verify-email");
    const user = await db().db.selectFrom("users").select("id").where("email", "=", late).executeTakeFirstOrThrow();
    await db()
      .db.updateTable("auth_tokens")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("user_id", "=", user.id)
      .where("purpose", "=", "verify_email")
      .execute();
    const expired = await fetch(`${base}/verify-email?token=${encodeURIComponent(lateToken)}`);
    expect(heading(await expired.text())).toBe("The link has expired");
    const row = await db().db.selectFrom("users").select("email_verified_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).toBeNull();
  });

  it("signing in works with a full-width, upper-case address; the session cookie is HttpOnly, SameSite=Lax (__Host- and Secure in production) and new at every sign-in", async () => {
    const jar = new Jar(base);
    const res = await signIn(jar, "ＡＬＥＸ@LARDER.example.org");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/account");
    const cookie = setCookieFor(res, "session")!;
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    const account = await jar.get("/account");
    expect(account.status).toBe(200);
    expect(text(await account.text())).toContain("alex@larder.example.org");

    // Signing in again in the same browser: a new session, and the old cookie stops working.
    const firstValue = jar.cookies.get("session")!;
    const csrf = await jar.csrf("/account");
    const again = await jar.post("/sign-in", { csrf, email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo: "", website: "" });
    expect(again.status).toBe(302);
    const secondValue = jar.cookies.get("session")!;
    expect(secondValue).toBeDefined();
    expect(secondValue).not.toBe(firstValue);
    expect((await jar.get("/account")).status).toBe(200);
    const old = new Jar(base);
    old.cookies.set("session", firstValue);
    const replay = await old.get("/account");
    expect(replay.status).toBe(302);
    expect(new URL(replay.headers.get("location")!, base).pathname).toBe("/sign-in");

    const prod = await start(true);
    try {
      const pjar = new Jar(prod);
      const pres = await signIn(pjar, "alex@larder.example.org");
      expect(pres.status).toBe(302);
      const pcookie = setCookieFor(pres, "__Host-session");
      expect(pcookie, pres.headers.getSetCookie().join(" | ")).toBeDefined();
      expect(pcookie).toMatch(/;\s*Secure/i);
      expect(pcookie).toMatch(/;\s*HttpOnly/i);
      expect(pcookie).toMatch(/;\s*SameSite=Lax/i);
      expect(pcookie).toMatch(/;\s*Path=\//i);
      expect(pcookie).not.toMatch(/;\s*Domain=/i);
      expect(setCookieFor(pres, "session")).toBeUndefined();
    } finally {
      setSecureCookies(false);
    }
  });

  it("a wrong password and an address with no account get the same page and status", async () => {
    const wrong = await signIn(new Jar(base), "maria@ramsey-timebank.example.org", "not-the-password-at-all");
    const unknown = await signIn(new Jar(base), "nobody.here@example.net", "not-the-password-at-all");
    expect(wrong.status).toBe(200);
    expect(unknown.status).toBe(wrong.status);
    expect(setCookieFor(wrong, "session")).toBeUndefined();
    const [a, b] = [text(await wrong.text()), text(await unknown.text())];
    expect(a).toContain("Enter the email address and password of your account. Check them and try again");
    expect(b).toBe(a);
  });

  it("after signing out, the old session cookie no longer lets anyone in", async () => {
    const jar = await signedInJar("alex@larder.example.org");
    const cookie = jar.cookies.get("session")!;
    const id = sessionIdOf(cookie);
    expect(await db().db.selectFrom("sessions").select("id").where("id", "=", id).execute()).toHaveLength(1);

    const csrf = await jar.csrf("/account");
    const out = await jar.post("/sign-out", { csrf });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/signed-out");
    expect(jar.cookies.has("session")).toBe(false);
    expect(await db().db.selectFrom("sessions").select("id").where("id", "=", id).execute()).toHaveLength(0);

    const thief = new Jar(base);
    thief.cookies.set("session", cookie);
    const replay = await thief.get("/account");
    expect(replay.status).toBe(302);
    const to = new URL(replay.headers.get("location")!, base);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("returnTo")).toBe("/account");
  });

  it("after the session expires, signing in again goes back to the page they were on; a returnTo never leads off the site", async () => {
    const jar = await signedInJar("alex@larder.example.org");
    await db()
      .db.updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", sessionIdOf(jar.cookies.get("session")!))
      .execute();
    const res = await jar.get("/account?x=1");
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location")!, base);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("returnTo")).toBe("/account?x=1");
    expect(to.searchParams.get("signedOut")).toBe("1");

    const page = await jar.get(`${to.pathname}${to.search}`);
    const html = await page.text();
    expect(text(html)).toContain("You have been signed out");
    const returnTo = inputValue(html, "returnTo")!;
    expect(returnTo).toBe("/account?x=1");
    const back = await jar.post("/sign-in", { csrf: inputValue(html, "csrf")!, email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo, website: "" });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/account?x=1");

    for (const evil of ["//evil.example", String.raw`/\evil.example`, "https:evil.example", "javascript:alert(1)", "%2F%2Fevil.example", "/%5Cevil.example", "https://evil.example/"]) {
      const j = new Jar(base);
      const r = await signIn(j, "alex@larder.example.org", DEMO_PASSWORD, evil);
      expect(r.status, evil).toBe(302);
      const location = r.headers.get("location") ?? "";
      expect(location.startsWith("/"), `${evil} → ${location}`).toBe(true);
      expect(location.startsWith("//") || location.startsWith("/\\"), `${evil} → ${location}`).toBe(false);
      expect(new URL(location, base).origin, `${evil} → ${location}`).toBe(base);
    }
  });

  it("staff need a second factor: an authenticator code works once, and so does each recovery code", async () => {
    const jar = new Jar(base);
    const first = await signIn(jar, SERVICE_ADMIN.email, DEMO_PASSWORD, "/admin/emails");
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/sign-in/two-factor");
    // Not signed in yet: a page that needs it sends them back to the code, and the sign-in carries on.
    const probe = await jar.get("/account");
    expect(probe.status).toBe(302);
    expect(probe.headers.get("location")).toBe("/sign-in/two-factor");

    const code = new TOTP({ secret: SERVICE_ADMIN.totpSecret }).generate();
    const csrf = await jar.csrf("/sign-in/two-factor");
    const done = await jar.post("/sign-in/two-factor", { csrf, code });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/admin/emails");
    expect((await jar.get("/account")).status).toBe(200);

    // The same code again, in another browser.
    const replay = new Jar(base);
    expect((await signIn(replay, SERVICE_ADMIN.email)).headers.get("location")).toBe("/sign-in/two-factor");
    const reused = await replay.post("/sign-in/two-factor", { csrf: await replay.csrf("/sign-in/two-factor"), code });
    expect(reused.status).toBe(200);
    expect(setCookieFor(reused, "session")).toBeUndefined();
    expect(text(await reused.text())).toContain("has been used");

    // A recovery code instead (the same browser, still part-way through signing in).
    const user = await db().db.selectFrom("users").select("id").where("email", "=", SERVICE_ADMIN.email).executeTakeFirstOrThrow();
    const codes = await issueRecoveryCodes(db().db, user.id, { ip: null, userAgent: null });
    const recovered = await replay.post("/sign-in/recovery-code", { csrf: await replay.csrf("/sign-in/recovery-code"), code: codes[0] });
    expect(recovered.status).toBe(302);
    expect(recovered.headers.get("location")).toBe("/account");
    expect((await replay.get("/account")).status).toBe(200);

    const third = new Jar(base);
    expect((await signIn(third, SERVICE_ADMIN.email)).headers.get("location")).toBe("/sign-in/two-factor");
    const again = await third.post("/sign-in/recovery-code", { csrf: await third.csrf("/sign-in/recovery-code"), code: codes[0] });
    expect(again.status).toBe(200);
    expect(setCookieFor(again, "session")).toBeUndefined();
    expect(text(await again.text())).toContain("The recovery code is not right or has been used");
    expect((await third.get("/account")).status).toBe(302);
  });

  it("after 10 wrong passwords an account is locked for a while, even to the right password, with a time to try again; other accounts from the same address still sign in", async () => {
    // The limits come from THROTTLE_* through authSettings(), read once per process by the build: they cannot
    // be changed per test, so this exercises the default of 10 failed sign-ins per account in 15 minutes.
    const email = "jo@larder.example.org";
    const jar = new Jar(base);
    for (let i = 1; i <= 10; i++) {
      const res = await signIn(jar, email, `wrong password number ${i}`);
      expect(res.status, `attempt ${i}`).toBe(200);
      const page = text(await res.text());
      expect(page, `attempt ${i}`).toContain("Check them and try again");
      expect(page, `attempt ${i}`).not.toContain("Too many attempts");
    }
    const locked = await signIn(jar, email, DEMO_PASSWORD);
    expect(locked.status).toBe(200);
    expect(setCookieFor(locked, "session")).toBeUndefined();
    expect(text(await locked.text())).toMatch(/Too many attempts\. Wait (1[0-5]|[1-9]) minutes?, then try again \(after [^)]+\)/);

    const other = await signIn(new Jar(base), "maria@ramsey-timebank.example.org");
    expect(other.status).toBe(302);
    expect(other.headers.get("location")).toBe("/account");
  });

  it("forgotten password: the same answer for any address; the emailed link sets a new password once and signs out every other browser", async () => {
    const email = "kasia@polishcafe.example.org";
    const elsewhere = await signedInJar(email);
    expect((await elsewhere.get("/account")).status).toBe(200);

    const ask = async (address: string) => {
      const jar = new Jar(base);
      return jar.post("/forgot-password", { csrf: await jar.csrf("/forgot-password"), email: address, website: "" });
    };
    const known = await ask(email);
    const unknown = await ask("no.account@example.net");
    expect(known.status).toBe(302);
    expect([unknown.status, unknown.headers.get("location")]).toEqual([known.status, known.headers.get("location")]);
    expect(known.headers.get("location")).toBe("/forgot-password/check-email");
    expect(await outboxRows("no.account@example.net", "reset-password")).toHaveLength(0);
    const token = await latestToken(email, "reset-password");

    const jar = new Jar(base);
    const link = `/reset-password?token=${encodeURIComponent(token)}`;
    const form = await jar.get(link);
    const html = await form.text();
    expect(heading(html)).toBe("Choose a new password");
    const changed = await jar.post(link, { csrf: inputValue(html, "csrf")!, token: inputValue(html, "token")!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(changed.status).toBe(302);
    expect(changed.headers.get("location")).toBe("/sign-in?reset=1");

    expect((await elsewhere.get("/account")).status).toBe(302);
    expect(await outboxRows(email, "password-changed")).toHaveLength(1);
    expect((await signIn(new Jar(base), email, DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn(new Jar(base), email, NEW_PASSWORD)).status).toBe(302);

    const reopened = await new Jar(base).get(link);
    expect(heading(await reopened.text())).toBe("The link has already been used");
    const replay = new Jar(base);
    const replayCsrf = await replay.csrf("/forgot-password");
    const reused = await replay.post(link, { csrf: replayCsrf, token, password: "another fine long password", confirmPassword: "another fine long password" });
    expect(reused.status).toBe(200);
    expect(heading(await reused.text())).toBe("The link has already been used");
    expect((await signIn(new Jar(base), email, "another fine long password")).status).toBe(200);
  });

  it("changing a password needs the current one; afterwards other browsers are signed out but this one is not", async () => {
    const email = "ruth@hi-neighbours.example.org";
    const jar = await signedInJar(email);
    const other = await signedInJar(email);
    const before = await db().db.selectFrom("users").select("password_hash").where("email", "=", email).executeTakeFirstOrThrow();

    const wrong = await jar.post("/account/password", { csrf: await jar.csrf("/account/password"), currentPassword: "not my password at all", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(200);
    expect(text(await wrong.text())).toContain("Your current password is not right");
    const unchanged = await db().db.selectFrom("users").select("password_hash").where("email", "=", email).executeTakeFirstOrThrow();
    expect(unchanged.password_hash).toBe(before.password_hash);
    expect((await other.get("/account")).status).toBe(200);

    const ok = await jar.post("/account/password", { csrf: await jar.csrf("/account/password"), currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/account?done=password");
    const account = await jar.get("/account?done=password");
    expect(account.status).toBe(200);
    expect(text(await account.text())).toContain("Your password has been changed");
    expect((await other.get("/account")).status).toBe(302);
    expect(await outboxRows(email, "password-changed")).toHaveLength(1);
  });

  it("the Sent emails page is for service administrators only, and never shows a one-time link", async () => {
    const address = "outbox.check@example.net";
    expect((await register(new Jar(base), address)).status).toBe(302);
    const [verify] = await outboxRows(address, "verify-email");
    const token = String(verify.data.token);

    const admin = new Jar(base);
    const signedIn = await signInStaff(admin, SERVICE_ADMIN);
    expect(signedIn.status).toBe(302);
    const list = await admin.get("/admin/emails");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(heading(listHtml)).toBe("Sent emails");
    expect(listHtml).toContain(`href="/admin/emails/${verify.id}"`);
    expect(text(listHtml)).toContain(address);

    const message = await admin.get(`/admin/emails/${verify.id}`);
    expect(message.status).toBe(200);
    const messageHtml = await message.text();
    expect(messageHtml).toContain("REDACTED");
    expect(messageHtml).not.toContain(token);

    const applicant = await signedInJar("dev@sohamcarers.example.org");
    const refused = await applicant.get("/admin/emails");
    expect(refused.status).toBe(404);
    expect((await applicant.get(`/admin/emails/${verify.id}`)).status).toBe(404);

    const visitor = await new Jar(base).get("/admin/emails");
    expect(visitor.status).toBe(302);
    const to = new URL(visitor.headers.get("location")!, base);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("returnTo")).toBe("/admin/emails");
  });

  it("'Stay signed in' pushes the session's end later and says how long is left; without a session it answers 401", async () => {
    const jar = await signedInJar("dev@sohamcarers.example.org");
    const csrf = await jar.csrf("/account");
    const id = sessionIdOf(jar.cookies.get("session")!);
    const soon = new Date(Date.now() + 60_000).toISOString();
    await db().db.updateTable("sessions").set({ expires_at: soon }).where("id", "=", id).execute();

    const res = await jar.post("/session/keep-alive", { csrf });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await res.json()) as { secondsLeft: number };
    expect(body.secondsLeft).toBeGreaterThan(60 * 60);
    expect(body.secondsLeft).toBeLessThanOrEqual(2 * 60 * 60);
    const row = await db().db.selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at)).toBeGreaterThan(Date.parse(soon) + 60 * 60 * 1000);

    const visitor = new Jar(base);
    const visitorCsrf = await visitor.csrf("/sign-in");
    const anonymous = await visitor.post("/session/keep-alive", { csrf: visitorCsrf });
    expect(anonymous.status).toBe(401);
  });

  it("pages are never cached; once signed in, a visitor's token is no longer accepted; a form sent after the session ended leads to sign-in and back", async () => {
    const jar = new Jar(base);
    const visitorToken = await jar.csrf("/sign-in");
    expect((await jar.get("/sign-in")).headers.get("cache-control")).toBe("no-store");
    const signedIn = await signIn(jar, "dev@sohamcarers.example.org");
    expect(signedIn.status, text(await signedIn.clone().text()).slice(0, 400)).toBe(302);
    const account = await jar.get("/account");
    expect(account.headers.get("cache-control")).toBe("no-store");

    const withVisitorToken = await jar.post("/account/password", { csrf: visitorToken, currentPassword: DEMO_PASSWORD, password: "x", confirmPassword: "x" });
    expect(withVisitorToken.status).toBe(403);

    const csrf = await jar.csrf("/account/password");
    const id = sessionIdOf(jar.cookies.get("session")!);
    await db().db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("id", "=", id).execute();
    const late = await jar.post("/account/password", { csrf, currentPassword: DEMO_PASSWORD, password: "y", confirmPassword: "y" }, { referer: `${base}/account/password` });
    expect(late.status).toBe(302);
    const location = new URL(late.headers.get("location")!, base);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("returnTo")).toBe("/account/password");
    expect(location.searchParams.get("signedOut")).toBe("1");
  });

  it("logs no password, one-time token, code or session id (checked last, over everything logged above)", async () => {
    const outbox = await db().db.selectFrom("outbox").select("data").execute();
    const tokens = outbox.map((r) => fromJson<{ token?: string }>(r.data, {}).token).filter((t): t is string => !!t);
    const sessionIds = (await db().db.selectFrom("sessions").select("id").execute()).map((r) => r.id);
    const tokenHashes = (await db().db.selectFrom("auth_tokens").select("token_hash").execute()).map((r) => r.token_hash);
    const secrets = [DEMO_PASSWORD, ...tokens, ...sessionIds, ...tokenHashes, ...DEMO_STAFF.map((s) => s.totpSecret)];
    expect(tokens.length).toBeGreaterThan(0);
    const text = logged.join("\n");
    for (const secret of secrets) expect(text.includes(secret), `a secret was logged: ${secret.slice(0, 6)}…`).toBe(false);
  });
});
