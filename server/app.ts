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
import { securityHeaders } from "./security-headers";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address: the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY allows it. */
    clientIp: string | null;
    /** Shown on "Sorry, there is a problem" and logged with the failure (app/request-reference.ts). */
    requestReference: string;
  }
}

export interface AppOptions {
  build: ServerBuild;
  production: boolean;
  trustProxy: boolean | number | string;
  publicDir?: string;
  /** Routes served before Remix (health checks; probes in tests). */
  extraRoutes?: (app: express.Express) => void;
}

export function createApp({ build, production, trustProxy, publicDir = path.resolve("public"), extraRoutes }: AppOptions) {
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
  for (const file of ["/favicon.svg", "/robots.txt"]) {
    app.get(file, express.static(publicDir, { maxAge: "1h", index: false, fallthrough: false }));
  }

  extraRoutes?.(app);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : build.mode,
      getLoadContext: (req, res) => {
        const requestReference = newRequestReference((n) => randomBytes(n));
        res.setHeader("X-Request-Reference", requestReference);
        return { clientIp: req.ip ?? null, requestReference };
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
