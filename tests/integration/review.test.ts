/**
 * Screening and deciding against a real database (both engines): eligible and ineligible with feedback,
 * more information and the group's resubmission, an extension for one group, the four outline outcomes
 * (a revised outline after strengthening, a referral when signposting), decisions in bulk on the 23
 * seeded waiting outlines (a run stopped half way and run again decides and emails nobody twice), and an
 * administrator's choice of a daily digest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo } from "~db/seeds/index";
import { NotFoundError, TransitionRefused } from "~/domain/applications/applications.server";
import { startNext } from "~/domain/applications/full-application.server";
import { createBatch, decideOutline, grantExtension, requestInformation, runBatch, screenApplication } from "~/domain/applications/review.server";
import { submitApplication } from "~/domain/applications/submission.server";
import { isEditable } from "~/domain/applications/workflow";
import { sendSubmissionDigests } from "~/domain/notifications/digest.server";
import { setPreferences } from "~/domain/notifications/preferences.server";
import type { Actor } from "~/domain/access/policy";
import { actor, makeApplication, makeCompleteDraft, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
let admin: Actor;
let cifId: number;

beforeAll(async () => {
  await seedDemo(db());
  admin = await actor(db(), "fund.admin@council.example.org");
  cifId = (await db().selectFrom("funds").select("id").where("code", "=", "CIF").executeTakeFirstOrThrow()).id;
});

async function mail(ids: number[]) {
  return ids.length ? db().selectFrom("outbox").select(["template", "to_email", "data"]).where("id", "in", ids).orderBy("id").execute() : [];
}

async function outboxFor(applicationId: number, template: string) {
  const rows = await db().selectFrom("outbox").select(["to_email", "data"]).where("template", "=", template).execute();
  return rows.filter((r) => fromJson<{ applicationId?: number }>(r.data, {}).applicationId === applicationId);
}

const status = async (id: number) => (await db().selectFrom("applications").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

describe("screening", () => {
  it("eligible tells the group; ineligible needs the feedback the group reads, and sends it", async () => {
    const a = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", status: "submitted" });
    const ok = await screenApplication(db(), admin, a.id, { eligible: true });
    expect((await mail(ok.notificationIds)).map((m) => m.template)).toEqual(["application-eligible"]);

    const b = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", status: "submitted" });
    await expect(screenApplication(db(), admin, b.id, { eligible: false, reason: "Promotes a political party" })).rejects.toMatchObject({ reason: "reason_required" });
    const no = await screenApplication(db(), admin, b.id, { eligible: false, reason: "Promotes a political party", feedback: "The fund cannot pay for campaigning." });
    const sent = await mail(no.notificationIds);
    expect(sent.map((m) => m.template)).toEqual(["application-ineligible"]);
    expect(fromJson(sent[0].data, {})).toMatchObject({ feedback: "The fund cannot pay for campaigning.", reason: null }); // the internal note stays in the audit log
    const decision = await db().selectFrom("decisions").selectAll().where("application_id", "=", b.id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ action: "mark_ineligible", to_state: "ineligible", feedback: "The fund cannot pay for campaigning." });
  });

  it("another fund's administrator cannot see it, let alone screen it", async () => {
    const a = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", status: "submitted" });
    const { id } = await db().insertInto("users").values({ email: "if.only@council.example.org", full_name: "IF only", email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
    await db().insertInto("role_grants").values({ user_id: id, role: "administrator", scope: "fund", fund_id: cifId, district_code: null, round_id: null, granted_by_user_id: null }).execute();
    await expect(screenApplication(db(), await actor(db(), "if.only@council.example.org"), a.id, { eligible: true })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("more information", () => {
  it("returns the application to the group with the message, reopens editing, and the group sends it again under its reference", async () => {
    const kasia = await userId(db(), "kasia@polishcafe.example.org");
    const app = await makeCompleteDraft(db(), { group: "Łódź Polish Community Café", amountPence: 30_000, title: "Repair café" });
    const sent = await submitApplication(db(), kasia, app.id, { declaration: true }, null);
    if (sent.kind !== "submitted") throw new Error(sent.kind);
    await expect(requestInformation(db(), admin, app.id, { message: "" })).rejects.toBeInstanceOf(TransitionRefused);
    const asked = await requestInformation(db(), admin, app.id, { message: "Please tell us who your other funder is.", reason: "Missing funder" });
    expect(asked.to).toBe("more_information");
    expect(isEditable(await status(app.id))).toBe(true);
    const emails = await mail(asked.notificationIds);
    expect(new Set(emails.map((m) => m.template))).toEqual(new Set(["more-information-needed"]));
    expect(fromJson(emails[0].data, {})).toMatchObject({ feedback: "Please tell us who your other funder is.", reference: sent.reference });

    // The group changes an answer and sends it again: the same reference, the fund told again.
    await db().updateTable("application_sections").set({ answers: JSON.stringify({ other_funding: [{ funder: "Ramsey Town Council", amount: 20_000, status: "secured" }] }) }).where("application_id", "=", app.id).where("section_key", "=", "other_funding").execute();
    const again = await submitApplication(db(), kasia, app.id, { declaration: true }, null);
    expect(again).toEqual({ kind: "submitted", reference: sent.reference });
    expect(await status(app.id)).toBe("submitted");
    expect((await outboxFor(app.id, "application-received")).map((m) => m.to_email).sort()).toEqual(["alex@larder.example.org", "alex@larder.example.org", "kasia@polishcafe.example.org", "kasia@polishcafe.example.org"]); // each member, each time
    const transitions = await db().selectFrom("audit_log").select(["from_state", "to_state"]).where("entity_id", "=", app.id).where("event", "=", "application.transition").orderBy("id").execute();
    expect(transitions.map((t) => `${t.from_state}→${t.to_state}`)).toEqual(["draft→submitted", "submitted→more_information", "more_information→submitted"]);
  });
});

describe("an extension for one group", () => {
  it("gives a later deadline, tells the group, and lets it send after the round has closed", async () => {
    const ruth = await userId(db(), "ruth@hi-neighbours.example.org");
    const app = await makeCompleteDraft(db(), { group: "Histon and Impington Good Neighbours", amountPence: 20_000, title: "Lifts to the surgery" });
    const round = await db().selectFrom("rounds").select("closes_at").where("id", "=", app.round_id).executeTakeFirstOrThrow();
    const later = new Date(Date.parse(round.closes_at) + 14 * 86_400_000).toISOString();
    expect(await grantExtension(db(), admin, app.id, { closesAt: round.closes_at })).toEqual({ kind: "refused", message: "The new deadline must be later than the one the group has now" });
    expect(await grantExtension(db(), admin, app.id, { closesAt: "2020-01-01T12:00:00.000Z" })).toEqual({ kind: "refused", message: "The new deadline must be in the future" });
    expect(await grantExtension(db(), admin, app.id, { closesAt: later, reason: "Treasurer ill", message: "We hope your treasurer is better soon." })).toEqual({ kind: "granted", closesAt: later });
    const email = (await outboxFor(app.id, "extension-granted"))[0];
    expect(fromJson(email.data, {})).toMatchObject({ deadline: later, feedback: "We hope your treasurer is better soon." });
    const afterClose = new Date(Date.parse(round.closes_at) + 86_400_000);
    expect((await submitApplication(db(), ruth, app.id, { declaration: true }, null, afterClose)).kind).toBe("submitted");
  });
});

describe("outline decisions, one at a time", () => {
  it("strengthen: the group starts a revised outline linked to the first, keeping its reference", async () => {
    const outline = await makeApplication(db(), { group: "Łódź Polish Community Café", fundCode: "CIF", status: "eligible", title: "Polish Saturday school" });
    await db().insertInto("application_sections").values({ application_id: outline.id, section_key: "proposal", answers: JSON.stringify({ project_title: "Polish Saturday school", objective: "To teach Polish." }) }).execute();
    const r = await decideOutline(db(), admin, outline.id, { outcome: "strengthen", feedback: "Say how many families will come." });
    expect((await mail(r.notificationIds))[0].template).toBe("outline-strengthen");
    const kasia = await userId(db(), "kasia@polishcafe.example.org");
    const started = await startNext(db(), kasia, outline.id, "revision", null);
    if (started.kind !== "started") throw new Error(JSON.stringify(started));
    const revised = await db().selectFrom("applications").selectAll().where("id", "=", started.applicationId).executeTakeFirstOrThrow();
    expect(revised).toMatchObject({ stage: "outline", revision: 1, parent_application_id: outline.id, reference: outline.reference, status: "draft" });
    const carried = await db().selectFrom("application_sections").select("answers").where("application_id", "=", revised.id).where("section_key", "=", "proposal").executeTakeFirstOrThrow();
    expect(fromJson(carried.answers, {})).toMatchObject({ objective: "To teach Polish." });
    expect(await startNext(db(), kasia, outline.id, "revision", null)).toEqual({ kind: "existing", applicationId: revised.id });
  });

  it("signpost records where and why, and the group is told both", async () => {
    const outline = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CIF", status: "eligible" });
    await expect(decideOutline(db(), admin, outline.id, { outcome: "signpost", feedback: "Try elsewhere." })).rejects.toMatchObject({ message: "Enter the organisation or fund you are signposting the group to" });
    const r = await decideOutline(db(), admin, outline.id, { outcome: "signpost", feedback: "Try elsewhere.", referral: { to: "Cambridgeshire Community Foundation", reason: "It funds village transport." } });
    const email = (await mail(r.notificationIds))[0];
    expect(email.template).toBe("outline-signposted");
    expect(fromJson(email.data, {})).toMatchObject({ referral: { to: "Cambridgeshire Community Foundation", reason: "It funds village transport." } });
    expect(await db().selectFrom("decisions").select(["referral_to", "referral_reason"]).where("application_id", "=", outline.id).executeTakeFirstOrThrow()).toEqual({ referral_to: "Cambridgeshire Community Foundation", referral_reason: "It funds village transport." });
  });

  it("an application of a single-stage fund cannot be invited", async () => {
    const a = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", status: "eligible" });
    await expect(decideOutline(db(), admin, a.id, { outcome: "invite" })).rejects.toBeInstanceOf(TransitionRefused);
  });
});

describe("decisions in bulk on the 23 waiting outlines", () => {
  let waiting: { id: number; organisation_id: number; reference: string | null }[];
  const outcomes = ["invite", "strengthen", "signpost", "decline"] as const;

  beforeAll(async () => {
    waiting = await db().selectFrom("applications").select(["id", "organisation_id", "reference"]).where("stage", "=", "outline").where("status", "=", "submitted").where("fund_id", "=", cifId).orderBy("id").execute();
  });

  it("screens them all eligible in one batch", async () => {
    expect(waiting).toHaveLength(23);
    const batch = await createBatch(db(), admin, { fundId: cifId, action: "mark_eligible", items: waiting.map((w) => ({ applicationId: w.id })) });
    expect(await runBatch(db(), admin, batch)).toEqual({ done: 23, skipped: 0, pending: 0 });
    for (const w of waiting) expect(await status(w.id)).toBe("eligible");
  });

  it("decides them with every outcome; a run stopped half way and run again decides and emails each group once", async () => {
    const groups = outcomes.map((o, i) => ({ outcome: o, items: waiting.filter((_, j) => j % 4 === i) }));
    for (const { outcome, items } of groups) {
      const batch = await createBatch(db(), admin, {
        fundId: cifId,
        action: outcome,
        items: items.map((w) => ({ applicationId: w.id, feedback: `Feedback for ${w.reference}`, referral: outcome === "signpost" ? { to: "Support Cambridgeshire", reason: "Help with planning first." } : null })),
      });
      // Stopped after two (a crash, a timeout), then run again from where it stopped.
      expect((await runBatch(db(), admin, batch, { stopAfter: 2 })).done).toBe(2);
      expect(await runBatch(db(), admin, batch)).toEqual({ done: items.length, skipped: 0, pending: 0 });
      expect(await runBatch(db(), admin, batch)).toEqual({ done: items.length, skipped: 0, pending: 0 }); // a third run: nothing left
    }
    const templates: Record<(typeof outcomes)[number], string> = { invite: "outline-invited", strengthen: "outline-strengthen", signpost: "outline-signposted", decline: "outline-declined" };
    const states: Record<(typeof outcomes)[number], string> = { invite: "invited", strengthen: "strengthen", signpost: "signposted", decline: "declined" };
    for (const { outcome, items } of groups) {
      for (const w of items) {
        expect(await status(w.id)).toBe(states[outcome]);
        const emails = await outboxFor(w.id, templates[outcome]);
        const members = await db().selectFrom("organisation_members").select("id").where("organisation_id", "=", w.organisation_id).execute();
        expect(emails).toHaveLength(members.length); // once to each member, never twice
        expect(fromJson(emails[0].data, {})).toMatchObject({ feedback: `Feedback for ${w.reference}` });
        expect(await db().selectFrom("decisions").select("id").where("application_id", "=", w.id).where("action", "!=", "mark_eligible").execute()).toHaveLength(1);
      }
    }
  });

  it("an item decided elsewhere meanwhile is skipped, with the reason", async () => {
    const outline = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CIF", status: "eligible" });
    const batch = await createBatch(db(), admin, { fundId: cifId, action: "decline", items: [{ applicationId: outline.id, feedback: "No." }] });
    await decideOutline(db(), admin, outline.id, { outcome: "invite" });
    expect(await runBatch(db(), admin, batch)).toEqual({ done: 0, skipped: 1, pending: 0 });
    expect(await status(outline.id)).toBe("invited");
    expect((await db().selectFrom("decision_batch_items").select("message").where("batch_id", "=", batch).executeTakeFirstOrThrow()).message).toMatch(/not possible while the application is invited/);
  });
});

describe("new submissions: an email each, or a daily digest", () => {
  it("an administrator who chose the digest gets no email per submission, then one digest listing them", async () => {
    const priya = await userId(db(), "fund.admin@council.example.org");
    const crf = (await db().selectFrom("funds").select("id").where("code", "=", "CRF").executeTakeFirstOrThrow()).id;
    await setPreferences(db(), priya, { [crf]: "digest" }, null);
    const dev = await userId(db(), "dev@sohamcarers.example.org");
    const app = await makeCompleteDraft(db(), { group: "Soham Young Carers' Club", amountPence: 10_000, title: "Holiday trips" });
    const sent = await submitApplication(db(), dev, app.id, { declaration: true }, null);
    if (sent.kind !== "submitted") throw new Error(sent.kind);
    expect(await outboxFor(app.id, "new-submission")).toEqual([]);

    // The next morning at 8am (UK time), one digest for the fund.
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const eight = new Date(`${tomorrow.toISOString().slice(0, 10)}T08:30:00.000Z`);
    expect(await sendSubmissionDigests(db(), eight)).toBe(1);
    expect(await sendSubmissionDigests(db(), eight)).toBe(0); // once a day
    const digest = await db().selectFrom("outbox").select(["to_email", "data"]).where("template", "=", "submissions-digest").executeTakeFirstOrThrow();
    expect(digest.to_email).toBe("fund.admin@council.example.org");
    expect(fromJson<{ items: { reference: string }[] }>(digest.data, { items: [] }).items.map((i) => i.reference)).toContain(sent.reference);
  });
});
