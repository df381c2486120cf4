import type { Kysely } from "kysely";
import type { Engine } from "../client";

/**
 * The Community Coordinator named on an application: set when a coordinator first advises on it (or takes
 * the group on), so the group and the fund's staff know who is supporting it.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable("applications")
    .addColumn("coordinator_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  // The district view asks "has advice been given, and when was the last word?" for many applications at once.
  await db.schema.createIndex("comments_application_kind_idx").on("comments").columns(["application_id", "kind", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("comments_application_kind_idx").ifExists().execute();
  await db.schema.alterTable("applications").dropColumn("coordinator_user_id").execute();
}
