/**
 * The form editor against a real database, on whichever engine TEST_ENGINE names: only a fund's own
 * administrators edit its forms; a draft is changed a step at a time (stale steps refused); publishing makes
 * the next version, audited, and moves rounds that have not opened while open rounds keep theirs; a round
 * set up afterwards takes the new version, and a group applying to it is asked the new question, while an
 * application in a round opened before keeps its form and answers (in the staff view and its PDF copy).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo, DEMO_PASSWORD } from "~db/seeds/index";
import { signIn } from "~/domain/accounts/accounts.server";
import { staffApplicationView } from "~/domain/admin/application-view.server";
import { applicationCopyPdf } from "~/domain/applications/application-pdf.server";
import * as drafts from "~/domain/applications/drafts.server";
import type { FormDefinition } from "~/domain/forms/definition";
import * as editor from "~/domain/forms/editor.server";
import { saveRound } from "~/domain/funds/setup.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { makeCompleteDraft, userId } from "../factories";
import { handlers } from "../mocks";
import { TEST_ENGINE, useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const server = setupServer(...handlers);

const EAST_CAMBS = "E07000009";
const LABEL = "How will volunteers be involved?";
const people = { reachAdmin: 0, innovationAdmin: 0, dev: { userId: 0, sessionId: "" } };
let reach = 0;
let oldApp = 0;

async function staff(email: string, fundCode: string) {
  const fund = await db().selectFrom("funds").select("id").where("code", "=", fundCode).executeTakeFirstOrThrow();
  const { id } = await db().insertInto("users").values({ email, full_name: email, email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
  await db().insertInto("role_grants").values({ user_id: id, role: "administrator", scope: "fund", fund_id: fund.id, district_code: null, round_id: null, granted_by_user_id: null }).execute();
  return id;
}

const draftVersion = async () => (await editor.editorPage(db(), people.reachAdmin, reach, "single")).draft!.version;
const formOf = async (id: number) => fromJson<FormDefinition>((await db().selectFrom("form_definitions").select("definition").where("id", "=", id).executeTakeFirstOrThrow()).definition, { sections: [] });
const eastCambsRounds = () => db().selectFrom("rounds").selectAll().where("fund_id", "=", reach).where("district_code", "=", EAST_CAMBS).orderBy("id").execute();

/** London date fields for a round, `days` from today. */
function dateFields(prefix: string, days: number): Record<string, string> {
  const d = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(d).map((p) => [p.type, p.value]));
  return { [`${prefix}-day`]: parts.day, [`${prefix}-month`]: parts.month, [`${prefix}-year`]: parts.year, [`${prefix}-time`]: "" };
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await seedDemo(db());
  reach = (await db().selectFrom("funds").select("id").where("code", "=", "CRF").executeTakeFirstOrThrow()).id;
  people.reachAdmin = await staff("reach.forms@council.example.org", "CRF");
  people.innovationAdmin = await staff("innovation.forms@council.example.org", "CIF");
  const r = await signIn(db(), { email: "dev@sohamcarers.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null });
  if (r.kind !== "signed_in") throw new Error(r.kind);
  people.dev = { userId: r.session.userId, sessionId: r.session.id };
  // An application sent in the East Cambridgeshire round open now, on the form it opened with (version 1).
  const app = await makeCompleteDraft(db(), { group: "Soham Young Carers' Club", title: "Young carers' summer trips" });
  await db().updateTable("applications").set({ status: "submitted", reference: "CRF-2026-07001", submitted_at: new Date().toISOString() }).where("id", "=", app.id).execute();
  oldApp = app.id;
});
afterAll(() => server.close());

describe(`the form editor (${TEST_ENGINE})`, () => {
  it("is for the fund's own administrators: the Innovation Fund's administrator cannot see or change the Reach Fund's form", async () => {
    await expect(editor.editorPage(db(), people.innovationAdmin, reach, "single")).rejects.toBeInstanceOf(NotAllowed);
    await expect(editor.startDraft(db(), people.innovationAdmin, reach, "single", null)).rejects.toBeInstanceOf(NotAllowed);
    await expect(editor.previewPage(db(), people.innovationAdmin, reach, "single", { section: null, page: null })).rejects.toBeInstanceOf(NotAllowed);
    await expect(editor.publish(db(), people.innovationAdmin, reach, "single", 0, null)).rejects.toBeInstanceOf(NotAllowed);
    // A stage the fund does not have is not there either.
    await expect(editor.editorPage(db(), people.reachAdmin, reach, "outline")).rejects.toBeInstanceOf(NotAllowed);
  });

  it("starts one draft, the next version, from the published form", async () => {
    const before = await editor.editorPage(db(), people.reachAdmin, reach, "single");
    expect(before.published?.versionNumber).toBe(1);
    expect(before.draft).toBeNull();
    expect(await editor.startDraft(db(), people.reachAdmin, reach, "single", null)).toEqual({ kind: "saved" });
    expect(await editor.startDraft(db(), people.reachAdmin, reach, "single", null)).toEqual({ kind: "saved" }); // still one
    const page = await editor.editorPage(db(), people.reachAdmin, reach, "single");
    expect(page.draft?.versionNumber).toBe(2);
    expect(page.sections.map((s) => s.title)).toEqual(before.sections.map((s) => s.title));
    const rows = await db().selectFrom("form_definitions").select("id").where("fund_id", "=", reach).where("stage", "=", "single").execute();
    expect(rows).toHaveLength(2);
  });

  it("adds a question, refusing an empty one and a stale page, and will not remove a question the fund needs", async () => {
    const version = await draftVersion();
    const input = { section: "activity", type: "textarea", version, raw: { label: "", required: "yes", wordLimit: "0" } };
    expect(await editor.saveQuestion(db(), people.reachAdmin, reach, "single", "new", input, null)).toEqual({
      kind: "invalid",
      errors: { label: "Enter the question", wordLimit: "The word limit must be a whole number greater than 0, like 250" },
    });
    const saved = await editor.saveQuestion(db(), people.reachAdmin, reach, "single", "new", { ...input, raw: { label: LABEL, required: "yes", wordLimit: "150", id: "volunteers" } }, null);
    expect(saved).toEqual({ kind: "saved", anchor: "question-volunteers" });
    // The page was shown before that save: its version is stale, so nothing is written.
    expect(await editor.saveQuestion(db(), people.reachAdmin, reach, "single", "new", { ...input, raw: { label: "Another", required: "no" } }, null)).toEqual({ kind: "conflict", message: editor.CHANGED });
    const refused = await editor.editStep(db(), people.reachAdmin, reach, "single", await draftVersion(), { op: "remove-question", id: "amount_requested" }, null);
    expect(refused).toEqual({ kind: "refused", message: "“How much are you asking for?” cannot be removed. The portal takes the amount requested from this question." });
    const page = await editor.editorPage(db(), people.reachAdmin, reach, "single");
    expect(page.sections.find((s) => s.key === "activity")!.questions.at(-1)).toMatchObject({ id: "volunteers", label: LABEL, wordLimit: 150, required: true });
    expect(page.problems).toEqual([]);
    // The preview shows the new page with the applicants' own question, saving nothing.
    const preview = await editor.previewPage(db(), people.reachAdmin, reach, "single", { section: "activity", page: "volunteers" });
    expect(preview.isDraft).toBe(true);
    expect(preview.shown?.page.questions.map((q) => q.label)).toEqual([LABEL]);
  });

  it("publishes the next version: rounds not yet open take it, open rounds keep theirs, and the audit log says so", async () => {
    // A round set up earlier for next spring, on version 1.
    const future = await saveRound(db(), people.reachAdmin, reach, null, { name: "East Cambridgeshire, spring 2031", area: EAST_CAMBS, "opens-day": "1", "opens-month": "4", "opens-year": "2031", "opens-time": "", "closes-day": "30", "closes-month": "6", "closes-year": "2031", "closes-time": "" }, 0, null);
    if (future.kind !== "saved") throw new Error(JSON.stringify(future));
    const [seeded] = await eastCambsRounds();
    const v1 = seeded.application_form_id!;
    expect((await db().selectFrom("rounds").select("application_form_id").where("id", "=", future.roundId).executeTakeFirstOrThrow()).application_form_id).toBe(v1);

    const summary = await editor.publishSummary(db(), people.reachAdmin, reach, "single");
    expect(summary.moving.map((r) => r.name)).toEqual(["East Cambridgeshire, spring 2031"]);
    expect(summary.keeping.map((r) => r.name)).toContain(seeded.name);

    const stale = await editor.publish(db(), people.reachAdmin, reach, "single", (await draftVersion()) - 1, null);
    expect(stale.kind).toBe("conflict");
    const published = await editor.publish(db(), people.reachAdmin, reach, "single", await draftVersion(), null);
    expect(published).toMatchObject({ kind: "published", versionNumber: 2, moved: 1 });

    const v2 = (await db().selectFrom("form_definitions").select("id").where("fund_id", "=", reach).where("version_number", "=", 2).executeTakeFirstOrThrow()).id;
    const rounds = await eastCambsRounds();
    expect(rounds.find((r) => r.id === seeded.id)!.application_form_id).toBe(v1);
    expect(rounds.find((r) => r.id === future.roundId)!.application_form_id).toBe(v2);
    // Version 1 itself is untouched.
    expect(JSON.stringify(await formOf(v1))).not.toContain("volunteers");

    const audit = await db().selectFrom("audit_log").selectAll().where("event", "=", "form.published").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: people.reachAdmin, entity_type: "fund", entity_id: reach, from_state: "version 1", to_state: "version 2" });
    const data = fromJson<Record<string, unknown>>(audit[0].data, {});
    expect(data).toMatchObject({ stage: "single", fromFormId: v1, toFormId: v2, roundsMoved: String(future.roundId) });
    expect(String(data.roundsKept).split(" ")).toContain(String(seeded.id));
    expect((await editor.editorPage(db(), people.reachAdmin, reach, "single")).draft).toBeNull();
  });

  it("a round opened afterwards shows the new question to a group applying; the application from before keeps its form", async () => {
    // Opens today (so it is open now), closing before the seeded round: it is the group's round.
    const [seeded] = await eastCambsRounds();
    const closeInDays = Math.max(1, Math.min(5, Math.floor((Date.parse(seeded.closes_at) - Date.now()) / 86_400_000) - 1));
    const round = await saveRound(db(), people.reachAdmin, reach, null, { name: "East Cambridgeshire winter top-up", area: EAST_CAMBS, ...dateFields("opens", 0), ...dateFields("closes", closeInDays) }, 0, null);
    if (round.kind !== "saved") throw new Error(JSON.stringify(round));
    const started = await drafts.startApplication(db(), people.dev.userId, people.dev.sessionId, "community-reach-fund", null);
    if (started.kind !== "started") throw new Error(started.kind);
    const app = await db().selectFrom("applications").selectAll().where("id", "=", started.applicationId).executeTakeFirstOrThrow();
    expect(app.round_id).toBe(round.roundId);

    const page = await drafts.questionPage(db(), people.dev.userId, app.id, "activity", "volunteers");
    expect(page.page.questions.map((q) => q.label)).toEqual([LABEL]);
    const tooLong = await drafts.savePage(db(), people.dev.userId, app.id, "activity", "volunteers", { raw: { volunteers: "word ".repeat(151) }, version: page.version, mode: "continue" }, null);
    expect(tooLong.kind).toBe("invalid");
    const ok = await drafts.savePage(db(), people.dev.userId, app.id, "activity", "volunteers", { raw: { volunteers: "Six young carers' parents help each week." }, version: page.version, mode: "continue" }, null);
    expect(ok.kind).toBe("saved");
    const check = await drafts.checkAnswers(db(), people.dev.userId, app.id);
    expect(check.sections.find((s) => s.key === "activity")!.rows.map((r) => r.label)).toContain(LABEL);

    // The application sent before: same form as ever, every answer still shown.
    await expect(drafts.questionPage(db(), people.dev.userId, oldApp, "activity", "volunteers")).rejects.toBeInstanceOf(drafts.DraftNotFound);
    const view = await staffApplicationView(db(), people.reachAdmin, oldApp);
    const activity = view.sections.find((s) => s.key === "activity")!;
    expect(activity.rows.map((r) => r.label)).not.toContain(LABEL);
    expect(activity.rows.find((r) => r.questionId === "project_title")!.lines).toEqual(["Young carers' summer trips"]);
    const pdf = await applicationCopyPdf(db(), people.reachAdmin, oldApp);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "form-editor-")), "copy.pdf");
    fs.writeFileSync(file, pdf.buffer);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Young carers' summer trips");
    expect(text).not.toContain(LABEL);
  });

  it("removing the question in a later version loses no answer, and its id is never given to another question", async () => {
    await editor.startDraft(db(), people.reachAdmin, reach, "single", null);
    expect(await editor.editStep(db(), people.reachAdmin, reach, "single", await draftVersion(), { op: "remove-question", id: "volunteers" }, null)).toMatchObject({ kind: "saved" });
    const again = await editor.saveQuestion(db(), people.reachAdmin, reach, "single", "new", { section: "activity", type: "textarea", version: await draftVersion(), raw: { label: LABEL, required: "no", id: "volunteers" } }, null);
    expect(again.kind === "invalid" && again.errors.id).toContain("already used");
    const fresh = await editor.saveQuestion(db(), people.reachAdmin, reach, "single", "new", { section: "activity", type: "textarea", version: await draftVersion(), raw: { label: LABEL, required: "no" } }, null);
    expect(fresh).toEqual({ kind: "saved", anchor: "question-how_will_volunteers_be" });
    expect((await editor.publish(db(), people.reachAdmin, reach, "single", await draftVersion(), null)).kind).toBe("published");
    // The group's application (in the round that opened on version 2) still asks, and still has, its answer.
    const app = await db().selectFrom("applications").select("id").where("organisation_id", "=", (await db().selectFrom("organisations").select("id").where("name", "=", "Soham Young Carers' Club").executeTakeFirstOrThrow()).id).where("status", "=", "draft").executeTakeFirstOrThrow();
    const page = await drafts.questionPage(db(), people.dev.userId, app.id, "activity", "volunteers");
    expect(page.values.volunteers).toBe("Six young carers' parents help each week.");
  });

  it("discards a draft, leaving the published form as it was", async () => {
    await editor.startDraft(db(), people.reachAdmin, reach, "single", null);
    const version = await draftVersion();
    expect(await editor.discardDraft(db(), people.reachAdmin, reach, "single", version + 1, null)).toMatchObject({ kind: "conflict" });
    expect(await editor.discardDraft(db(), people.reachAdmin, reach, "single", version, null)).toEqual({ kind: "saved" });
    const page = await editor.editorPage(db(), people.reachAdmin, reach, "single");
    expect(page.draft).toBeNull();
    expect(page.published?.versionNumber).toBe(3);
    expect(await userId(db(), "reach.forms@council.example.org")).toBe(people.reachAdmin);
  });
});
