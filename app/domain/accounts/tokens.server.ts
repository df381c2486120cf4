/**
 * One-time links: a random token goes in the email; only its sha256 is stored. Using a link marks it used
 * in the same statement that checks it, so two clicks cannot both succeed.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, TokenPurpose } from "~db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two strings in a time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** 32 random bytes, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Issues a new link for `purpose`, and retires any earlier unused one, so only the latest email works. */
export async function issueToken(db: Db, userId: number, purpose: TokenPurpose, ttlMs: number, now = new Date(), payload: string | null = null): Promise<string> {
  const token = randomToken();
  const nowIso = now.toISOString();
  await db
    .updateTable("auth_tokens")
    .set({ used_at: nowIso, updated_at: nowIso })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("auth_tokens")
    .values({ user_id: userId, purpose, token_hash: sha256(token), expires_at: new Date(now.getTime() + ttlMs).toISOString(), payload })
    .execute();
  return token;
}

export type TokenCheck = { ok: true; userId: number; payload: string | null } | { ok: false; problem: "invalid" | "expired" | "used"; userId?: number };

/** Whether a link would work, without using it (the page that asks for a new password). */
export async function checkToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, problem: "invalid" };
  const row = await db
    .selectFrom("auth_tokens")
    .select(["user_id", "expires_at", "used_at", "payload"])
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, problem: "invalid" };
  if (row.used_at) return { ok: false, problem: "used", userId: row.user_id };
  if (Date.parse(row.expires_at) <= now.getTime()) return { ok: false, problem: "expired", userId: row.user_id };
  return { ok: true, userId: row.user_id, payload: row.payload };
}

/** Uses a link: succeeds once, for an unexpired token of the right purpose. */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const check = await checkToken(db, token, purpose, now);
  if (!check.ok) return check;
  const nowIso = now.toISOString();
  const used = await db
    .updateTable("auth_tokens")
    .set({ used_at: nowIso, updated_at: nowIso })
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { ok: false, problem: "used", userId: check.userId };
  return check;
}
