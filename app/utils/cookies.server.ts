/**
 * The portal's cookies (all essential, listed on /cookies): the session, the device (so staff hear of a
 * sign-in from a new one) and, for visitors not yet signed in, the CSRF cookie. In production they carry the
 * __Host- prefix, so no other subdomain of the council's site can set or overwrite them.
 */
import { createCookie, type Cookie } from "@remix-run/node";
import { sessionSecret } from "./secrets.server";

const SECURE = Symbol.for("community-grants.secure-cookies");

/**
 * Set by the server when it starts (server/app.ts): the Remix build has NODE_ENV fixed at build time, so
 * whether this instance runs over HTTPS is told at run time, through a global both copies of this module see.
 */
export function setSecureCookies(secure: boolean): void {
  (globalThis as { [SECURE]?: boolean })[SECURE] = secure;
}

function secure(): boolean {
  return (globalThis as { [SECURE]?: boolean })[SECURE] ?? false;
}

type Cookies = { session: Cookie; device: Cookie; visitor: Cookie };
const made = new Map<boolean, Cookies>();

export function portalCookies(): Cookies {
  const s = secure();
  let cookies = made.get(s);
  if (!cookies) {
    const name = (base: string) => (s ? `__Host-${base}` : base);
    cookies = {
      // No Max-Age: the browser forgets it when it closes; the server ends it sooner (idle and absolute limits).
      session: createCookie(name("session"), { httpOnly: true, sameSite: "lax", secure: s, path: "/" }),
      device: createCookie(name("device"), { httpOnly: true, sameSite: "lax", secure: s, path: "/", maxAge: 400 * 24 * 3600 }),
      visitor: createCookie(name("csrf"), { httpOnly: true, sameSite: "lax", secure: s, path: "/", secrets: [sessionSecret()] }),
    };
    made.set(s, cookies);
  }
  return cookies;
}
