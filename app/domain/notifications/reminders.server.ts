/**
 * Reminders, run by the worker's scheduled jobs (one instance at a time, under a lease): to groups with a
 * draft, 7 days and 1 day before its deadline (the round's, the application's own, or the group's
 * extension); to groups asked for more information who have not answered after 7 days. A reminder is a
 * row in reminders_sent written in the same transaction as its emails, so each fires once; a later deadline
 * (an extension) has reminders of its own.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { groupRecipients } from "~/domain/applications/applications.queries.server";
import { deadlineFor } from "~/domain/applications/submission.rules";
import { enqueue } from "./outbox.server";
import { draftReminderDue, moreInformationReminderDue, type ReminderKind } from "./reminders";

type Db = Kysely<Database>;

interface Target {
  id: number;
  reference: string | null;
  title: string | null;
  organisation_id: number;
  organisation_name: string;
  fund_name: string;
}

/** Claims the reminder and writes its emails, in one transaction; false when it was sent before. */
async function remind(db: Db, app: Target, kind: ReminderKind, about: string, data: { deadline?: string; feedback?: string | null }): Promise<boolean> {
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    const claimed = await trx
      .insertInto("reminders_sent")
      .values({ application_id: app.id, kind, about })
      .onConflict((oc) => oc.columns(["application_id", "kind", "about"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return false;
    await enqueue(trx, {
      template: kind === "more_information_7_days" ? "reminder-more-information" : "reminder-deadline",
      reference: app.reference,
      recipients: await groupRecipients(trx, app.organisation_id),
      data: { applicationId: app.id, reference: app.reference, title: app.title, organisationName: app.organisation_name, fundName: app.fund_name, deadline: data.deadline ?? null, feedback: data.feedback ?? null },
    });
    return true;
  });
}

export async function sendReminders(db: Db, now: Date): Promise<number> {
  let sent = 0;
  const drafts = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("round_extensions as x", (j) => j.onRef("x.round_id", "=", "a.round_id").onRef("x.organisation_id", "=", "a.organisation_id").onRef("x.stage", "=", "a.stage"))
    .select(["a.id", "a.reference", "a.title", "a.stage", "a.organisation_id", "a.deadline_at", "o.name as organisation_name", "f.name as fund_name", "r.closes_at", "r.full_application_deadline", "x.closes_at as extension"])
    .where("a.status", "=", "draft")
    .execute();
  for (const d of drafts) {
    const { closesAt } = deadlineFor({ stage: d.stage, roundClosesAt: d.closes_at, roundFullApplicationDeadline: d.full_application_deadline, applicationDeadline: d.deadline_at, extensionClosesAt: d.extension });
    const kind = draftReminderDue(closesAt, now);
    if (kind && (await remind(db, d, kind, closesAt, { deadline: closesAt }))) sent++;
  }

  const waiting = await db
    .selectFrom("applications as a")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["a.id", "a.reference", "a.title", "a.organisation_id", "o.name as organisation_name", "f.name as fund_name"])
    .where("a.status", "=", "more_information")
    .execute();
  for (const w of waiting) {
    const asked = await db
      .selectFrom("decisions")
      .select(["created_at", "feedback"])
      .where("application_id", "=", w.id)
      .where("to_state", "=", "more_information")
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (!asked) continue;
    const kind = moreInformationReminderDue(asked.created_at, now);
    if (kind && (await remind(db, w, kind, asked.created_at, { feedback: asked.feedback }))) sent++;
  }
  return sent;
}
