import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Uploaded documents (stored under random keys through the storage interface, with a virus-scan state) and
 * comments on an application: staff notes (staff only), advice from a coordinator or adviser (the group
 * sees it) and the group's replies.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "documents", (b) =>
    b
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("section_key", "text", (c) => c.notNull())
      .addColumn("question_id", "text", (c) => c.notNull())
      .addColumn("storage_key", "text", (c) => c.notNull().unique())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("content_type", "text", (c) => c.notNull())
      .addColumn("size_bytes", "integer", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("scan_state", "text", (c) => c.notNull().defaultTo("pending").check(sql`scan_state in ('pending', 'clean', 'infected', 'not_scanned')`))
      .addColumn("scan_detail", "text")
      .addColumn("scanned_at", t.timestamp)
      .addColumn("uploaded_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null")),
  ).execute();
  await db.schema.createIndex("documents_application_idx").on("documents").columns(["application_id", "question_id"]).execute();

  await table(db, engine, "comments", (b) =>
    b
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('note', 'advice', 'reply')`))
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("parent_comment_id", "integer", (c) => c.references("comments.id").onDelete("set null")),
  ).execute();
  await db.schema.createIndex("comments_application_idx").on("comments").columns(["application_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("comments").ifExists().execute();
  await db.schema.dropTable("documents").ifExists().execute();
}
