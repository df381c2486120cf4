/**
 * Throttles held in the database, so a limit holds however many instances serve the portal. Each counted
 * attempt is a row in its bucket; a bucket is full when its window holds `max` rows. Buckets are per account
 * or per address, never global, so one attacker cannot lock everyone out.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { Limit } from "./settings";
import { sha256 } from "./tokens.server";

type Db = Kysely<Database> | Transaction<Database>;

export interface Bucket {
  /** e.g. "sign-in:account:42"; addresses and emails are hashed so the table holds no personal data. */
  key: string;
  limit: Limit;
}

export const bucketKey = (kind: string, scope: "account" | "ip" | "email", value: string | number) =>
  `${kind}:${scope}:${scope === "account" ? value : sha256(String(value)).slice(0, 32)}`;

/** When the first full bucket frees a place, or null when every bucket has room. */
export async function blockedUntil(db: Db, buckets: Bucket[], now = new Date()): Promise<Date | null> {
  let until: Date | null = null;
  for (const b of buckets) {
    const since = new Date(now.getTime() - b.limit.windowMs).toISOString();
    const rows = await db
      .selectFrom("throttle_hits")
      .select("created_at")
      .where("bucket", "=", b.key)
      .where("created_at", ">", since)
      .orderBy("created_at", "desc")
      .limit(b.limit.max)
      .execute();
    if (rows.length >= b.limit.max) {
      // The oldest of the last `max` attempts leaves the window first.
      const free = new Date(Date.parse(rows[rows.length - 1].created_at) + b.limit.windowMs);
      if (!until || free > until) until = free;
    }
  }
  return until;
}

/** Counts one attempt in each bucket. Returns the buckets this attempt filled (a lock-out starts). */
export async function recordHit(db: Db, buckets: Bucket[], now = new Date()): Promise<Bucket[]> {
  if (buckets.length === 0) return [];
  const nowIso = now.toISOString();
  await db
    .insertInto("throttle_hits")
    .values(buckets.map((b) => ({ bucket: b.key, created_at: nowIso, updated_at: nowIso })))
    .execute();
  const filled: Bucket[] = [];
  for (const b of buckets) {
    const since = new Date(now.getTime() - b.limit.windowMs).toISOString();
    const { n } = await db
      .selectFrom("throttle_hits")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("bucket", "=", b.key)
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
    if (Number(n) === b.limit.max) filled.push(b);
  }
  return filled;
}

/** Forgets a bucket's attempts (a successful sign-in clears that account's failures). */
export async function clearBucket(db: Db, key: string): Promise<void> {
  await db.deleteFrom("throttle_hits").where("bucket", "=", key).execute();
}

export class ThrottledError extends Error {
  constructor(readonly retryAt: Date) {
    super("Too many attempts");
    this.name = "ThrottledError";
  }
}
