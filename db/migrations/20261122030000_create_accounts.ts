import type { Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Accounts and sessions: one-time tokens (verify email, reset password, set up an account), recovery codes,
 * throttles held in the database (so a limit holds across instances), devices seen before, and the
 * session's stage (a password accepted but a second factor still to come) and idle timeout.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);

  await db.schema.alterTable("users").addColumn("totp_enabled_at", t.timestamp).execute();
  // The RFC 6238 time step of the last code accepted: a code for that step or an earlier one is refused.
  await db.schema.alterTable("users").addColumn("totp_last_step", "bigint").execute();
  await db.schema.alterTable("users").addColumn("password_changed_at", t.timestamp).execute();

  await db.schema.alterTable("sessions").addColumn("stage", "text", (c) => c.notNull().defaultTo("active")).execute();
  await db.schema.alterTable("sessions").addColumn("idle_seconds", "integer", (c) => c.notNull().defaultTo(1800)).execute();
  await db.schema.alterTable("sessions").addColumn("return_to", "text").execute();
  await db.schema.alterTable("sessions").addColumn("device_hash", "text").execute();
  // Two-factor set-up belongs to the session doing it: its secret waits here until a code confirms it, and
  // only the session that confirmed a code may finish a staff sign-in.
  await db.schema.alterTable("sessions").addColumn("totp_pending_secret", "text").execute();
  await db.schema.alterTable("sessions").addColumn("second_factor_at", t.timestamp).execute();

  await table(db, engine, "auth_tokens", (b) =>
    b
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("expires_at", t.timestamp, (c) => c.notNull())
      .addColumn("used_at", t.timestamp)
      // What the link sets when used: for a confirmation link, the password hash chosen at that registration.
      .addColumn("payload", "text"),
  ).execute();
  await db.schema.createIndex("auth_tokens_user_purpose_idx").on("auth_tokens").columns(["user_id", "purpose"]).execute();

  await table(db, engine, "recovery_codes", (b) =>
    b
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("code_hash", "text", (c) => c.notNull())
      .addColumn("used_at", t.timestamp),
  ).execute();
  await db.schema.createIndex("recovery_codes_user_idx").on("recovery_codes").column("user_id").execute();

  await table(db, engine, "throttle_hits", (b) => b.addColumn("bucket", "text", (c) => c.notNull())).execute();
  await db.schema.createIndex("throttle_hits_bucket_idx").on("throttle_hits").columns(["bucket", "created_at"]).execute();
  await db.schema.createIndex("throttle_hits_created_idx").on("throttle_hits").column("created_at").execute();

  await table(db, engine, "known_devices", (b) =>
    b
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("device_hash", "text", (c) => c.notNull())
      .addColumn("last_seen_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("known_devices_user_device_uq", ["user_id", "device_hash"]),
  ).execute();

  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sessions_expires_idx").ifExists().execute();
  for (const name of ["known_devices", "throttle_hits", "recovery_codes", "auth_tokens"]) {
    await db.schema.dropTable(name).ifExists().execute();
  }
  for (const column of ["stage", "idle_seconds", "return_to", "device_hash", "totp_pending_secret", "second_factor_at"]) {
    await db.schema.alterTable("sessions").dropColumn(column).execute();
  }
  for (const column of ["totp_enabled_at", "totp_last_step", "password_changed_at"]) {
    await db.schema.alterTable("users").dropColumn(column).execute();
  }
}
