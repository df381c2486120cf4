import type { Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/** Scheduled jobs (reminders, housekeeping), claimed under a lease by whichever worker is free. */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "scheduled_jobs", (b) =>
    b
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("next_run_at", t.timestamp, (c) => c.notNull())
      .addColumn("lease_until", t.timestamp)
      .addColumn("leased_by", "text")
      .addColumn("last_run_at", t.timestamp)
      .addColumn("last_success_at", t.timestamp)
      .addColumn("last_error", "text")
      .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0)),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scheduled_jobs").ifExists().execute();
}
