import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";

/**
 * Fund administrators' screens (docs/decisions/0012-fund-administrators-screens.md):
 * - the applications list filters by fund, district and status and sorts by submission, over applications
 *   that have been submitted at least once: a partial index in that order answers a page of 50 and the
 *   filter's count and total requested without touching the table (the amount is the last column);
 * - a fund's whole list (and its export), and the whole list, newest first, walk partial indexes on
 *   (fund_id, submitted_at, id) and (submitted_at, id);
 * - the audit log page filters by event or by person and pages by id;
 * - the audit log is append-only in the database too: triggers refuse UPDATE and DELETE (and TRUNCATE on
 *   PostgreSQL), whatever code or console tries.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createIndex("applications_list_idx")
    .on("applications")
    .columns(["fund_id", "district_code", "status", "submitted_at", "id", "amount_requested_pence"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
  // A fund's whole list (and its export), newest first, without sorting the fund's rows on every page.
  await db.schema
    .createIndex("applications_list_fund_idx")
    .on("applications")
    .columns(["fund_id", "submitted_at", "id"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
  await db.schema
    .createIndex("applications_submitted_idx")
    .on("applications")
    .columns(["submitted_at", "id"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
  await db.schema.createIndex("audit_log_event_idx").on("audit_log").columns(["event", "id"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_user_id", "id"]).execute();

  if (engine === "postgres") {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The audit log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: UPDATE is refused'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: DELETE is refused'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === "postgres") {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log`.execute(db);
    await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
  }
  await db.schema.dropIndex("audit_log_actor_idx").ifExists().execute();
  await db.schema.dropIndex("audit_log_event_idx").ifExists().execute();
  await db.schema.dropIndex("applications_submitted_idx").ifExists().execute();
  await db.schema.dropIndex("applications_list_fund_idx").ifExists().execute();
  await db.schema.dropIndex("applications_list_idx").ifExists().execute();
}
