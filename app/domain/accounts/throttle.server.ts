/**
 * Throttles held in the database, so a limit holds however many instances serve the portal. Each counted
 * attempt is a row in its bucket; a bucket is full when its window holds `max` rows. Buckets are per account
 * or per address, never global, so one attacker cannot lock everyone out.
 *
 * An attempt takes its place before it is judged (reserve), and gives it back if it turns out not to count
 * (release: a right password). Counting after the insert, outside any transaction, means that of N requests
 * sent at once at most `max` find room: each sees every insert committed before its count, its own included.
 */
import { isIPv6 } from "node:net";
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

/**
 * The part of an address that one person controls: an IPv4 address, or an IPv6 /64 (one home or office
 * network gets a whole /64, so counting single IPv6 addresses would let one attacker use billions).
 */
export function addressKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export const bucketKey = (kind: string, scope: "account" | "ip" | "email", value: string | number) =>
  `${kind}:${scope}:${scope === "account" ? value : sha256(scope === "ip" ? addressKey(String(value)) : String(value)).slice(0, 32)}`;

async function countSince(db: Db, key: string, since: string): Promise<number> {
  const { n } = await db
    .selectFrom("throttle_hits")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("bucket", "=", key)
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** When the bucket frees a place: the oldest of its last `max` attempts leaves the window. */
async function freeAt(db: Db, b: Bucket, now: Date): Promise<Date> {
  const since = new Date(now.getTime() - b.limit.windowMs).toISOString();
  const rows = await db
    .selectFrom("throttle_hits")
    .select("created_at")
    .where("bucket", "=", b.key)
    .where("created_at", ">", since)
    .orderBy("created_at", "desc")
    .limit(b.limit.max)
    .execute();
  const oldest = rows.length ? Date.parse(rows[rows.length - 1].created_at) : now.getTime();
  return new Date(oldest + b.limit.windowMs);
}

export type Reservation =
  | { ok: true; ids: number[]; /** buckets this attempt filled: if it fails, a lock-out starts */ filling: Bucket[] }
  | { ok: false; retryAt: Date };

/** Takes a place in every bucket, or none (and says when to try again) if any is full. */
export async function reserve(db: Kysely<Database>, buckets: Bucket[], now = new Date()): Promise<Reservation> {
  if (buckets.length === 0) return { ok: true, ids: [], filling: [] };
  const nowIso = now.toISOString();
  const rows = await db
    .insertInto("throttle_hits")
    .values(buckets.map((b) => ({ bucket: b.key, created_at: nowIso, updated_at: nowIso })))
    .returning("id")
    .execute();
  const ids = rows.map((r) => r.id);
  const filling: Bucket[] = [];
  let retryAt: Date | null = null;
  for (const b of buckets) {
    const n = await countSince(db, b.key, new Date(now.getTime() - b.limit.windowMs).toISOString());
    if (n > b.limit.max) {
      const at = await freeAt(db, b, now);
      if (!retryAt || at > retryAt) retryAt = at;
    } else if (n === b.limit.max) {
      filling.push(b);
    }
  }
  if (retryAt) {
    await release(db, ids);
    // The places this refused attempt held are given back, so waiting out the window is enough.
    return { ok: false, retryAt: retryAt > now ? retryAt : new Date(now.getTime() + 1000) };
  }
  return { ok: true, ids, filling };
}

/** Gives places back (the attempt did not count against the limit). */
export async function release(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom("throttle_hits").where("id", "in", ids).execute();
}

/** Forgets a bucket's attempts (a successful sign-in clears that account's failures). */
export async function clearBucket(db: Db, key: string): Promise<void> {
  await db.deleteFrom("throttle_hits").where("bucket", "=", key).execute();
}
