import type { Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Submitting: the sequence each fund's references are numbered from (per financial year), a deadline
 * extension for one group in one round (and stage), and a deadline that belongs to one application alone
 * (an invited full application's own date).
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "reference_sequences", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("financial_year", "integer", (c) => c.notNull())
      .addColumn("last_value", "integer", (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint("reference_sequences_fund_year_unique", ["fund_id", "financial_year"]),
  ).execute();

  await table(db, engine, "round_extensions", (b) =>
    b
      .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
      .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("closes_at", t.timestamp, (c) => c.notNull())
      .addColumn("reason", "text")
      .addColumn("granted_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addUniqueConstraint("round_extensions_round_org_stage_unique", ["round_id", "organisation_id", "stage"]),
  { versioned: true }).execute();

  await db.schema.alterTable("applications").addColumn("deadline_at", t.timestamp).execute();
  await db.schema.createIndex("applications_reference_idx").on("applications").column("reference").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("applications_reference_idx").ifExists().execute();
  await db.schema.alterTable("applications").dropColumn("deadline_at").execute();
  await db.schema.dropTable("round_extensions").ifExists().execute();
  await db.schema.dropTable("reference_sequences").ifExists().execute();
}
