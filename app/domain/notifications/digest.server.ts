/**
 * The daily digest of new submissions, for administrators who chose it for a fund (instead of an email
 * per submission): run by the worker's scheduled jobs, so only one instance sends it. One email per
 * administrator and fund per day, listing what was sent since the last; nothing when nothing was sent.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { stageLabel } from "~/domain/applications/progress";
import { digestDue, digestSince } from "./digest";
import { enqueue } from "./outbox.server";

export async function sendSubmissionDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const prefs = await db
    .selectFrom("notification_preferences as np")
    .innerJoin("users as u", "u.id", "np.user_id")
    .innerJoin("funds as f", "f.id", "np.fund_id")
    .select(["np.id", "np.fund_id", "np.last_digest_at", "u.email", "u.full_name", "u.disabled_at", "f.name as fund_name"])
    .where("np.new_submissions", "=", "digest")
    .execute();
  let sent = 0;
  for (const p of prefs) {
    if (p.disabled_at || !digestDue(p.last_digest_at, now)) continue;
    const since = digestSince(p.last_digest_at, now);
    const nowIso = now.toISOString();
    await db.transaction().execute(async (trx) => {
      // Claimed with the time it covers up to: a second worker finds it already done.
      const claimed = await trx
        .updateTable("notification_preferences")
        .set({ last_digest_at: nowIso, updated_at: nowIso })
        .where("id", "=", p.id)
        .where((eb) => (p.last_digest_at === null ? eb("last_digest_at", "is", null) : eb("last_digest_at", "=", p.last_digest_at)))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      // Every submission and resubmission in the window, as the audit log recorded it (once per application).
      const items = await trx
        .selectFrom("audit_log as l")
        .innerJoin("applications as a", "a.id", "l.entity_id")
        .innerJoin("organisations as o", "o.id", "a.organisation_id")
        .select(["a.id", "a.reference", "a.title", "a.stage", "o.name as organisation_name"])
        .select((eb) => eb.fn.min("l.id").as("first"))
        .where("l.entity_type", "=", "application")
        .where("l.event", "=", "application.transition")
        .where("l.to_state", "=", "submitted")
        .where("l.created_at", ">", since)
        .where("l.created_at", "<=", nowIso)
        .where("a.fund_id", "=", p.fund_id)
        .groupBy(["a.id", "a.reference", "a.title", "a.stage", "o.name"])
        .orderBy("first")
        .execute();
      if (items.length === 0) return;
      await enqueue(trx, {
        template: "submissions-digest",
        recipients: [{ email: p.email, name: p.full_name }],
        data: {
          fundName: p.fund_name,
          since,
          items: items.map((i) => ({ applicationId: i.id, reference: i.reference, title: i.title, organisationName: i.organisation_name, stage: stageLabel(i.stage) })),
        },
      });
      sent++;
    });
  }
  return sent;
}
