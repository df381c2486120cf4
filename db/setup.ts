/** What `npm start`, the CLIs and the tests do to bring a database up to date. */
import type { DbHandle } from "./client";
import { migrateToLatest } from "./migrate";
import { isEmpty, seedDemo, type SeedSummary } from "./seeds/index";
import { ensureReferenceEdition } from "~/domain/deprivation/deprivation.server";

export interface PrepareResult {
  applied: string[];
  seeded: SeedSummary | null;
}

/** Migrates; loads the shipped deprivation indices into a database that has none; seeds demo data only when asked and the database is empty. */
export async function prepareDatabase(handle: DbHandle, opts: { seed: boolean }): Promise<PrepareResult> {
  const applied = await migrateToLatest(handle.db, handle.engine);
  // Reference data that ships with the portal (db/data): the 2019 indices of deprivation, once.
  await ensureReferenceEdition(handle.db);
  const seeded = opts.seed && (await isEmpty(handle.db)) ? await seedDemo(handle.db) : null;
  return { applied, seeded };
}

export function describeDatabase(handle: DbHandle): string {
  if (handle.engine === "sqlite") return `SQLite at ${handle.url.replace(/^file:/, "")}`;
  const u = new URL(handle.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
