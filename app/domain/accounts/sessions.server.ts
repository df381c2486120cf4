/**
 * Server-side sessions. The cookie holds a random token; the row is keyed by its sha256, so a copy of the
 * table cannot be replayed as cookies. Deleting the row ends the session wherever the cookie is.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, SessionStage } from "~db/schema";
import type { AuthSettings } from "./settings";
import { randomToken, sha256 } from "./tokens.server";

type Db = Kysely<Database> | Transaction<Database>;

export interface Session {
  id: string;
  userId: number;
  stage: SessionStage;
  expiresAt: string;
  absoluteExpiresAt: string;
  idleSeconds: number;
  returnTo: string | null;
}

export interface SessionUser {
  id: number;
  fullName: string;
  email: string;
  totpEnabled: boolean;
}

export interface NewSession {
  userId: number;
  stage: SessionStage;
  idleMs: number;
  ip: string | null;
  userAgent: string | null;
  returnTo?: string | null;
  deviceHash?: string | null;
}

/** Starts a session and returns the cookie's token (the only place the token exists). */
export async function createSession(db: Db, s: NewSession, settings: AuthSettings, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const absolute = new Date(now.getTime() + (s.stage === "active" ? settings.absoluteMs : settings.pendingMs));
  const expires = new Date(Math.min(now.getTime() + s.idleMs, absolute.getTime()));
  const row = {
    id: sha256(token),
    user_id: s.userId,
    stage: s.stage,
    idle_seconds: Math.round(s.idleMs / 1000),
    expires_at: expires.toISOString(),
    absolute_expires_at: absolute.toISOString(),
    last_seen_at: now.toISOString(),
    ip: s.ip,
    user_agent: s.userAgent?.slice(0, 300) ?? null,
    return_to: s.returnTo ?? null,
    device_hash: s.deviceHash ?? null,
  };
  await db.insertInto("sessions").values(row).execute();
  return {
    token,
    session: {
      id: row.id,
      userId: s.userId,
      stage: s.stage,
      expiresAt: row.expires_at,
      absoluteExpiresAt: row.absolute_expires_at,
      idleSeconds: row.idle_seconds,
      returnTo: row.return_to,
    },
  };
}

/**
 * The session a cookie's token belongs to, if it is live, with its user. Pushes the idle expiry back
 * when the last push was at least `refreshEveryMs` ago (one write a minute at most, not one a request).
 */
export async function readSession(
  db: Db,
  token: string,
  settings: AuthSettings,
  now = new Date(),
): Promise<{ session: Session; user: SessionUser } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const id = sha256(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.user_id",
      "sessions.stage",
      "sessions.expires_at",
      "sessions.absolute_expires_at",
      "sessions.last_seen_at",
      "sessions.idle_seconds",
      "sessions.return_to",
      "users.full_name",
      "users.email",
      "users.totp_enabled_at",
      "users.disabled_at",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const nowMs = now.getTime();
  if (row.disabled_at || Date.parse(row.expires_at) <= nowMs || Date.parse(row.absolute_expires_at) <= nowMs) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  let expiresAt = row.expires_at;
  if (row.stage === "active" && nowMs - Date.parse(row.last_seen_at) >= settings.refreshEveryMs) {
    expiresAt = await pushBack(db, id, row.idle_seconds, row.absolute_expires_at, now);
  }
  return {
    session: {
      id,
      userId: row.user_id,
      stage: row.stage,
      expiresAt,
      absoluteExpiresAt: row.absolute_expires_at,
      idleSeconds: row.idle_seconds,
      returnTo: row.return_to,
    },
    user: { id: row.user_id, fullName: row.full_name, email: row.email, totpEnabled: row.totp_enabled_at != null },
  };
}

async function pushBack(db: Db, id: string, idleSeconds: number, absoluteExpiresAt: string, now: Date): Promise<string> {
  const expiresAt = new Date(Math.min(now.getTime() + idleSeconds * 1000, Date.parse(absoluteExpiresAt))).toISOString();
  const nowIso = now.toISOString();
  await db.updateTable("sessions").set({ expires_at: expiresAt, last_seen_at: nowIso, updated_at: nowIso }).where("id", "=", id).execute();
  return expiresAt;
}

/** "Stay signed in": pushes the expiry back now, whatever the last push. */
export async function extendSession(db: Db, session: Session, now = new Date()): Promise<string> {
  return pushBack(db, session.id, session.idleSeconds, session.absoluteExpiresAt, now);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user but, optionally, the one they are using. */
export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<number> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
