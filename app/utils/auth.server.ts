/**
 * Who is making this request: the session behind the cookie (read once per request and shared by every
 * loader), the CSRF token that its forms carry, and guards that send people to sign in and back.
 */
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~db/client";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { readSession, type Session, type SessionUser } from "~/domain/accounts/sessions.server";
import { authSettings } from "~/domain/accounts/settings";
import { signInPath } from "~/domain/accounts/safe-redirect";
import { randomToken } from "~/domain/accounts/tokens.server";
import { portalCookies } from "./cookies.server";
import { hmac } from "./secrets.server";

export interface Auth {
  session: Session;
  user: SessionUser;
}

const cache = new WeakMap<object, Promise<Auth | null>>();

async function cookieToken(request: Request): Promise<string | null> {
  const value = await portalCookies().session.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** The live session (any stage) or null. */
export function getAuth(request: Request, context: AppLoadContext): Promise<Auth | null> {
  const key = (context as object) ?? request;
  let found = cache.get(key);
  if (!found) {
    found = cookieToken(request).then((token) => (token ? readSession(getDb(), token, authSettings()) : null));
    cache.set(key, found);
  }
  return found;
}

/** The signed-in person (a completed sign-in), or null. */
export async function getSignedIn(request: Request, context: AppLoadContext): Promise<Auth | null> {
  const auth = await getAuth(request, context);
  return auth && auth.session.stage === "active" ? auth : null;
}

/** The page the person asked for, to come back to after signing in. */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireSignedIn(request: Request, context: AppLoadContext): Promise<Auth> {
  const any = await getAuth(request, context);
  if (any?.session.stage === "active") return any;
  // Part-way through signing in: carry on from where they were, keeping the page they asked for.
  if (any?.session.stage === "two_factor") throw redirect("/sign-in/two-factor");
  if (any?.session.stage === "two_factor_setup") throw redirect("/account/two-factor");
  const hadCookie = (await cookieToken(request)) != null;
  // After a POST the page to come back to is the form's page (the answers were saved up to the last save).
  const back = request.method === "GET" ? currentPath(request) : refererPath(request);
  throw redirect(signInPath(back, hadCookie ? { signedOut: "1" } : {}), { headers: hadCookie ? { "Set-Cookie": await clearSessionCookie() } : {} });
}

/** A sign-in part-way through, at one of the given stages, or back to the start of sign-in. */
export async function requireStage(request: Request, context: AppLoadContext, stages: Session["stage"][]): Promise<Auth> {
  const auth = await getAuth(request, context);
  if (auth && stages.includes(auth.session.stage)) return auth;
  throw redirect("/sign-in");
}

function refererPath(request: Request): string | null {
  const referer = request.headers.get("Referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.origin === new URL(request.url).origin ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

export function sessionCookie(token: string): Promise<string> {
  return portalCookies().session.serialize(token);
}

export function clearSessionCookie(): Promise<string> {
  return portalCookies().session.serialize("", { maxAge: 0 });
}

/** The browser's device token, and a Set-Cookie for one when it has none yet. */
export async function deviceToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const value = await portalCookies().device.parse(request.headers.get("Cookie"));
  if (typeof value === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return { token: value, setCookie: null };
  const token = randomToken();
  return { token, setCookie: await portalCookies().device.serialize(token) };
}

/** The token every form on the page carries: tied to the session, or to the visitor's signed cookie. */
export async function csrfToken(request: Request, context: AppLoadContext): Promise<string> {
  const auth = await getAuth(request, context);
  if (auth) return hmac("csrf:session", auth.session.id);
  return context.visitorCsrf ? hmac("csrf:visitor", context.visitorCsrf) : "";
}

/** Every token this request could rightly carry (a session's, and the visitor cookie's). */
/** The token this request must carry: its session's when it has one, otherwise the visitor cookie's. */
export async function acceptableCsrfTokens(request: Request, context: AppLoadContext): Promise<string[]> {
  const auth = await getAuth(request, context);
  if (auth) return [hmac("csrf:session", auth.session.id)];
  return context.visitorCsrf ? [hmac("csrf:visitor", context.visitorCsrf)] : [];
}

/**
 * A form posted after its session ended (the cookie is there, the session is not): the person is sent to
 * sign in and brought back to the form's page, rather than told the form expired.
 */
export async function signedOutRedirect(request: Request, context: AppLoadContext): Promise<Response | null> {
  if (await getAuth(request, context)) return null;
  if ((await cookieToken(request)) == null) return null;
  return redirect(signInPath(refererPath(request), { signedOut: "1" }), { headers: { "Set-Cookie": await clearSessionCookie() } });
}

/** Where a request comes from, as the account operations need it. */
export function requestInfo(request: Request, context: AppLoadContext): { ip: string | null; userAgent: string | null } {
  return { ip: context.clientIp ?? null, userAgent: request.headers.get("User-Agent") };
}

/** A redirect that sets each of the given cookies. */
export function redirectWithCookies(url: string, cookies: (string | null | undefined)[]): Response {
  const headers = new Headers();
  for (const c of cookies) if (c) headers.append("Set-Cookie", c);
  return redirect(url, { headers });
}

/** The signed-in person, who must be allowed `action` on the service as a whole (staff pages); else 404. */
export async function requireServicePermission(
  request: Request,
  context: AppLoadContext,
  action: "service.view_outbox" | "service.view_audit_log" | "service.manage_staff" | "service.create_fund",
): Promise<Auth> {
  const auth = await requireSignedIn(request, context);
  const actor = await loadActor(getDb(), auth.user.id);
  // Not a hint that the page exists: the same answer as an address that does not.
  if (!can(actor, action, { kind: "service" })) throw new Response("Not found", { status: 404 });
  return auth;
}
