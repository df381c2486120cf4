/**
 * Changing an application's status through the service: who may, what is written alongside (audit entry,
 * emails in the outbox) and what happens when two people act at once.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo } from "~db/seeds/index";
import { NotFoundError, SYSTEM, transitionApplication } from "~/domain/applications/applications.server";
import { actor, makeApplication } from "../factories/index";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();
const LARDER = "Wisbech Riverside Community Larder";
const ADMIN = "fund.admin@council.example.org";

beforeAll(async () => {
  await seedDemo(db().db);
});

async function outboxFor(applicationId: number) {
  const rows = await db().db.selectFrom("outbox").selectAll().orderBy("id").execute();
  return rows
    .map((r) => ({ ...r, data: fromJson<Record<string, unknown>>(r.data, {}) }))
    .filter((r) => r.data.applicationId === applicationId);
}

/** Each email once, with everyone it goes to (the outbox has a row per recipient). */
async function emailsFor(applicationId: number) {
  const rows = await outboxFor(applicationId);
  const byTemplate = new Map<string, { template: string; reference: string | null; data: Record<string, unknown>; status: string; recipients: { email: string }[] }>();
  for (const r of rows) {
    const e = byTemplate.get(r.template) ?? { template: r.template, reference: r.reference, data: r.data, status: r.status, recipients: [] };
    e.recipients.push({ email: r.to_email });
    byTemplate.set(r.template, e);
  }
  return [...byTemplate.values()];
}

describe("transitionApplication", () => {
  it("a group admin submits: the status moves, the audit log records it, and emails wait in the outbox", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF" });
    const result = await transitionApplication(k, await actor(k, "alex@larder.example.org"), { applicationId: app.id, action: "submit", ip: "203.0.113.9" });
    expect(result).toMatchObject({ from: "draft", to: "submitted", version: 2 });

    const saved = await k.selectFrom("applications").selectAll().where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(saved.status).toBe("submitted");
    expect(saved.version).toBe(2);

    const audit = await k.selectFrom("audit_log").selectAll().where("entity_id", "=", app.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ event: "application.transition", entity_type: "application", from_state: "draft", to_state: "submitted", ip: "203.0.113.9" });

    const mail = await emailsFor(app.id);
    expect(mail.map((m) => m.template)).toEqual(["application-received", "new-submission"]);
    expect(mail[0].recipients.map((r) => r.email).sort()).toEqual(["alex@larder.example.org", "jo@larder.example.org"]);
    expect(mail[1].recipients.map((r) => r.email)).toEqual([ADMIN]);
    expect(mail.every((m) => m.status === "pending")).toBe(true);
  });

  it("an ordinary member who is not the lead contact cannot submit, and nothing is written", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", leadEmail: "alex@larder.example.org" });
    await expect(
      transitionApplication(k, await actor(k, "jo@larder.example.org"), { applicationId: app.id, action: "submit" }),
    ).rejects.toMatchObject({ name: "TransitionRefused", reason: "not_permitted", status: 403 });
    const saved = await k.selectFrom("applications").select("status").where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(saved.status).toBe("draft");
    expect(await outboxFor(app.id)).toEqual([]);
    expect(await k.selectFrom("audit_log").select("id").where("entity_id", "=", app.id).execute()).toEqual([]);
  });

  it("someone who may not see an application gets a 404, as for one that does not exist; a coordinator may see but not act", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "submitted" });
    // Another group's admin learns nothing, not even that the application exists or what state it is in.
    await expect(
      transitionApplication(k, await actor(k, "kasia@polishcafe.example.org"), { applicationId: app.id, action: "withdraw" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      transitionApplication(k, await actor(k, "adviser@council.example.org"), { applicationId: app.id, action: "mark_eligible" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      transitionApplication(k, await actor(k, "coordinator@council.example.org"), { applicationId: app.id, action: "mark_eligible" }),
    ).rejects.toMatchObject({ reason: "not_permitted" });
    await expect(transitionApplication(k, await actor(k, ADMIN), { applicationId: 987654, action: "mark_eligible" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("screening out needs feedback for the group, which its email carries; the staff note stays in the audit log", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "submitted" });
    const admin = await actor(k, ADMIN);
    await expect(
      transitionApplication(k, admin, { applicationId: app.id, action: "mark_ineligible", reason: "Outside Cambridgeshire" }),
    ).rejects.toMatchObject({ reason: "reason_required", status: 400, message: "Enter the feedback the group will see" });
    await transitionApplication(k, admin, {
      applicationId: app.id,
      action: "mark_ineligible",
      reason: "Activity outside Cambridgeshire",
      feedback: "The activity takes place in Peterborough.",
    });
    const saved = await k.selectFrom("applications").selectAll().where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(saved.status).toBe("ineligible");
    expect(saved.decided_at).not.toBeNull();
    const [mail] = await emailsFor(app.id);
    expect(mail).toMatchObject({ template: "application-ineligible", reference: app.reference });
    expect(app.reference).toMatch(/^CRF-\d{4}-\d{5}$/);
    expect(mail.data.feedback).toBe("The activity takes place in Peterborough.");
    expect(mail.data.reason).toBeNull();
    const [audit] = await k.selectFrom("audit_log").selectAll().where("entity_id", "=", app.id).execute();
    expect(audit.reason).toBe("Activity outside Cambridgeshire");
  });

  it("a stale version is refused instead of overwriting someone else's change", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "submitted" });
    const admin = await actor(k, ADMIN);
    await transitionApplication(k, admin, { applicationId: app.id, action: "mark_eligible", expectedVersion: 1 });
    await expect(
      transitionApplication(k, admin, { applicationId: app.id, action: "request_information", feedback: "Tell us more about the budget", expectedVersion: 1 }),
    ).rejects.toMatchObject({ reason: "changed_meanwhile", status: 409 });
  });

  it("two administrators deciding at once: one wins, the other is told, and one set of emails goes out", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "submitted" });
    const admin = await actor(k, ADMIN);
    const service = await actor(k, "service.admin@council.example.org");
    const results = await Promise.allSettled([
      transitionApplication(k, admin, { applicationId: app.id, action: "mark_eligible" }),
      transitionApplication(k, service, { applicationId: app.id, action: "mark_eligible" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((await outboxFor(app.id)).map((m) => m.template)).toEqual(["application-eligible", "application-eligible"]); // two members of the group
  });

  it("an outline follows its own workflow: invite is a decision the group hears about", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: "Ramsey Timebank", fundCode: "CIF", status: "eligible" });
    const admin = await actor(k, ADMIN);
    await expect(transitionApplication(k, admin, { applicationId: app.id, action: "award" })).rejects.toMatchObject({ reason: "unknown_action" });
    await transitionApplication(k, admin, { applicationId: app.id, action: "invite" });
    const mail = await emailsFor(app.id);
    expect(mail.map((m) => [m.template, m.recipients.map((r) => r.email)])).toEqual([["outline-invited", ["maria@ramsey-timebank.example.org"]]]);
  });

  it("withdrawing a draft tells the group only; withdrawing a submitted application tells the fund too, in the group's words", async () => {
    const k = db().db;
    const alex = await actor(k, "alex@larder.example.org");
    const draft = await makeApplication(k, { group: LARDER, fundCode: "CRF" });
    await transitionApplication(k, alex, { applicationId: draft.id, action: "withdraw" });
    expect((await emailsFor(draft.id)).map((m) => m.template)).toEqual(["application-withdrawn"]);
    const sent = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "submitted" });
    await transitionApplication(k, alex, { applicationId: sent.id, action: "withdraw", reason: "We found the money elsewhere" });
    const mail = await emailsFor(sent.id);
    expect(mail.map((m) => m.template)).toEqual(["application-withdrawn", "application-withdrawn-admin"]);
    expect(mail[1].data.reason).toBe("We found the money elsewhere");
  });

  it("the portal itself may make only the system's transitions", async () => {
    const k = db().db;
    const app = await makeApplication(k, { group: LARDER, fundCode: "CRF", status: "accepted" });
    await transitionApplication(k, SYSTEM, { applicationId: app.id, action: "start_monitoring" });
    const [audit] = await k.selectFrom("audit_log").selectAll().where("entity_id", "=", app.id).execute();
    expect(audit).toMatchObject({ actor_user_id: null, from_state: "accepted", to_state: "monitoring" });
    // Closing a grant is an administrator's judgement of the report, never automatic.
    await expect(transitionApplication(k, SYSTEM, { applicationId: app.id, action: "accept_report" })).rejects.toMatchObject({ reason: "not_permitted" });
  });
});
