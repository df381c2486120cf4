import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Groups and the people who act for them: invitations to join a group (single-use links that expire),
 * the group a person is acting for in this session, how a group's district was found, and the prefix the
 * funder uses for 360Giving identifiers of groups with no charity or company number.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "organisation_invitations", (b) =>
    b
      .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'member')`))
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("invited_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("expires_at", t.timestamp, (c) => c.notNull())
      .addColumn("accepted_at", t.timestamp)
      .addColumn("accepted_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("revoked_at", t.timestamp),
  ).execute();
  await db.schema.createIndex("organisation_invitations_org_idx").on("organisation_invitations").column("organisation_id").execute();

  await db.schema.alterTable("sessions").addColumn("acting_organisation_id", "integer").execute();
  // "postcode": found from the postcode; "chosen": the look-up failed and the group chose its district.
  await db.schema.alterTable("organisations").addColumn("district_source", "text").execute();
  await db.schema.alterTable("organisations").addColumn("created_by_user_id", "integer").execute();
  await db.schema.alterTable("service_settings").addColumn("org_id_prefix", "text", (c) => c.notNull().defaultTo("cambscc")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service_settings").dropColumn("org_id_prefix").execute();
  await db.schema.alterTable("organisations").dropColumn("created_by_user_id").execute();
  await db.schema.alterTable("organisations").dropColumn("district_source").execute();
  await db.schema.alterTable("sessions").dropColumn("acting_organisation_id").execute();
  await db.schema.dropTable("organisation_invitations").ifExists().execute();
}
