/**
 * The express server around the real Remix build (npm test builds it first): what a browser, a proxy and
 * an operator notice.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, setDbHandle } from "~db/client";
import { seedDemo } from "~db/seeds/index";
import { createApp } from "../../server/app";
import { parseTrustProxy, readConfig } from "../../server/config";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();
let build: ServerBuild;
const servers: Server[] = [];

async function start(trustProxy: boolean | number | string, production = true): Promise<string> {
  const app = createApp({
    build,
    production,
    trustProxy,
    extraRoutes: (a) => a.get("/__test/ip", (req, res) => res.type("text").send(req.ip)),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("Run `npm run build` first (npm test does it for you).");
  build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  await seedDemo(db().db);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe("the server", () => {
  it("serves the start page listing both funds, with security headers and no framework banner", async () => {
    const base = await start(false);
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Community Reach Fund");
    expect(html).toContain("Cambridgeshire Communities Innovation Fund");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("compresses pages for browsers that accept it", async () => {
    const base = await start(false);
    const res = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("caches fingerprinted build assets for a year and other public files briefly", async () => {
    const base = await start(false);
    const asset = fs.readdirSync("public/build").find((f) => f.startsWith("manifest-"))!;
    const res = await fetch(`${base}/build/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await fetch(`${base}/build/nothing-here.js`);
    expect(missing.status).toBe(404);
  });

  it("answers an unknown page with 404", async () => {
    const base = await start(false);
    const res = await fetch(`${base}/no-such-page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("a failure shows 'Sorry, there is a problem' with a reference that is in the log, and no stack trace", async () => {
    const base = await start(false);
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    const working = db();
    // A database that has gone away: the start page's loader throws.
    const broken = createDb(`file:${path.join(os.tmpdir(), `grants-broken-${process.pid}.db`)}`);
    await broken.db.destroy();
    setDbHandle(broken);
    // Past the few seconds for which public pages may be served from memory.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 });
    try {
      const res = await fetch(`${base}/`);
      expect(res.status).toBe(500);
      const html = await res.text();
      const reference = res.headers.get("x-request-reference")!;
      expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(html).toContain("Sorry, there is a problem with the service");
      expect(html).toContain(reference);
      expect(html).not.toMatch(/driver has already been destroyed|at [\w.]+ \(|\.ts:\d+/);
      expect(logged.some((args) => String(args[0]).includes(reference))).toBe(true);
    } finally {
      vi.useRealTimers();
      setDbHandle(working);
      spy.mockRestore();
    }
  });

  it("a malformed address gets plain words, not a stack trace", async () => {
    const base = await start(false, false);
    const res = await fetch(`${base}/build/%E0%A4%A`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("Sorry, we could not find that page");
    expect(body).not.toMatch(/URIError|at \w+ \(|node_modules/);
  });

  it("believes X-Forwarded-For only when TRUST_PROXY says so", async () => {
    const forwarded = { "x-forwarded-for": "198.51.100.7" };
    const untrusting = await start(parseTrustProxy(undefined));
    expect(await (await fetch(`${untrusting}/__test/ip`, { headers: forwarded })).text()).toMatch(/127\.0\.0\.1$/);
    const trusting = await start(parseTrustProxy("loopback"));
    expect(await (await fetch(`${trusting}/__test/ip`, { headers: forwarded })).text()).toBe("198.51.100.7");
  });
});

describe("server configuration", () => {
  it("reads TRUST_PROXY as off, a hop count, or a list of proxies", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("10.0.0.0/8, 192.168.1.1")).toBe("10.0.0.0/8, 192.168.1.1");
  });

  it("listens on localhost:3000 unless PORT and HOST say otherwise; production listens on all interfaces", () => {
    expect(readConfig({})).toMatchObject({ port: 3000, host: "127.0.0.1", production: false });
    expect(readConfig({ PORT: "8080", HOST: "::" })).toMatchObject({ port: 8080, host: "::" });
    expect(readConfig({ NODE_ENV: "production" })).toMatchObject({ host: "0.0.0.0", production: true });
    expect(() => readConfig({ PORT: "eighty" })).toThrow(/PORT must be a port number/);
  });
});
