/**
 * One Kysely instance per process, for the engine DATABASE_URL names:
 * - unset or `file:<path>` → SQLite through better-sqlite3 (WAL, foreign keys on, synchronous FULL, busy timeout 5 s)
 * - `postgres://…` or `postgresql://…` → PostgreSQL through a `pg` Pool
 *
 * The server, the Remix bundle, the CLIs and the tests share the instance through globalThis, because the
 * Remix build carries its own copy of this module (docs/decisions/0002-how-app-code-reaches-db.md).
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type Engine = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  url: string;
}

export function engineOf(url: string): Engine {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:") || !url.includes("://")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got "${url.split("://")[0]}://…")`);
}

export function sqlitePath(url: string): string {
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  return p === ":memory:" ? p : path.resolve(p);
}

/** PostgreSQL values converted so that they read back exactly as SQLite's do. */
const PG_TYPES = {
  INT8: 20,
  NUMERIC: 1700,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  DATE: 1082,
  JSON: 114,
  JSONB: 3802,
} as const;

function toSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) {
    throw new RangeError(`Integer ${text} is outside the safe range`);
  }
  return n;
}

export const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    switch (oid) {
      case PG_TYPES.INT8:
      case PG_TYPES.NUMERIC:
        return toSafeNumber;
      case PG_TYPES.TIMESTAMPTZ:
        return (text: string) => new Date(text).toISOString();
      case PG_TYPES.TIMESTAMP:
        return (text: string) => new Date(`${text.replace(" ", "T")}Z`).toISOString();
      case PG_TYPES.DATE:
      case PG_TYPES.JSON:
      case PG_TYPES.JSONB:
        return (text: string) => text;
      default:
        return pg.types.getTypeParser(oid, format);
    }
  },
};

export function createDb(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DbHandle {
  const engine = engineOf(url);
  if (engine === "postgres") {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_MAX || 10),
      types: pgTypes,
    });
    // An idle connection dropped by the server (a restart, a failover) must not take the process with it;
    // the pool opens a new one on the next query.
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine, url };
  }
  const file = sqlitePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = FULL");
  database.pragma("busy_timeout = 5000");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), engine, url };
}

type Holder = { __grantsPortalDb?: DbHandle };
const holder = globalThis as Holder;

/** The process-wide database handle, created on first use from DATABASE_URL. */
export function getDbHandle(): DbHandle {
  holder.__grantsPortalDb ??= createDb();
  return holder.__grantsPortalDb;
}

export function getDb(): Kysely<Database> {
  return getDbHandle().db;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__grantsPortalDb;
  holder.__grantsPortalDb = undefined;
  if (handle) await handle.db.destroy();
}

/** Replaces the process-wide handle (tests use a fresh database per file). */
export function setDbHandle(handle: DbHandle | undefined): void {
  holder.__grantsPortalDb = handle;
}
