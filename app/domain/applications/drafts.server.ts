/**
 * Filling in an application: starting one for the group a member acts for, the task list, saving a page
 * (any member of the group may; two people on different sections never collide; two on the same section
 * are told, nothing is overwritten silently), and the check-answers page. The form is the one the round
 * pinned; answers are stored per section under stable question ids.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can, type Actor, type ApplicationFacts } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { roundStatus } from "~/domain/funds/funds.rules";
import { actingGroup } from "~/domain/organisations/organisations.server";
import { pageValues, sectionStatus, type SectionStatus, type StoredSection } from "~/domain/forms/answers";
import { findPage, type FormDefinition, type Page, type Section } from "~/domain/forms/definition";
import { displayAnswer } from "~/domain/forms/display";
import { checkTotals, readPage, readQuestion, type Answers, type RawInput } from "~/domain/forms/schema";
import { checkFiles } from "~/domain/forms/files";
import { documentView, maxUploadBytes, uploadRulesText, type DocumentView } from "~/domain/documents/documents.rules";
import { listApplicationDocuments } from "~/domain/documents/documents.queries.server";
import { lookupPostcode } from "~/utils/postcodes.server";
import { findApplicationForPolicy } from "./applications.queries.server";
import { nextStepFor, type NextStepLink } from "./next-step";
import { progressFor, stageLabel, type Progress } from "./progress";
import { mayWithdraw } from "./applications.server";
import { adviceSummary, type AdviceSummary } from "~/domain/coordinators/coordinators.server";
import type { Stage } from "./workflow";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export class DraftNotFound extends Error {
  constructor() {
    super("Not found");
    this.name = "DraftNotFound";
  }
}

async function facts(db: Db | Trx, actor: Actor | null, id: number, action: "application.view" | "application.edit") {
  const found = Number.isSafeInteger(id) && id > 0 ? await findApplicationForPolicy(db, id) : undefined;
  // Not theirs, or not there: the same answer.
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  return { ...found, editable: can(actor, "application.edit", found.facts), wanted: action };
}

/**
 * Parsed published forms, per database. A published version is never written again (decision 0013) and
 * applications pin only published versions, so a parsed copy stays right; a draft (published_at null) is
 * never kept.
 */
const parsedForms = new WeakMap<object, Map<number, FormDefinition>>();
const PARSED_FORMS_KEPT = 100;

/** Shared between requests, so nothing may change it: a write throws instead of leaking into the next. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function formOf(db: Db | Trx, formDefinitionId: number): Promise<FormDefinition> {
  const key = db.getExecutor().adapter;
  const kept = parsedForms.get(key)?.get(formDefinitionId);
  if (kept) return kept;
  const row = await db.selectFrom("form_definitions").select(["definition", "published_at"]).where("id", "=", formDefinitionId).executeTakeFirstOrThrow();
  const form = fromJson<FormDefinition>(row.definition, { sections: [] });
  if (row.published_at) {
    const forDb = parsedForms.get(key) ?? new Map<number, FormDefinition>();
    if (forDb.size >= PARSED_FORMS_KEPT) forDb.clear();
    forDb.set(formDefinitionId, deepFreeze(form));
    parsedForms.set(key, forDb);
  }
  return form;
}

async function storedSections(db: Db | Trx, applicationId: number): Promise<Map<string, StoredSection & { version: number }>> {
  const rows = await db.selectFrom("application_sections").select(["section_key", "answers", "version"]).where("application_id", "=", applicationId).execute();
  return new Map(rows.map((r) => [r.section_key, { answers: fromJson<Answers>(r.answers, {}), version: r.version }]));
}

// ---------------------------------------------------------------------------------------------------------
// Starting

export type StartResult = { kind: "started" | "existing"; applicationId: number } | { kind: "no_group" } | { kind: "closed"; message: string };

/** Starts (or returns the group's existing draft for) the fund's open round for the group being acted for. */
export async function startApplication(db: Db, userId: number, sessionId: string, fundSlug: string, ip: string | null, now = new Date()): Promise<StartResult> {
  const group = await actingGroup(db, userId, sessionId);
  if (!group) return { kind: "no_group" };
  const actor = await loadActor(db, userId);
  const org = await db.selectFrom("organisations").selectAll().where("id", "=", group.id).executeTakeFirstOrThrow();
  if (!can(actor, "organisation.start_application", { kind: "organisation", id: org.id, districtCode: org.district_code, fundIdsAppliedTo: [] })) return { kind: "no_group" };
  const fund = await db.selectFrom("funds").selectAll().where("slug", "=", fundSlug).where("status", "=", "active").executeTakeFirst();
  if (!fund) throw new DraftNotFound();
  const nowIso = now.toISOString();
  const rounds = await db.selectFrom("rounds").selectAll().where("fund_id", "=", fund.id).execute();
  const open = rounds.filter((r) => roundStatus(r, nowIso) === "open" && (!fund.rounds_per_district || r.district_code === org.district_code));
  const round = open.sort((a, b) => a.closes_at.localeCompare(b.closes_at))[0];
  if (!round) return { kind: "closed", message: `${fund.name} has no round open for your group's district just now` };
  const stage = fund.stages === "two_stage" ? "outline" : "single";
  const formId = stage === "outline" ? round.outline_form_id : round.application_form_id;
  if (!formId) return { kind: "closed", message: `${fund.name} is not taking applications online yet` };
  const existing = await db
    .selectFrom("applications")
    .select("id")
    .where("organisation_id", "=", org.id)
    .where("round_id", "=", round.id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (existing) return { kind: "existing", applicationId: existing.id };
  const user = await db.selectFrom("users").select("full_name").where("id", "=", userId).executeTakeFirstOrThrow();
  const form = await formOf(db, formId);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("applications")
      .values({
        fund_id: fund.id,
        round_id: round.id,
        organisation_id: org.id,
        stage,
        form_definition_id: formId,
        status: "draft",
        lead_contact_user_id: userId,
        district_code: org.district_code,
        financial_year: round.financial_year,
        reference: null,
        parent_application_id: null,
        title: null,
        amount_requested_pence: null,
        amount_awarded_pence: null,
        project_postcode: null,
        submitted_at: null,
        decided_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // "About your group" starts from the group's profile; the person checks it and saves.
    for (const section of form.sections.filter((s) => s.prefill === "organisation")) {
      const prefill: Answers = {};
      const set = (qid: string, value: unknown) => {
        if (section.pages.some((p) => p.questions.some((q) => q.id === qid))) prefill[qid] = value;
      };
      set("group_name", org.name);
      set("contact_name", user.full_name);
      set("group_address", { line1: org.address_line1 ?? "", line2: org.address_line2 ?? "", town: org.town ?? "", postcode: org.postcode });
      await trx.insertInto("application_sections").values({ application_id: id, section_key: section.key, answers: toJson(prefill), updated_by_user_id: userId }).execute();
    }
    await appendAudit(trx, { actorUserId: userId, event: "application.started", entityType: "application", entityId: id, ip, toState: "draft" });
    return { kind: "started" as const, applicationId: id };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The task list

export interface TaskListPage {
  id: number;
  title: string | null;
  reference: string | null;
  fundName: string;
  organisationName: string;
  stage: string;
  status: string;
  /** The status in the group's words, and what happens next. */
  progress: Progress;
  editable: boolean;
  canWithdraw: boolean;
  /** A decided outline: the full application or revised outline it leads to, started or still to start. */
  nextStep: NextStepLink | null;
  /** Whether this person may start it (a member of the group). */
  member: boolean;
  /** What the fund last told the group about where it is now (more information needed, feedback, a referral). */
  message: { heading: string; body: string | null; referral: { to: string; reason: string } | null } | null;
  sections: { key: string; title: string; status: SectionStatus; firstPage: string }[];
  completedCount: number;
  /** Where a returning person left off: the first page of the first section not completed. */
  resume: { section: string; page: string } | null;
  /** The group's Community Coordinator and their advice (app/domain/coordinators). */
  support: AdviceSummary;
}

export async function taskList(db: Db, userId: number, applicationId: number): Promise<TaskListPage> {
  const actor = await loadActor(db, userId);
  const app = await facts(db, actor, applicationId, "application.view");
  const form = await formOf(db, (await db.selectFrom("applications").select("form_definition_id").where("id", "=", app.row.id).executeTakeFirstOrThrow()).form_definition_id);
  const stored = await storedSections(db, app.row.id);
  const sections = form.sections.map((s) => ({ key: s.key, title: s.title, status: sectionStatus(s, stored.get(s.key) ?? null), firstPage: s.pages[0]?.key ?? "" }));
  const next = sections.find((s) => s.status !== "completed");
  return {
    id: app.row.id,
    title: app.row.title,
    reference: app.row.reference,
    fundName: app.row.fund_name,
    organisationName: app.row.organisation_name,
    stage: stageLabel(app.row.stage as Stage),
    status: app.row.status,
    progress: progressFor(app.row.stage as Stage, app.row.status),
    editable: app.editable,
    canWithdraw: mayWithdraw(actor, app.facts, app.row.stage as Stage),
    nextStep: await nextStepOf(db, app.row),
    member: Boolean(actor?.memberships.some((m) => m.organisationId === app.row.organisation_id)),
    message: await messageFor(db, app.row),
    sections,
    completedCount: sections.filter((s) => s.status === "completed").length,
    resume: next ? { section: next.key, page: firstUnanswered(form.sections.find((s) => s.key === next.key)!, stored.get(next.key) ?? null) } : null,
    support: await adviceSummary(db, app.row.id),
  };
}

const MESSAGE_HEADINGS: Record<string, string> = {
  more_information: "We need more information",
  ineligible: "Why your application cannot go forward",
  invited: "The panel's feedback",
  strengthen: "The panel's advice",
  signposted: "Where to go next",
  declined: "The panel's feedback",
};

async function messageFor(db: Db, app: { id: number; status: string }): Promise<TaskListPage["message"]> {
  const heading = MESSAGE_HEADINGS[app.status];
  if (!heading) return null;
  const d = await db
    .selectFrom("decisions")
    .select(["feedback", "referral_to", "referral_reason"])
    .where("application_id", "=", app.id)
    .where("to_state", "=", app.status)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!d || (!d.feedback && !d.referral_to)) return null;
  return { heading, body: d.feedback, referral: d.referral_to ? { to: d.referral_to, reason: d.referral_reason ?? "" } : null };
}

async function nextStepOf(db: Db, outline: { id: number; stage: string; status: string }): Promise<NextStepLink | null> {
  if (outline.stage !== "outline") return null;
  const children = await db.selectFrom("applications").select(["id", "stage", "parent_application_id"]).where("parent_application_id", "=", outline.id).execute();
  return nextStepFor(outline, children);
}

function firstUnanswered(section: Section, stored: StoredSection | null): string {
  const answers = stored?.answers ?? {};
  const page = section.pages.find((p) => p.questions.some((q) => q.required && (answers[q.id] === undefined || Object.keys(answers._raw ?? {}).some((k) => k === q.id || k.startsWith(`${q.id}-`)))));
  return (page ?? section.pages[0]).key;
}

// ---------------------------------------------------------------------------------------------------------
// A question page

export interface QuestionPage {
  applicationId: number;
  fundName: string;
  section: { key: string; title: string };
  page: Page;
  values: RawInput;
  version: number;
  isLastPage: boolean;
  editable: boolean;
  /** The page's file questions: their documents so far, by question id (empty when it has none). */
  files: Record<string, DocumentView[]>;
  /** What a file question's hint adds (kinds of file, size limit); null on a page without one. */
  fileRules: string | null;
}

export async function questionPage(db: Db, userId: number, applicationId: number, sectionKey: string, pageKey: string): Promise<QuestionPage> {
  const actor = await loadActor(db, userId);
  const app = await facts(db, actor, applicationId, "application.view");
  const row = await db.selectFrom("applications").select("form_definition_id").where("id", "=", app.row.id).executeTakeFirstOrThrow();
  const form = await formOf(db, row.form_definition_id);
  const found = findPage(form, sectionKey, pageKey);
  if (!found) throw new DraftNotFound();
  const stored = (await storedSections(db, app.row.id)).get(sectionKey) ?? null;
  return {
    applicationId: app.row.id,
    fundName: app.row.fund_name,
    section: { key: found.section.key, title: found.section.title },
    page: found.page,
    values: pageValues(found.page.questions, stored),
    version: stored?.version ?? 0,
    isLastPage: found.index === found.section.pages.length - 1,
    editable: app.editable,
    ...(await pageFiles(db, app.row.id, found.page)),
  };
}

/** The documents of a page's file questions, and the rules for uploading more. */
async function pageFiles(db: Db, applicationId: number, page: Page): Promise<Pick<QuestionPage, "files" | "fileRules">> {
  const ids = page.questions.filter((q) => q.type === "file").map((q) => q.id);
  if (ids.length === 0) return { files: {}, fileRules: null };
  const docs = (await listApplicationDocuments(db, applicationId)).filter((d) => ids.includes(d.questionId));
  return {
    files: Object.fromEntries(ids.map((id) => [id, docs.filter((d) => d.questionId === id).map((d) => documentView(applicationId, d))])),
    fileRules: uploadRulesText(maxUploadBytes(process.env.UPLOAD_MAX_BYTES)),
  };
}

export type SaveResult =
  | { kind: "saved"; next: string }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "conflict"; version: number }
  | { kind: "locked" };

/**
 * Saves a page. "continue": only valid answers are saved, errors are shown. "later": what is valid is
 * saved, what is not is kept as typed, so nothing is lost. `version` is the section's version the page
 * was shown with: if someone else saved the section since, nothing is written and the person is told.
 */
export async function savePage(
  db: Db,
  userId: number,
  applicationId: number,
  sectionKey: string,
  pageKey: string,
  input: { raw: RawInput; version: number; mode: "continue" | "later" },
  ip: string | null,
  now = new Date(),
): Promise<SaveResult> {
  const actor = await loadActor(db, userId);
  const app = await facts(db, actor, applicationId, "application.edit");
  if (!app.editable) return { kind: "locked" };
  const row = await db.selectFrom("applications").select("form_definition_id").where("id", "=", app.row.id).executeTakeFirstOrThrow();
  const form = await formOf(db, row.form_definition_id);
  const found = findPage(form, sectionKey, pageKey);
  if (!found) throw new DraftNotFound();
  const { section, page, index } = found;

  const result = readPage(page, input.raw);
  if (!result.ok && input.mode === "continue") return { kind: "invalid", errors: result.errors };
  if (result.ok && input.mode === "continue") {
    // Rules across pages of the section (budget lines that add up to the request).
    const stored = (await storedSections(db, app.row.id)).get(sectionKey);
    // Required file questions need a file that is not infected (the documents service keeps their answers).
    const totals = { ...checkTotals(page, { ...(stored?.answers ?? {}), ...result.answers }), ...checkFiles(page, stored?.answers ?? {}) };
    if (Object.keys(totals).length) return { kind: "invalid", errors: totals };
  }

  // What this page contributes: accepted answers, and (saving for later) what was typed but not accepted.
  const accepted: Answers = {};
  const pending: RawInput = {};
  for (const q of page.questions) {
    const issues: { field: string; message: string }[] = [];
    const value = readQuestion(q, input.raw, issues);
    if (issues.length === 0) {
      if (value !== undefined) accepted[q.id] = value;
    } else {
      for (const [k, v] of Object.entries(input.raw)) if (k === q.id || k.startsWith(`${q.id}-`)) pending[k] = v;
    }
  }

  // A bound postcode also says which district (and so which district round) the application is for.
  const binds = await bindings(db, page, accepted, { fundId: app.facts.fundId, roundId: app.facts.roundId }, now);

  const nowIso = now.toISOString();
  const outcome = await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("application_sections").selectAll().where("application_id", "=", app.row.id).where("section_key", "=", sectionKey).executeTakeFirst();
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) return { kind: "conflict" as const, version: currentVersion };
    const answers: Answers & { _raw?: RawInput } = current ? fromJson<Answers>(current.answers, {}) : {};
    const raw: RawInput = { ...(answers._raw ?? {}) };
    for (const q of page.questions) {
      if (q.type === "file") continue; // kept in step with the documents by the documents service
      delete answers[q.id];
      for (const k of Object.keys(raw)) if (k === q.id || k.startsWith(`${q.id}-`)) delete raw[k];
    }
    Object.assign(answers, accepted);
    Object.assign(raw, pending);
    if (Object.keys(raw).length) answers._raw = raw;
    else delete answers._raw;
    const completed = sectionStatus(section, { answers }) === "completed" ? 1 : 0;
    if (current) {
      await trx
        .updateTable("application_sections")
        .set({ answers: toJson(answers), completed, updated_by_user_id: userId, updated_at: nowIso, version: currentVersion + 1 })
        .where("id", "=", current.id)
        .where("version", "=", currentVersion)
        .execute();
    } else {
      await trx.insertInto("application_sections").values({ application_id: app.row.id, section_key: sectionKey, answers: toJson(answers), completed, updated_by_user_id: userId }).execute();
    }
    if (Object.keys(binds).length) {
      await trx.updateTable("applications").set({ ...binds, updated_at: nowIso }).where("id", "=", app.row.id).where("status", "=", "draft").execute();
    }
    return { kind: "saved" as const };
  });
  if (outcome.kind === "conflict") return outcome;
  await appendAudit(db, { actorUserId: userId, event: "application.section_saved", entityType: "application", entityId: app.row.id, ip, data: { section: sectionKey, page: pageKey } });
  const nextPage = section.pages[index + 1];
  return { kind: "saved", next: input.mode === "later" || !nextPage ? "" : nextPage.key };
}

/** The application's own columns that this page's answers keep in step. */
async function bindings(
  db: Db,
  page: Page,
  answers: Answers,
  app: { fundId: number; roundId: number },
  now: Date,
): Promise<Partial<{ title: string; amount_requested_pence: number; project_postcode: string; district_code: string; round_id: number }>> {
  const out: Awaited<ReturnType<typeof bindings>> = {};
  for (const q of page.questions) {
    const v = answers[q.id];
    if (v === undefined || !q.bind) continue;
    if (q.bind === "title") out.title = String(v);
    if (q.bind === "amount_requested") out.amount_requested_pence = v as number;
    if (q.bind === "project_postcode") {
      out.project_postcode = String(v);
      const found = await lookupPostcode(String(v));
      if (found.kind === "found" && (await db.selectFrom("districts").select("code").where("code", "=", found.districtCode).executeTakeFirst())) {
        out.district_code = found.districtCode;
        // A fund with a pot per district: the activity's district picks the round (and so the pot).
        const fund = await db.selectFrom("funds").select("rounds_per_district").where("id", "=", app.fundId).executeTakeFirstOrThrow();
        if (fund.rounds_per_district) {
          const current = await db.selectFrom("rounds").select(["financial_year", "district_code"]).where("id", "=", app.roundId).executeTakeFirstOrThrow();
          if (current.district_code !== found.districtCode) {
            const candidates = await db.selectFrom("rounds").selectAll().where("fund_id", "=", app.fundId).where("district_code", "=", found.districtCode).where("financial_year", "=", current.financial_year).execute();
            const open = candidates.find((r) => roundStatus(r, now.toISOString()) === "open");
            if (open) out.round_id = open.id;
          }
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Check answers

export interface CheckAnswersPage {
  applicationId: number;
  title: string | null;
  fundName: string;
  editable: boolean;
  sections: {
    key: string;
    title: string;
    status: SectionStatus;
    rows: { questionId: string; label: string; lines: string[]; changeHref: string; files?: DocumentView[] }[];
  }[];
  complete: boolean;
}

export async function checkAnswers(db: Db, userId: number, applicationId: number): Promise<CheckAnswersPage> {
  const actor = await loadActor(db, userId);
  const app = await facts(db, actor, applicationId, "application.view");
  const row = await db.selectFrom("applications").select("form_definition_id").where("id", "=", app.row.id).executeTakeFirstOrThrow();
  const form = await formOf(db, row.form_definition_id);
  const stored = await storedSections(db, app.row.id);
  const documents = await listApplicationDocuments(db, app.row.id);
  const sections = form.sections.map((s) => {
    const answers = stored.get(s.key)?.answers ?? {};
    return {
      key: s.key,
      title: s.title,
      status: sectionStatus(s, stored.get(s.key) ?? null),
      rows: s.pages.flatMap((p) =>
        p.questions.map((q) => ({
          questionId: q.id,
          label: q.label,
          lines: displayAnswer(q, answers[q.id]),
          changeHref: `/applications/${app.row.id}/${s.key}/${p.key}?return=check`,
          // A file question's documents, with their scan state, to download.
          ...(q.type === "file" ? { files: documents.filter((d) => d.questionId === q.id).map((d) => documentView(app.row.id, d)) } : {}),
        })),
      ),
    };
  });
  return { applicationId: app.row.id, title: app.row.title, fundName: app.row.fund_name, editable: app.editable, sections, complete: sections.every((s) => s.status === "completed") };
}

export type { ApplicationFacts };
