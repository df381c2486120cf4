import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";
import { table } from "./helpers";

/**
 * The deprived-area flag (docs/decisions/0014-coordinators-and-deprivation.md):
 * - deprivation editions (the English Indices of Deprivation 2019 on 2011 LSOAs, later ones on 2021 LSOAs),
 *   one of them current, and each edition's LSOA rows (decile 1 = most deprived, rank optional);
 * - the threshold (a decile at or below it is deprived; 3 unless a service administrator changes it);
 * - on each application, what was found at submission (decile, edition, LSOA) and the flag, which an
 *   administrator may set or clear with a reason;
 * - a partial index for the applications list filtered to flagged applications, newest first.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await table(db, engine, "deprivation_editions", (b) =>
    b
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("lsoa_vintage", "text", (c) => c.notNull().check(sql`lsoa_vintage in ('lsoa11', 'lsoa21')`))
      .addColumn("row_count", "integer", (c) => c.notNull())
      .addColumn("source", "text")
      .addColumn("is_current", "integer", (c) => c.notNull().defaultTo(0).check(sql`is_current in (0, 1)`))
      .addColumn("imported_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null")),
  ).execute();
  // At most one current edition, enforced by the database.
  await db.schema.createIndex("deprivation_editions_current_idx").on("deprivation_editions").column("is_current").unique().where(sql.ref("is_current"), "=", 1).execute();

  await table(db, engine, "deprivation_lsoas", (b) =>
    b
      .addColumn("edition_id", "integer", (c) => c.notNull().references("deprivation_editions.id").onDelete("cascade"))
      .addColumn("lsoa_code", "text", (c) => c.notNull())
      .addColumn("decile", "integer", (c) => c.notNull().check(sql`decile between 1 and 10`))
      .addColumn("rank", "integer")
      .addUniqueConstraint("deprivation_lsoas_unique", ["edition_id", "lsoa_code"]),
  ).execute();

  await db.schema.alterTable("service_settings").addColumn("deprivation_threshold", "integer", (c) => c.notNull().defaultTo(3)).execute();

  await db.schema.alterTable("applications").addColumn("imd_decile", "integer").execute();
  await db.schema.alterTable("applications").addColumn("imd_edition", "text").execute();
  await db.schema.alterTable("applications").addColumn("imd_lsoa_code", "text").execute();
  await db.schema.alterTable("applications").addColumn("deprived_area", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("applications").addColumn("deprived_area_reason", "text").execute();
  await db.schema
    .alterTable("applications")
    .addColumn("deprived_area_set_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("applications_deprived_idx")
    .on("applications")
    .columns(["submitted_at", "id"])
    .where(sql<boolean>`${sql.ref("submitted_at")} is not null and ${sql.ref("deprived_area")} = 1`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("applications_deprived_idx").ifExists().execute();
  for (const c of ["deprived_area_set_by_user_id", "deprived_area_reason", "deprived_area", "imd_lsoa_code", "imd_edition", "imd_decile"]) {
    await db.schema.alterTable("applications").dropColumn(c).execute();
  }
  await db.schema.alterTable("service_settings").dropColumn("deprivation_threshold").execute();
  await db.schema.dropTable("deprivation_lsoas").ifExists().execute();
  await db.schema.dropTable("deprivation_editions").ifExists().execute();
}
