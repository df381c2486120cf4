/**
 * Filling in a Reach Fund application against a real database: starting, the task list, saving pages
 * (valid, invalid, for later), co-applicants on the same and different sections, the application's own
 * columns kept in step, and 404 for another group's application.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { fromJson } from "~db/json";
import { seedDemo, DEMO_PASSWORD } from "~db/seeds/index";
import { signIn } from "~/domain/accounts/accounts.server";
import * as drafts from "~/domain/applications/drafts.server";
import { handlers } from "../mocks";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const server = setupServer(...handlers);

let maria: { userId: number; sessionId: string };
let colleague: number;
let appId: number;
let outsider: number;

async function session(email: string) {
  const r = await signIn(db(), { email, password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null });
  if (r.kind !== "signed_in") throw new Error(r.kind);
  return { userId: r.session.userId, sessionId: r.session.id };
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await seedDemo(db());
  maria = await session("maria@ramsey-timebank.example.org");
  const org = await db().selectFrom("organisations").select("id").where("name", "=", "Ramsey Timebank").executeTakeFirstOrThrow();
  colleague = (await db().insertInto("users").values({ email: "colleague@ramsey-timebank.example.org", full_name: "Col League", email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
  await db().insertInto("organisation_members").values({ organisation_id: org.id, user_id: colleague, role: "member" }).execute();
  outsider = (await db().selectFrom("users").select("id").where("email", "=", "dev@sohamcarers.example.org").executeTakeFirstOrThrow()).id;
});
afterAll(() => server.close());

describe("starting an application", () => {
  it("starts a Reach Fund draft in the group's district round, with the group's details filled in", async () => {
    const r = await drafts.startApplication(db(), maria.userId, maria.sessionId, "community-reach-fund", null);
    if (r.kind !== "started") throw new Error(JSON.stringify(r));
    appId = r.applicationId;
    const app = await db().selectFrom("applications as a").innerJoin("rounds as r", "r.id", "a.round_id").select(["a.status", "a.stage", "r.district_code", "a.lead_contact_user_id"]).where("a.id", "=", appId).executeTakeFirstOrThrow();
    expect(app).toEqual({ status: "draft", stage: "single", district_code: "E07000011", lead_contact_user_id: maria.userId });
    const group = await db().selectFrom("application_sections").select("answers").where("application_id", "=", appId).where("section_key", "=", "group").executeTakeFirstOrThrow();
    expect(fromJson<Record<string, unknown>>(group.answers, {})).toMatchObject({ group_name: "Ramsey Timebank", contact_name: "Maria Costa" });
    // Starting again finds the same draft.
    expect(await drafts.startApplication(db(), maria.userId, maria.sessionId, "community-reach-fund", null)).toEqual({ kind: "existing", applicationId: appId });
  });

  it("needs a group to act for", async () => {
    const { id } = await db().insertInto("users").values({ email: "loner@example.org", full_name: "Lone", email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
    expect(await drafts.startApplication(db(), id, "no-session", "community-reach-fund", null)).toEqual({ kind: "no_group" });
  });
});

describe("the task list and its pages", () => {
  it("shows each section's status, and where to carry on", async () => {
    const list = await drafts.taskList(db(), maria.userId, appId);
    expect(list.sections.map((s) => [s.key, s.status])).toEqual([
      ["group", "in_progress"],
      ["activity", "not_started"],
      ["beneficiaries", "not_started"],
      ["location", "not_started"],
      ["budget", "not_started"],
      ["other_funding", "not_started"],
      ["declarations", "not_started"],
    ]);
    expect(list.resume).toEqual({ section: "group", page: "contact" });
  });

  it("save and continue: errors shown and nothing saved; valid answers saved and the next page given", async () => {
    const page = await drafts.questionPage(db(), maria.userId, appId, "activity", "project-title");
    expect(page.version).toBe(0);
    const bad = await drafts.savePage(db(), maria.userId, appId, "activity", "project-title", { raw: { project_title: "" }, version: 0, mode: "continue" }, null);
    expect(bad).toEqual({ kind: "invalid", errors: { project_title: "Enter the name of your activity" } });
    const good = await drafts.savePage(db(), maria.userId, appId, "activity", "project-title", { raw: { project_title: "Ramsey Repair Café" }, version: 0, mode: "continue" }, null);
    expect(good).toEqual({ kind: "saved", next: "project-summary" });
    const app = await db().selectFrom("applications").select("title").where("id", "=", appId).executeTakeFirstOrThrow();
    expect(app.title).toBe("Ramsey Repair Café");
  });

  it("save and come back later keeps what was typed, even when it is not right yet", async () => {
    const page = await drafts.questionPage(db(), maria.userId, appId, "budget", "amount-requested");
    const r = await drafts.savePage(db(), maria.userId, appId, "budget", "amount-requested", { raw: { amount_requested: "£1,000.01" }, version: page.version, mode: "later" }, null);
    expect(r).toEqual({ kind: "saved", next: "" });
    const again = await drafts.questionPage(db(), maria.userId, appId, "budget", "amount-requested");
    expect(again.values).toEqual({ amount_requested: "£1,000.01" });
    expect((await drafts.taskList(db(), maria.userId, appId)).sections.find((s) => s.key === "budget")!.status).toBe("in_progress");
    const fixed = await drafts.savePage(db(), maria.userId, appId, "budget", "amount-requested", { raw: { amount_requested: "1,000" }, version: again.version, mode: "continue" }, null);
    expect(fixed).toEqual({ kind: "saved", next: "budget-lines" });
    expect((await db().selectFrom("applications").select("amount_requested_pence").where("id", "=", appId).executeTakeFirstOrThrow()).amount_requested_pence).toBe(100_000);
  });

  it("two members on different sections both save; on the same section the second is told and nothing is overwritten", async () => {
    const mine = await drafts.questionPage(db(), maria.userId, appId, "beneficiaries", "age-groups");
    const theirs = await drafts.questionPage(db(), colleague, appId, "beneficiaries", "age-groups");
    const elsewhere = await drafts.questionPage(db(), colleague, appId, "declarations", "declarations");
    expect(await drafts.savePage(db(), colleague, appId, "declarations", "declarations", { raw: { declarations: ["true", "spend", "report"] }, version: elsewhere.version, mode: "continue" }, null)).toMatchObject({ kind: "saved" });
    expect(await drafts.savePage(db(), maria.userId, appId, "beneficiaries", "age-groups", { raw: { age_groups: ["0_18"] }, version: mine.version, mode: "continue" }, null)).toMatchObject({ kind: "saved" });
    const second = await drafts.savePage(db(), colleague, appId, "beneficiaries", "age-groups", { raw: { age_groups: ["19_plus"] }, version: theirs.version, mode: "continue" }, null);
    expect(second).toEqual({ kind: "conflict", version: theirs.version + 1 });
    expect((await drafts.questionPage(db(), maria.userId, appId, "beneficiaries", "age-groups")).values).toEqual({ age_groups: ["0_18"] });
  });

  it("the activity's postcode picks the district and its round", async () => {
    const page = await drafts.questionPage(db(), maria.userId, appId, "location", "project-postcode");
    expect(await drafts.savePage(db(), maria.userId, appId, "location", "project-postcode", { raw: { project_postcode: "pe13 1jr" }, version: page.version, mode: "continue" }, null)).toMatchObject({ kind: "saved" });
    const app = await db().selectFrom("applications as a").innerJoin("rounds as r", "r.id", "a.round_id").select(["a.project_postcode", "a.district_code", "r.district_code as roundDistrict"]).where("a.id", "=", appId).executeTakeFirstOrThrow();
    expect(app).toEqual({ project_postcode: "PE13 1JR", district_code: "E07000010", roundDistrict: "E07000010" });
  });

  it("check answers shows every answer with a link to change it", async () => {
    const page = await drafts.checkAnswers(db(), maria.userId, appId);
    const title = page.sections.find((s) => s.key === "activity")!.rows.find((r) => r.questionId === "project_title")!;
    expect(title).toEqual({ questionId: "project_title", label: "What is the name of your activity?", lines: ["Ramsey Repair Café"], changeHref: `/applications/${appId}/activity/project-title?return=check` });
    expect(page.complete).toBe(false);
  });

  it("answers 404 for another group's application, and for a page the form does not have", async () => {
    await expect(drafts.taskList(db(), outsider, appId)).rejects.toBeInstanceOf(drafts.DraftNotFound);
    await expect(drafts.questionPage(db(), outsider, appId, "activity", "project-title")).rejects.toBeInstanceOf(drafts.DraftNotFound);
    await expect(drafts.savePage(db(), outsider, appId, "activity", "project-title", { raw: { project_title: "Mine now" }, version: 1, mode: "continue" }, null)).rejects.toBeInstanceOf(drafts.DraftNotFound);
    await expect(drafts.questionPage(db(), maria.userId, appId, "activity", "no-such-page")).rejects.toBeInstanceOf(drafts.DraftNotFound);
    await expect(drafts.taskList(db(), maria.userId, 999_999)).rejects.toBeInstanceOf(drafts.DraftNotFound);
  });

  it("once it is no longer a draft, nobody can change it", async () => {
    await db().updateTable("applications").set({ status: "submitted" }).where("id", "=", appId).execute();
    const page = await drafts.questionPage(db(), maria.userId, appId, "activity", "project-title");
    expect(page.editable).toBe(false);
    expect(await drafts.savePage(db(), maria.userId, appId, "activity", "project-title", { raw: { project_title: "Changed" }, version: page.version, mode: "continue" }, null)).toEqual({ kind: "locked" });
    await db().updateTable("applications").set({ status: "draft" }).where("id", "=", appId).execute();
  });
});
