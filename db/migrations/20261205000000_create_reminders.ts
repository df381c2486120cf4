import type { Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Reminders sent, one row each, so each fires once: a draft's 7-day and 1-day reminders for the deadline
 * they were about (a later deadline, after an extension, gets its own), and a request for more information
 * not answered after 7 days (for that request).
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "reminders_sent", (b) =>
    b
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      // What it was about: the deadline (drafts) or when the information was asked for.
      .addColumn("about", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("reminders_sent_unique", ["application_id", "kind", "about"]),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminders_sent").ifExists().execute();
}
