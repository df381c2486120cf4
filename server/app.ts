/**
 * The express application: security headers, compression, static files, then Remix.
 * Built by a function so tests can make one around any Remix build.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { newRequestReference } from "~/request-reference";
import { portalCookies, setSecureCookies } from "~/utils/cookies.server";
import { randomToken } from "~/domain/accounts/tokens.server";
import { originCheck } from "./origin-check";
import { securityHeaders } from "./security-headers";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY allows it. */
    clientIp: string | null;
    /** Shown on "Sorry, there is a problem" and logged with the failure (app/request-reference.ts). */
    requestReference: string;
    /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
    cspNonce: string;
    /** The visitor's CSRF cookie value (signed), for forms shown before sign-in. */
    visitorCsrf: string | null;
    /** Set by an action that answered with form errors, so the page title can say "Error: ". */
    formErrors?: boolean;
  }
}

export interface AppOptions {
  build: ServerBuild;
  production: boolean;
  trustProxy: boolean | number | string;
  publicDir?: string;
  /** The portal's public address; forms posted from it are accepted as well as from the request's own host. */
  publicUrl?: string | null;
  /** Routes served before Remix (health checks; probes in tests). */
  extraRoutes?: (app: express.Express) => void;
}

export function createApp({ build, production, trustProxy, publicDir = path.resolve("public"), publicUrl, extraRoutes }: AppOptions) {
  setSecureCookies(production);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(securityHeaders({ production }));
  app.use(compression());

  // Remix's fingerprinted assets never change under a name: cache them for a year.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }),
  );
  // The few other public files keep their names across releases: a short cache. Listed, so that a page
  // request does not first look for a file of its name on disk.
  for (const file of ["/favicon.svg", "/robots.txt", "/timeout-warning.js"]) {
    app.get(file, express.static(publicDir, { maxAge: "1h", index: false, fallthrough: false }));
  }

  app.use(originCheck({ publicUrl: publicUrl ?? process.env.PUBLIC_URL ?? null }));
  extraRoutes?.(app);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : build.mode,
      getLoadContext: async (req, res) => {
        const requestReference = newRequestReference((n) => randomBytes(n));
        res.setHeader("X-Request-Reference", requestReference);
        return { clientIp: req.ip ?? null, requestReference, cspNonce: String(res.locals.cspNonce ?? ""), visitorCsrf: await visitorCsrf(req, res) };
      },
    }),
  );

  // Anything that fails before Remix can render (a malformed address, a broken static file): plain words
  // and a reference, never Express's page with a stack trace.
  app.use((error: Error & { status?: number; statusCode?: number }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const reference = newRequestReference((n) => randomBytes(n));
    if (status >= 500) console.error(`[${reference}] ${req.method} ${req.path}`, error);
    res
      .status(status >= 400 && status < 600 ? status : 500)
      .type("text/plain; charset=utf-8")
      .send(
        status === 400 || status === 404
          ? "Sorry, we could not find that page. Check the web address, or go to the start page.\n"
          : `Sorry, there is a problem with the service. Try again later. Reference: ${reference}\n`,
      );
  });
  return app;
}

/** The visitor's signed CSRF cookie, set on the first page they load. */
async function visitorCsrf(req: express.Request, res: express.Response): Promise<string | null> {
  const cookie = portalCookies().visitor;
  const value = await cookie.parse(req.headers.cookie ?? null);
  if (typeof value === "string" && value.length >= 20) return value;
  if (req.method !== "GET") return null;
  const fresh = randomToken();
  res.append("Set-Cookie", await cookie.serialize(fresh));
  return fresh;
}
