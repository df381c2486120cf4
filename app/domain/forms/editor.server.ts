/**
 * The form editor's service: a fund's administrators (and service administrators) keep one working draft
 * per fund × stage — a `form_definitions` row not yet published, numbered as the next version — change it
 * a step at a time, preview it, and publish it. The rules are in editor.ts; this loads, checks who may,
 * stores only if nobody changed the draft since the page was shown (its `version`), and audits.
 *
 * Publishing stamps the draft, so it becomes the newest version; rounds of that fund and stage that have
 * not opened yet switch to it, rounds already open keep the version they opened with (and so do their
 * applications, which pin their own version). Old versions are never changed.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, Stage } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { isoNow } from "~db/time";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { STAGE_NAMES } from "~/domain/funds/setup.server";
import { forgetFundCatalogue } from "~/domain/funds/funds.server";
import { maxUploadBytes, uploadRulesText } from "~/domain/documents/documents.rules";
import { findPage, type FormDefinition } from "./definition";
import {
  EDITABLE_TYPES,
  addQuestion,
  addSection,
  findQuestion,
  isEditableType,
  moveQuestion,
  moveSection,
  protectedReason,
  publishProblems,
  questionFields,
  readQuestion,
  readSectionTitle,
  removeQuestion,
  removeSection,
  renameSection,
  replaceQuestion,
  roundsToMove,
  typeName,
  usedKeys,
  type FieldErrors,
  type Outcome,
  type Raw,
} from "./editor";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export const CHANGED = "Someone else changed this form while you were editing it. Your change has not been saved: check the form as it is now and make it again.";

export type EditResult = { kind: "saved"; anchor?: string } | { kind: "refused"; message: string } | { kind: "invalid"; errors: FieldErrors } | { kind: "conflict"; message: string };

async function requireStage(db: Db | Trx, userId: number, fundId: number, stageParam: string) {
  const actor = await loadActor(db as Db, userId);
  const fund = Number.isSafeInteger(fundId) && fundId > 0 ? await db.selectFrom("funds").selectAll().where("id", "=", fundId).executeTakeFirst() : undefined;
  if (!fund || !can(actor, "fund.edit_forms", { kind: "fund", id: fund.id })) throw new NotAllowed();
  const stages: Stage[] = fund.stages === "two_stage" ? ["outline", "full"] : ["single"];
  const stage = stages.find((s) => s === stageParam);
  if (!stage) throw new NotAllowed();
  return { fund, stage };
}

async function versions(db: Db | Trx, fundId: number, stage: Stage) {
  const rows = await db.selectFrom("form_definitions").selectAll().where("fund_id", "=", fundId).where("stage", "=", stage).orderBy("version_number", "desc").execute();
  const draft = rows.find((r) => r.published_at === null) ?? null;
  const published = rows.find((r) => r.published_at !== null) ?? null;
  return { rows, draft, published };
}

const defOf = (row: { definition: string } | null): FormDefinition | null => (row ? fromJson<FormDefinition>(row.definition, { sections: [] }) : null);

/** Every key any version of any of the fund's forms has used: new questions and sections get none of them. */
async function fundKeys(db: Db | Trx, fundId: number): Promise<Set<string>> {
  const rows = await db.selectFrom("form_definitions").select("definition").where("fund_id", "=", fundId).execute();
  return usedKeys(rows.map((r) => fromJson<FormDefinition>(r.definition, { sections: [] })));
}

function base(fund: { id: number; name: string }, stage: Stage) {
  return { fund: { id: fund.id, name: fund.name }, stage, stageName: STAGE_NAMES[stage] };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// The editor's page

export async function editorPage(db: Db, userId: number, fundId: number, stageParam: string) {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const { draft, published } = await versions(db, fund.id, stage);
  const shown = defOf(draft) ?? defOf(published) ?? { sections: [] };
  return {
    ...base(fund, stage),
    published: published ? { versionNumber: published.version_number, publishedAt: published.published_at } : null,
    draft: draft ? { versionNumber: draft.version_number, version: draft.version, changedAt: draft.updated_at } : null,
    sections: shown.sections.map((s) => ({
      key: s.key,
      title: s.title,
      questions: s.pages.flatMap((p) =>
        p.questions.map((q) => ({
          id: q.id,
          label: q.label,
          type: typeName(q.type),
          required: q.required === true,
          wordLimit: q.type === "textarea" ? (q.wordLimit ?? null) : null,
          editable: isEditableType(q.type) || q.type === "repeating",
          protectedReason: protectedReason(shown, q),
          page: p.key,
        })),
      ),
    })),
    problems: draft ? publishProblems(shown, defOf(published)) : [],
  };
}

/** Starts the working draft from the newest published version (or an empty form); one per fund stage. */
export async function startDraft(db: Db, userId: number, fundId: number, stageParam: string, ip: string | null): Promise<EditResult> {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  try {
    return await insertDraft(db, userId, fund, stage, ip);
  } catch (error) {
    // Two people pressed "Make changes" at once: the other's insert took the version number, and its
    // draft is the one to edit.
    if ((await versions(db, fund.id, stage)).draft) return { kind: "saved" };
    throw error;
  }
}

async function insertDraft(db: Db, userId: number, fund: { id: number; name: string }, stage: Stage, ip: string | null): Promise<EditResult> {
  return db.transaction().execute(async (trx): Promise<EditResult> => {
    const { rows, draft, published } = await versions(trx, fund.id, stage);
    if (draft) return { kind: "saved" };
    const next = (rows[0]?.version_number ?? 0) + 1;
    const { id } = await trx
      .insertInto("form_definitions")
      .values({ fund_id: fund.id, stage, version_number: next, title: published?.title ?? `${fund.name} ${STAGE_NAMES[stage].toLowerCase()}`, definition: published?.definition ?? toJson({ sections: [] }), published_at: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId: userId, event: "form.draft_started", entityType: "fund", entityId: fund.id, ip, data: { stage, formId: id, fromVersion: published?.version_number ?? null, draftVersion: next } });
    return { kind: "saved" };
  });
}

/**
 * Applies one change to the draft, if it is still the draft the person saw (`version`). The change is
 * worked out inside the transaction from the draft as stored, so two people never overwrite each other.
 */
async function changeDraft(
  db: Db,
  userId: number,
  fundId: number,
  stageParam: string,
  version: number,
  what: string,
  change: (form: FormDefinition, used: Set<string>) => (Outcome & { anchor?: string }) | { ok: false; errors: FieldErrors },
  ip: string | null,
): Promise<EditResult> {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  return db.transaction().execute(async (trx): Promise<EditResult> => {
    const { draft } = await versions(trx, fund.id, stage);
    if (!draft || draft.version !== version) return { kind: "conflict", message: CHANGED };
    const outcome = change(defOf(draft)!, await fundKeys(trx, fund.id));
    if (!outcome.ok) return "errors" in outcome ? { kind: "invalid", errors: outcome.errors } : { kind: "refused", message: outcome.message };
    const r = await trx
      .updateTable("form_definitions")
      .set({ definition: toJson(outcome.form), version: version + 1, updated_at: isoNow() })
      .where("id", "=", draft.id)
      .where("version", "=", version)
      .where("published_at", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { kind: "conflict", message: CHANGED };
    await appendAudit(trx, { actorUserId: userId, event: "form.draft_changed", entityType: "fund", entityId: fund.id, ip, data: { stage, formId: draft.id, change: what } });
    return { kind: "saved", anchor: outcome.anchor };
  });
}

export type Step =
  | { op: "move-question"; id: string; direction: "up" | "down" }
  | { op: "remove-question"; id: string }
  | { op: "move-section"; key: string; direction: "up" | "down" }
  | { op: "remove-section"; key: string };

/** The editor page's buttons: move a question or section up or down, remove one. */
export async function editStep(db: Db, userId: number, fundId: number, stageParam: string, version: number, step: Step, ip: string | null): Promise<EditResult> {
  return changeDraft(db, userId, fundId, stageParam, version, `${step.op} ${"id" in step ? step.id : step.key}`, (form) => {
    switch (step.op) {
      case "move-question":
        return { ...moveQuestion(form, step.id, step.direction), anchor: `question-${step.id}` };
      case "remove-question":
        return removeQuestion(form, step.id);
      case "move-section":
        return { ...moveSection(form, step.key, step.direction), anchor: `section-${step.key}` };
      case "remove-section":
        return removeSection(form, step.key);
    }
  }, ip);
}

/** Throws the draft away: the published version stays as it is. */
export async function discardDraft(db: Db, userId: number, fundId: number, stageParam: string, version: number, ip: string | null): Promise<EditResult> {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  return db.transaction().execute(async (trx): Promise<EditResult> => {
    const { draft } = await versions(trx, fund.id, stage);
    if (!draft || draft.version !== version) return { kind: "conflict", message: CHANGED };
    // A draft is never pinned (rounds and applications take only published versions), so it can go.
    const r = await trx.deleteFrom("form_definitions").where("id", "=", draft.id).where("version", "=", version).where("published_at", "is", null).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) return { kind: "conflict", message: CHANGED };
    await appendAudit(trx, { actorUserId: userId, event: "form.draft_discarded", entityType: "fund", entityId: fund.id, ip, data: { stage, formId: draft.id } });
    return { kind: "saved" };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// A question: adding one (choosing its type first) or changing one

export async function questionForm(db: Db, userId: number, fundId: number, stageParam: string, questionId: string, pick: { section: string | null; type: string | null }) {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const { draft } = await versions(db, fund.id, stage);
  if (!draft) throw new NotAllowed();
  const form = defOf(draft)!;
  const types = EDITABLE_TYPES.map((t) => ({ value: t.value, text: t.label, hint: "hint" in t ? t.hint : undefined }));
  if (questionId === "new") {
    const section = form.sections.find((s) => s.key === pick.section);
    if (!section) throw new NotAllowed();
    const type = pick.type && isEditableType(pick.type) ? pick.type : null;
    return { ...base(fund, stage), version: draft.version, section: { key: section.key, title: section.title }, isNew: true, type, typeName: type ? typeName(type) : null, types, values: { required: "yes" } as Raw, protectedReason: null, questionId: null };
  }
  const found = findQuestion(form, questionId);
  if (!found || !(isEditableType(found.question.type) || found.question.type === "repeating")) throw new NotAllowed();
  return {
    ...base(fund, stage),
    version: draft.version,
    section: { key: found.section.key, title: found.section.title },
    isNew: false,
    type: found.question.type,
    typeName: typeName(found.question.type),
    types,
    values: questionFields(found.question),
    protectedReason: protectedReason(form, found.question),
    questionId: found.question.id,
  };
}

export async function saveQuestion(
  db: Db,
  userId: number,
  fundId: number,
  stageParam: string,
  questionId: string,
  input: { section: string; type: string; raw: Raw; version: number },
  ip: string | null,
): Promise<EditResult> {
  const isNew = questionId === "new";
  return changeDraft(db, userId, fundId, stageParam, input.version, isNew ? `add-question ${input.section}` : `change-question ${questionId}`, (form, used) => {
    const existing = isNew ? undefined : findQuestion(form, questionId)?.question;
    if (!isNew && !existing) return { ok: false, message: "That question is no longer in the form" };
    if (isNew && !isEditableType(input.type)) return { ok: false, errors: { type: "Select the type of question" } };
    const read = readQuestion(input.raw, { existing, type: isNew && isEditableType(input.type) ? input.type : undefined, form, used });
    if (!read.ok) return { ok: false, errors: read.errors };
    const outcome = isNew ? addQuestion(form, input.section, read.question) : replaceQuestion(form, read.question);
    return { ...outcome, anchor: `question-${read.question.id}` };
  }, ip);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// A section: adding one or changing its title

export async function sectionForm(db: Db, userId: number, fundId: number, stageParam: string, sectionKey: string) {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const { draft } = await versions(db, fund.id, stage);
  if (!draft) throw new NotAllowed();
  const form = defOf(draft)!;
  if (sectionKey === "new") return { ...base(fund, stage), version: draft.version, isNew: true, values: { title: "" } as Raw };
  const section = form.sections.find((s) => s.key === sectionKey);
  if (!section) throw new NotAllowed();
  return { ...base(fund, stage), version: draft.version, isNew: false, values: { title: section.title } as Raw };
}

export async function saveSection(db: Db, userId: number, fundId: number, stageParam: string, sectionKey: string, input: { raw: Raw; version: number }, ip: string | null): Promise<EditResult> {
  return changeDraft(db, userId, fundId, stageParam, input.version, sectionKey === "new" ? "add-section" : `rename-section ${sectionKey}`, (form, used) => {
    const read = readSectionTitle(input.raw);
    if (!read.ok) return { ok: false, errors: read.errors };
    if (sectionKey === "new") {
      const added = addSection(form, read.title, used);
      return { ...added, anchor: `section-${added.key}` };
    }
    return { ...renameSection(form, sectionKey, read.title), anchor: `section-${sectionKey}` };
  }, ip);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Preview: the draft (or, with none, the published version) as applicants see it; nothing is saved

export async function previewPage(db: Db, userId: number, fundId: number, stageParam: string, pick: { section: string | null; page: string | null }) {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const { draft, published } = await versions(db, fund.id, stage);
  const row = draft ?? published;
  if (!row) throw new NotAllowed();
  const form = defOf(row)!;
  // Every page in order, so the preview can step through them as an applicant would.
  const pages = form.sections.flatMap((s) => s.pages.map((p) => ({ section: s.key, page: p.key })));
  const sections = form.sections.map((s) => ({ key: s.key, title: s.title, firstPage: s.pages[0]?.key ?? null }));
  const common = { ...base(fund, stage), isDraft: row === draft, versionNumber: row.version_number, sections };
  if (!pick.section) return { ...common, shown: null };
  const found = findPage(form, pick.section, pick.page ?? "");
  if (!found) throw new NotAllowed();
  const at = pages.findIndex((p) => p.section === pick.section && p.page === pick.page);
  return {
    ...common,
    shown: {
      section: { key: found.section.key, title: found.section.title },
      page: found.page,
      fileRules: found.page.questions.some((q) => q.type === "file") ? uploadRulesText(maxUploadBytes(process.env.UPLOAD_MAX_BYTES)) : null,
      previous: at > 0 ? pages[at - 1] : null,
      next: at < pages.length - 1 ? pages[at + 1] : null,
    },
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Publishing

async function roundPins(db: Db | Trx, fundId: number, stage: Stage) {
  const column = stage === "outline" ? "outline_form_id" : "application_form_id";
  const rounds = await db.selectFrom("rounds").select(["id", "name", "opens_at", "closes_at", column]).where("fund_id", "=", fundId).orderBy("opens_at").orderBy("name").execute();
  const used = rounds.length
    ? await db.selectFrom("applications").select("round_id").distinct().where("round_id", "in", rounds.map((r) => r.id)).where("stage", "=", stage).execute()
    : [];
  return {
    column,
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, opensAt: r.opens_at, closesAt: r.closes_at, formId: (r as Record<string, unknown>)[column] as number | null, hasApplications: used.some((u) => u.round_id === r.id) })),
  };
}

export async function publishSummary(db: Db, userId: number, fundId: number, stageParam: string) {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const { draft, published, rows } = await versions(db, fund.id, stage);
  if (!draft) return { ...base(fund, stage), draft: null, published: published ? { versionNumber: published.version_number } : null, problems: [], moving: [], keeping: [] };
  const { rounds } = await roundPins(db, fund.id, stage);
  const { move, keep } = roundsToMove(rounds, draft.id, isoNow());
  const versionOf = (id: number | null) => rows.find((r) => r.id === id)?.version_number ?? null;
  return {
    ...base(fund, stage),
    draft: { versionNumber: draft.version_number, version: draft.version },
    published: published ? { versionNumber: published.version_number } : null,
    problems: publishProblems(defOf(draft)!, defOf(published)),
    moving: rounds.filter((r) => move.includes(r.id)).map((r) => ({ id: r.id, name: r.name, opensAt: r.opensAt, fromVersion: versionOf(r.formId) })),
    keeping: rounds.filter((r) => keep.includes(r.id)).map((r) => ({ id: r.id, name: r.name, opensAt: r.opensAt, closesAt: r.closesAt, versionNumber: versionOf(r.formId) })),
  };
}

export type PublishResult = { kind: "published"; versionNumber: number; moved: number; kept: number } | { kind: "refused"; message: string } | { kind: "conflict"; message: string };

/**
 * Publishes the draft as the next version: audited with who, when, from which version to which, and which
 * rounds moved to it and which kept their own.
 */
export async function publish(db: Db, userId: number, fundId: number, stageParam: string, version: number, ip: string | null, now = new Date()): Promise<PublishResult> {
  const { fund, stage } = await requireStage(db, userId, fundId, stageParam);
  const outcome = await db.transaction().execute(async (trx): Promise<PublishResult> => {
    const { draft, published } = await versions(trx, fund.id, stage);
    if (!draft || draft.version !== version) return { kind: "conflict", message: CHANGED };
    const problems = publishProblems(defOf(draft)!, defOf(published));
    if (problems.length) return { kind: "refused", message: problems[0].message };
    const at = now.toISOString();
    const r = await trx
      .updateTable("form_definitions")
      .set({ published_at: at, version: version + 1, updated_at: at })
      .where("id", "=", draft.id)
      .where("version", "=", version)
      .where("published_at", "is", null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { kind: "conflict", message: CHANGED };
    const { column, rounds } = await roundPins(trx, fund.id, stage);
    const { move, keep } = roundsToMove(rounds, draft.id, at);
    if (move.length) {
      // Only rounds still not open as this runs (the condition is checked again by the database).
      await trx.updateTable("rounds").set({ [column]: draft.id, updated_at: at }).where("id", "in", move).where("opens_at", ">", at).execute();
    }
    await appendAudit(trx, {
      actorUserId: userId,
      event: "form.published",
      entityType: "fund",
      entityId: fund.id,
      ip,
      fromState: published ? `version ${published.version_number}` : null,
      toState: `version ${draft.version_number}`,
      data: { stage, fromFormId: published?.id ?? null, toFormId: draft.id, roundsMoved: move.join(" ") || "none", roundsKept: keep.join(" ") || "none" },
    });
    return { kind: "published", versionNumber: draft.version_number, moved: move.length, kept: keep.length };
  });
  if (outcome.kind === "published") forgetFundCatalogue();
  return outcome;
}
