/**
 * A fresh, migrated database for one test file, on the engine TEST_ENGINE names:
 * - sqlite (default): a new file under the OS temp folder
 * - postgres: a new database on TEST_PG_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 *   dropped afterwards, so runs and files never see each other's rows
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDb, setDbHandle, type DbHandle } from "~db/client";
import { migrateToLatest } from "~db/migrate";

export const TEST_ENGINE = process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
const PG_ADMIN_URL = process.env.TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/test";

export async function createTestDb(opts: { migrate?: boolean } = {}): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const name = `grants_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  if (TEST_ENGINE === "postgres") {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    handle = createDb(url.toString());
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-test-"));
    handle = createDb(`file:${path.join(dir, `${name}.db`)}`);
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  if (opts.migrate !== false) await migrateToLatest(handle.db, handle.engine);
  return {
    handle,
    drop: async () => {
      await handle.db.destroy();
      await cleanup();
    },
  };
}

/**
 * Gives the test file its own migrated database and makes it the process-wide one (so services and route
 * loaders use it). Returns a getter, since the handle exists only once beforeAll has run.
 */
export function useTestDb(opts: { migrate?: boolean } = {}): () => DbHandle {
  let current: { handle: DbHandle; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await createTestDb(opts);
    setDbHandle(current.handle);
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await current?.drop();
  });
  return () => {
    if (!current) throw new Error("useTestDb: the database exists only inside tests");
    return current.handle;
  };
}
