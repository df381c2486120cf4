import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/**
 * Decisions and what groups are told: each staff decision on an application with the feedback the group
 * sees (and, for a signposted outline, where it was referred and why); the fund's editable feedback
 * templates; decisions made in bulk as a batch of items, so a batch stopped half way can be run again
 * without deciding or emailing anyone twice; and each administrator's choice, per fund, between an email
 * per new submission and a daily digest.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);
  await table(db, engine, "decision_batches", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("created_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'running', 'done')`))
      // Inviting: the full applications' deadline, the same for every outline of the batch.
      .addColumn("deadline_at", t.timestamp)
      .addColumn("started_at", t.timestamp)
      .addColumn("finished_at", t.timestamp),
  ).execute();

  await table(db, engine, "decision_batch_items", (b) =>
    b
      .addColumn("batch_id", "integer", (c) => c.notNull().references("decision_batches.id").onDelete("cascade"))
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("feedback", "text")
      .addColumn("referral_to", "text")
      .addColumn("referral_reason", "text")
      .addColumn("state", "text", (c) => c.notNull().defaultTo("pending").check(sql`state in ('pending', 'done', 'skipped')`))
      .addColumn("message", "text")
      .addColumn("done_at", t.timestamp)
      .addUniqueConstraint("decision_batch_items_batch_application_unique", ["batch_id", "application_id"]),
  ).execute();

  await table(db, engine, "decisions", (b) =>
    b
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("to_state", "text", (c) => c.notNull())
      .addColumn("feedback", "text")
      .addColumn("referral_to", "text")
      .addColumn("referral_reason", "text")
      .addColumn("decided_by_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("batch_id", "integer", (c) => c.references("decision_batches.id").onDelete("set null")),
  ).execute();
  await db.schema.createIndex("decisions_application_idx").on("decisions").columns(["application_id", "id"]).execute();

  await table(db, engine, "feedback_templates", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addUniqueConstraint("feedback_templates_fund_action_unique", ["fund_id", "action"]),
  { versioned: true }).execute();

  await table(db, engine, "notification_preferences", (b) =>
    b
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("new_submissions", "text", (c) => c.notNull().defaultTo("each").check(sql`new_submissions in ('each', 'digest')`))
      .addColumn("last_digest_at", t.timestamp)
      .addUniqueConstraint("notification_preferences_user_fund_unique", ["user_id", "fund_id"]),
  { versioned: true }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["notification_preferences", "feedback_templates", "decisions", "decision_batch_items", "decision_batches"]) {
    await db.schema.dropTable(name).ifExists().execute();
  }
}
