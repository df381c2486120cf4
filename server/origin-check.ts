import type { RequestHandler } from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every request that changes something must come from a page of this site: its Origin (or, when a browser
 * sends none, its Referer) must be this site's own origin. SameSite cookies alone are not enough where a
 * council's other subdomains count as the same site. A refused request gets a page that says what to do.
 */
export function originCheck({ publicUrl }: { publicUrl?: string | null }): RequestHandler {
  const configured = publicUrl ? safeOrigin(publicUrl) : null;
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const own = `${req.protocol}://${req.get("host")}`;
    const origin = req.get("origin");
    // "null" comes from sandboxed frames, data: pages and privacy-sensitive redirects: never this site's form.
    const claimed = origin === "null" ? null : origin ? origin : safeOrigin(req.get("referer"));
    if (claimed && (claimed === own || claimed === configured)) return next();
    res
      .status(403)
      .type("text/html; charset=utf-8")
      .send(
        `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, we could not accept that form</title></head>` +
          `<body><h1>Sorry, we could not accept that form</h1><p>The form was not sent from this website, so nothing was changed.</p>` +
          `<p><a href="/">Go to the start page</a>, then try again from there.</p></body></html>`,
      );
  };
}

function safeOrigin(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
