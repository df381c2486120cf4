/**
 * The Innovation Fund's two stages against a real database (both engines): an outline sent, screened
 * eligible and invited (the domain operations administrators' screens will call), then the full
 * application started only from the invited outline, pre-filled from it and sharing its reference.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { DEMO_PASSWORD, seedDemo } from "~db/seeds/index";
import { signIn } from "~/domain/accounts/accounts.server";
import { NotFoundError, TransitionRefused } from "~/domain/applications/applications.server";
import { DraftNotFound, startApplication } from "~/domain/applications/drafts.server";
import { startFullApplication } from "~/domain/applications/full-application.server";
import { inviteToFullApplication, screenApplication } from "~/domain/applications/review.server";
import { submitApplication } from "~/domain/applications/submission.server";
import { actor, userId } from "../factories";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
let kasia: number;
let outlineId: number;
let fullId: number;
let reference: string;

const OUTLINE_ANSWERS: Record<string, Record<string, unknown>> = {
  group: { group_name: "Łódź Polish Community Café", contact_name: "Katarzyna Nowak", contact_phone: "01223 123456" },
  proposal: {
    project_title: "Polish Saturday School and Parents' Circle",
    target_area: "Cambridge City",
    project_postcode: "CB1 2AD",
    objective: "To run a Saturday school and a parents' circle for Polish families.",
    target_beneficiaries: "Polish-speaking children and their parents.",
    summary: "Lessons, homework help and a parents' circle on Saturdays.",
  },
  impact: { resilience: "Parents support each other.", wellbeing: "Children do better at school and families feel at home." },
  funding: { amount_requested: 1_500_000 },
};

async function answer(applicationId: number, sections: Record<string, Record<string, unknown>>) {
  for (const [key, answers] of Object.entries(sections)) {
    const existing = await db().selectFrom("application_sections").select("id").where("application_id", "=", applicationId).where("section_key", "=", key).executeTakeFirst();
    if (existing) await db().updateTable("application_sections").set({ answers: JSON.stringify(answers) }).where("id", "=", existing.id).execute();
    else await db().insertInto("application_sections").values({ application_id: applicationId, section_key: key, answers: JSON.stringify(answers) }).execute();
  }
}

beforeAll(async () => {
  await seedDemo(db());
  kasia = await userId(db(), "kasia@polishcafe.example.org");
  const r = await signIn(db(), { email: "kasia@polishcafe.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null });
  if (r.kind !== "signed_in") throw new Error(r.kind);
  const started = await startApplication(db(), kasia, r.session.id, "communities-innovation-fund", null);
  if (started.kind !== "started") throw new Error(started.kind);
  outlineId = started.applicationId;
});

describe("an outline proposal", () => {
  it("starts as an outline, with the group's details filled in, and is sent with the fund's next reference", async () => {
    const app = await db().selectFrom("applications").selectAll().where("id", "=", outlineId).executeTakeFirstOrThrow();
    expect(app.stage).toBe("outline");
    const group = await db().selectFrom("application_sections").select("answers").where("application_id", "=", outlineId).where("section_key", "=", "group").executeTakeFirstOrThrow();
    expect(fromJson(group.answers, {})).toMatchObject({ group_name: "Łódź Polish Community Café", contact_name: "Katarzyna Nowak" });
    await answer(outlineId, OUTLINE_ANSWERS);
    await db().updateTable("applications").set({ title: "Polish Saturday School and Parents' Circle", amount_requested_pence: 1_500_000 }).where("id", "=", outlineId).execute();
    const sent = await submitApplication(db(), kasia, outlineId, { declaration: true }, null);
    expect(sent).toEqual({ kind: "submitted", reference: "CIF-2026-00035" }); // after the 34 seeded
    reference = "CIF-2026-00035";
  });

  it("cannot lead to a full application before the panel invites it", async () => {
    expect(await startFullApplication(db(), kasia, outlineId, null)).toEqual({ kind: "refused", message: "You can start a full application once the panel has invited you to." });
  });

  it("only the fund's administrators screen it; the group is told it is eligible", async () => {
    await expect(screenApplication(db(), await actor(db(), "maria@ramsey-timebank.example.org"), outlineId, { eligible: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(screenApplication(db(), await actor(db(), "kasia@polishcafe.example.org"), outlineId, { eligible: true })).rejects.toMatchObject({ reason: "not_permitted" });
    const admin = await actor(db(), "fund.admin@council.example.org");
    await expect(screenApplication(db(), admin, outlineId, { eligible: false })).rejects.toBeInstanceOf(TransitionRefused); // ineligible needs feedback
    const result = await screenApplication(db(), admin, outlineId, { eligible: true });
    expect(result).toMatchObject({ from: "submitted", to: "eligible" });
    const mail = await db().selectFrom("outbox").select(["template", "to_email"]).where("id", "in", result.notificationIds).execute();
    expect(mail.map((m) => m.template)).toEqual(["application-eligible", "application-eligible"]); // Kasia and Alex
  });

  it("is invited to a full application with the round's full-application deadline, and the group is told by when", async () => {
    const admin = await actor(db(), "fund.admin@council.example.org");
    const result = await inviteToFullApplication(db(), admin, outlineId, { feedback: "Please say more about how you will reach families outside Cambridge." });
    expect(result.to).toBe("invited");
    const app = await db().selectFrom("applications as a").innerJoin("rounds as r", "r.id", "a.round_id").select(["a.status", "a.deadline_at", "r.full_application_deadline"]).where("a.id", "=", outlineId).executeTakeFirstOrThrow();
    expect(app.deadline_at).toBe(app.full_application_deadline);
    const mail = await db().selectFrom("outbox").select(["template", "data"]).where("id", "in", result.notificationIds).execute();
    expect(mail[0].template).toBe("outline-invited");
    expect(fromJson(mail[0].data, {})).toMatchObject({ reference, deadline: app.full_application_deadline, feedback: "Please say more about how you will reach families outside Cambridge." });
  });
});

describe("the full application", () => {
  it("starts only from the invited outline, with its reference, its deadline and its answers carried over", async () => {
    const r = await startFullApplication(db(), kasia, outlineId, "198.51.100.7");
    if (r.kind !== "started") throw new Error(JSON.stringify(r));
    fullId = r.applicationId;
    const full = await db().selectFrom("applications").selectAll().where("id", "=", fullId).executeTakeFirstOrThrow();
    const outline = await db().selectFrom("applications").selectAll().where("id", "=", outlineId).executeTakeFirstOrThrow();
    expect(full).toMatchObject({ reference, stage: "full", parent_application_id: outlineId, status: "draft", round_id: outline.round_id, deadline_at: outline.deadline_at, title: outline.title, amount_requested_pence: 1_500_000 });
    const sections = await db().selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", fullId).execute();
    const by = Object.fromEntries(sections.map((s) => [s.section_key, fromJson<Record<string, unknown>>(s.answers, {})]));
    expect(by.group).toEqual(OUTLINE_ANSWERS.group);
    expect(by.proposal).toEqual({ ...OUTLINE_ANSWERS.proposal, project_postcode: undefined });
    expect(by.budget).toEqual({ amount_requested: 1_500_000 });
    expect(by.savings).toBeUndefined();
  });

  it("starting again, or two members at once, finds the one already started", async () => {
    expect(await startFullApplication(db(), kasia, outlineId, null)).toEqual({ kind: "existing", applicationId: fullId });
    const alex = await userId(db(), "alex@larder.example.org"); // also a member of the café
    const both = await Promise.all([startFullApplication(db(), alex, outlineId, null), startFullApplication(db(), kasia, outlineId, null)]);
    expect(both).toEqual([{ kind: "existing", applicationId: fullId }, { kind: "existing", applicationId: fullId }]);
  });

  it("is not for other groups, nor for staff", async () => {
    await expect(startFullApplication(db(), await userId(db(), "maria@ramsey-timebank.example.org"), outlineId, null)).rejects.toBeInstanceOf(DraftNotFound);
    expect((await startFullApplication(db(), await userId(db(), "fund.admin@council.example.org"), outlineId, null)).kind).toBe("refused");
  });

  it("is sent with the outline's reference, and takes no new number", async () => {
    await answer(fullId, {
      project_plan: { plan: "Saturdays in term time at the café.", milestones: [{ milestone: "Teachers recruited", by: "June 2027" }] },
      budget: { amount_requested: 1_500_000, budget_lines: [{ item: "Teachers", cost: 1_000_000 }, { item: "Rooms", cost: 500_000 }] },
      outcomes: { outcomes: "60 children attending; measured by registers." },
      savings: { savings_plan: [{ budget: "Children's services: language support", cashable: "no", per_year: 300_000 }], savings_evidence: "Fewer referrals for language support." },
      sustainability: { sustainability: "Parents' fees and volunteers." },
      safeguarding: { safeguarding: { answer: "yes" } },
      supporting_documents: { constitution: [{ id: 1, name: "constitution.pdf" }], accounts: [{ id: 2, name: "accounts.pdf" }] },
      declarations: { declarations: ["true", "spend", "savings"] },
    });
    const before = await db().selectFrom("reference_sequences").select("last_value").executeTakeFirstOrThrow();
    expect(await submitApplication(db(), kasia, fullId, { declaration: true }, null)).toEqual({ kind: "submitted", reference });
    const after = await db().selectFrom("reference_sequences").select("last_value").executeTakeFirstOrThrow();
    expect(after.last_value).toBe(before.last_value);
  });

  it("a seeded invited outline leads to its full application too", async () => {
    const ruth = await userId(db(), "ruth@hi-neighbours.example.org");
    const outline = await db().selectFrom("applications as a").innerJoin("organisations as o", "o.id", "a.organisation_id").select("a.id").where("o.name", "=", "Histon and Impington Good Neighbours").where("a.status", "=", "invited").executeTakeFirstOrThrow();
    const r = await startFullApplication(db(), ruth, outline.id, null);
    expect(r.kind).toBe("started");
  });
});
