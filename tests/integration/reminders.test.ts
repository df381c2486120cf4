/**
 * Reminders with a controlled clock (both engines): a draft's 7-day and 1-day reminders fire once each, at
 * their time, and again for a later deadline after an extension; nothing for drafts far from their deadline
 * or past it, or for applications already sent; a request for more information unanswered after 7 days
 * gets one reminder, and none once answered. The scheduled job runs them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo } from "~db/seeds/index";
import { grantExtension, requestInformation } from "~/domain/applications/review.server";
import { sendReminders } from "~/domain/notifications/reminders.server";
import { PORTAL_JOBS, registerJobs, runDueJobs } from "~/domain/notifications/scheduled-jobs.server";
import { actor, clearApplications, makeApplication, makeCompleteDraft } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const DAY = 86_400_000;

beforeAll(async () => {
  await seedDemo(db());
  await clearApplications(db()); // only the applications these tests make
});

async function reminders(applicationId: number) {
  const rows = await db().selectFrom("outbox").select(["template", "to_email", "data"]).where("template", "in", ["reminder-deadline", "reminder-more-information"]).orderBy("id").execute();
  return rows.filter((r) => fromJson<{ applicationId?: number }>(r.data, {}).applicationId === applicationId);
}

describe("a draft's deadline reminders", () => {
  it("fire 7 days and 1 day before, once each, to every member; then, after an extension, for the new deadline", async () => {
    const draft = await makeCompleteDraft(db(), { group: "Wisbech Riverside Community Larder", amountPence: 10_000 });
    const round = await db().selectFrom("rounds").select("closes_at").where("id", "=", draft.round_id).executeTakeFirstOrThrow();
    const closes = Date.parse(round.closes_at);
    const at = (ms: number) => new Date(closes - ms);

    await sendReminders(db(), at(8 * DAY));
    expect(await reminders(draft.id)).toEqual([]);
    await sendReminders(db(), at(7 * DAY - 60_000));
    await sendReminders(db(), at(6 * DAY)); // the next run: nothing more
    const week = await reminders(draft.id);
    expect(week.map((r) => r.to_email).sort()).toEqual(["alex@larder.example.org", "jo@larder.example.org"]);
    expect(fromJson(week[0].data, {})).toMatchObject({ deadline: round.closes_at });
    await sendReminders(db(), at(DAY - 60_000));
    await sendReminders(db(), at(3_600_000));
    expect(await reminders(draft.id)).toHaveLength(4);
    await sendReminders(db(), new Date(closes + 60_000)); // past the deadline: nothing
    expect(await reminders(draft.id)).toHaveLength(4);

    // An extension: the new deadline has reminders of its own.
    const later = new Date(closes + 10 * DAY).toISOString();
    expect((await grantExtension(db(), await actor(db(), "fund.admin@council.example.org"), draft.id, { closesAt: later }, at(DAY))).kind).toBe("granted");
    await sendReminders(db(), new Date(Date.parse(later) - 7 * DAY + 60_000));
    const all = await reminders(draft.id);
    expect(all).toHaveLength(6);
    expect(fromJson(all[5].data, {})).toMatchObject({ deadline: later });
  });

  it("are not sent for applications already sent", async () => {
    const sent = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", status: "submitted" });
    const round = await db().selectFrom("rounds").select("closes_at").where("id", "=", sent.round_id).executeTakeFirstOrThrow();
    await sendReminders(db(), new Date(Date.parse(round.closes_at) - 3 * DAY));
    expect(await reminders(sent.id)).toEqual([]);
  });
});

describe("an unanswered request for more information", () => {
  it("gets one reminder after 7 days, and none once answered", async () => {
    const app = await makeApplication(db(), { group: "Soham Young Carers' Club", fundCode: "CRF", status: "submitted" });
    const admin = await actor(db(), "fund.admin@council.example.org");
    await requestInformation(db(), admin, app.id, { message: "Please send your bank details." });
    const asked = Date.parse((await db().selectFrom("decisions").select("created_at").where("application_id", "=", app.id).executeTakeFirstOrThrow()).created_at);
    await sendReminders(db(), new Date(asked + 6 * DAY));
    expect(await reminders(app.id)).toEqual([]);
    await sendReminders(db(), new Date(asked + 7 * DAY + 60_000));
    await sendReminders(db(), new Date(asked + 9 * DAY));
    const sent = await reminders(app.id);
    expect(sent.map((r) => r.template)).toEqual(["reminder-more-information"]);
    expect(fromJson(sent[0].data, {})).toMatchObject({ feedback: "Please send your bank details." });

    const answered = await makeApplication(db(), { group: "Soham Young Carers' Club", fundCode: "CRF", status: "submitted" });
    await requestInformation(db(), admin, answered.id, { message: "Please send a quote." });
    await db().updateTable("applications").set({ status: "submitted" }).where("id", "=", answered.id).execute(); // the group sent it again
    await sendReminders(db(), new Date(Date.now() + 8 * DAY));
    expect(await reminders(answered.id)).toEqual([]);
  });
});

describe("the scheduled job", () => {
  it("runs the reminders (and the daily digest) once when due, whichever worker claims it", async () => {
    const draft = await makeCompleteDraft(db(), { group: "Histon and Impington Good Neighbours", amountPence: 10_000 });
    const round = await db().selectFrom("rounds").select("closes_at").where("id", "=", draft.round_id).executeTakeFirstOrThrow();
    const now = new Date(Date.parse(round.closes_at) - 5 * DAY);
    await registerJobs(db(), PORTAL_JOBS, now);
    const [a, b] = await Promise.all([runDueJobs(db(), PORTAL_JOBS, "worker-a", now), runDueJobs(db(), PORTAL_JOBS, "worker-b", now)]);
    expect([...a, ...b].filter((n) => n === "reminders")).toEqual(["reminders"]);
    expect(await reminders(draft.id)).toHaveLength(1); // Ruth, the group's only member
  });
});
