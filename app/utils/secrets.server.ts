/**
 * The server's secret for signing cookies and deriving CSRF tokens. Production needs SESSION_SECRET (the
 * same on every instance); elsewhere a random one per process is enough.
 */
import { createHmac, randomBytes } from "node:crypto";
export { safeEqual } from "~/domain/accounts/tokens.server";

const KEY = Symbol.for("community-grants.session-secret");
type Holder = { [KEY]?: string };

export function assertSessionSecretForProduction(env: Record<string, string | undefined>, production: boolean): void {
  if (production && (env.SESSION_SECRET ?? "").length < 32) {
    throw new Error("SESSION_SECRET must be set to a random value of at least 32 characters in production (for example: openssl rand -base64 48).");
  }
}

export function sessionSecret(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= process.env.SESSION_SECRET || randomBytes(32).toString("base64url");
  return holder[KEY];
}

export function hmac(purpose: string, value: string): string {
  return createHmac("sha256", sessionSecret()).update(`${purpose}\u0000${value}`).digest("base64url");
}
