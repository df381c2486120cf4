import type { Kysely } from "kysely";
import type { Engine } from "../client";
import { table } from "./helpers";

/** Who runs the portal (the name in the header, the contact details in the footer pages). */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await table(db, engine, "service_settings", (b) =>
    b
      .addColumn("operator_name", "text", (c) => c.notNull())
      .addColumn("service_name", "text", (c) => c.notNull())
      .addColumn("contact_email", "text", (c) => c.notNull())
      .addColumn("contact_phone", "text")
      .addColumn("contact_address", "text")
      .addColumn("website_url", "text"),
  { versioned: true }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_settings").ifExists().execute();
}
