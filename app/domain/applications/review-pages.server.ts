/**
 * What the administrators' review pages show and send: a round's applications waiting to be screened,
 * outlines waiting for a decision and applications still to be sent; the decision form for one or many
 * applications (each with its own feedback, started from the fund's template); the result of a batch; a
 * group's extension; the fund's feedback templates. The decisions themselves are review.server.ts's.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { can, workflowActorsFor, type Actor } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { londonDateTimeSchema, parseWith, type FieldErrors } from "~/domain/funds/setup.schema";
import { currentDeadline, findApplicationForPolicy } from "./applications.queries.server";
import { NotFoundError } from "./applications.server";
import { BATCH_ACTIONS, createBatch, grantExtension, runBatch, batchProgress, type BatchAction, type BatchProgress } from "./review.server";
import { DEFAULT_TEMPLATES, OUTCOMES, OUTCOME_ACTIONS, OUTCOME_LABELS, checkReferral, fillTemplate, type Outcome } from "./review.rules";
import { deadlineFor } from "./submission.rules";
import { WORKFLOWS, stateLabel, type Action, type Stage, type WorkflowActor } from "./workflow";

type Db = Kysely<Database>;

/** The workflow action a batch action is, and its words. */
export function actionOf(action: BatchAction): Action {
  return (OUTCOMES as readonly string[]).includes(action) ? OUTCOME_ACTIONS[action as Outcome] : (action as Action);
}

export const ACTION_LABELS: Record<BatchAction, string> = {
  mark_eligible: "Mark as eligible",
  mark_ineligible: "Mark as ineligible",
  request_information: "Ask for more information",
  ...OUTCOME_LABELS,
};

/** Whether the group must be told why (the workflow says which transitions need feedback). */
export function needsFeedback(action: BatchAction): boolean {
  const a = actionOf(action);
  return Object.values(WORKFLOWS).some((ts) => ts.some((t) => t.action === a && t.needsReason));
}

export function isBatchAction(value: string): value is BatchAction {
  return (BATCH_ACTIONS as readonly string[]).includes(value);
}

/** The actions an administrator may take on this application now, as batch actions. */
export function actionsNow(actor: Actor | null, app: { stage: string; status: string; facts: Parameters<typeof workflowActorsFor>[1] }): BatchAction[] {
  const actors: readonly WorkflowActor[] = workflowActorsFor(actor, app.facts).filter((a) => a === "administrator");
  const available = WORKFLOWS[app.stage as Stage].filter((t) => (t.from as readonly string[]).includes(app.status) && t.by.some((b) => actors.includes(b))).map((t) => t.action);
  return BATCH_ACTIONS.filter((b) => available.includes(actionOf(b)));
}

// ---------------------------------------------------------------------------------------------------------
// Feedback templates

async function templatesOf(db: Db, fundId: number): Promise<Record<BatchAction, string>> {
  const rows = await db.selectFrom("feedback_templates").select(["action", "body"]).where("fund_id", "=", fundId).execute();
  return Object.fromEntries(BATCH_ACTIONS.map((a) => [a, rows.find((r) => r.action === a)?.body ?? DEFAULT_TEMPLATES[a]])) as Record<BatchAction, string>;
}

export interface TemplatesView {
  fund: { id: number; name: string; twoStage: boolean };
  templates: { action: BatchAction; label: string; body: string }[];
}

async function fundFor(db: Db, userId: number, fundId: number) {
  const actor = await loadActor(db, userId);
  if (!Number.isSafeInteger(fundId) || !can(actor, "fund.edit", { kind: "fund", id: fundId })) throw new NotFoundError();
  const fund = await db.selectFrom("funds").select(["id", "name", "stages"]).where("id", "=", fundId).executeTakeFirst();
  if (!fund) throw new NotFoundError();
  return { actor, fund };
}

export async function feedbackTemplates(db: Db, userId: number, fundId: number): Promise<TemplatesView> {
  const { fund } = await fundFor(db, userId, fundId);
  const templates = await templatesOf(db, fund.id);
  const actions = BATCH_ACTIONS.filter((a) => a !== "mark_eligible" && (fund.stages === "two_stage" || !(OUTCOMES as readonly string[]).includes(a)));
  return { fund: { id: fund.id, name: fund.name, twoStage: fund.stages === "two_stage" }, templates: actions.map((a) => ({ action: a, label: ACTION_LABELS[a], body: templates[a] })) };
}

export async function saveFeedbackTemplates(db: Db, userId: number, fundId: number, bodies: Record<string, string>, ip: string | null): Promise<{ kind: "saved" } | { kind: "invalid"; errors: FieldErrors }> {
  const view = await feedbackTemplates(db, userId, fundId);
  const errors: FieldErrors = {};
  for (const t of view.templates) {
    const body = (bodies[t.action] ?? "").replace(/\r\n/g, "\n").trim();
    if (!body) errors[t.action] = `Enter the words to start “${t.label}” feedback with`;
    else if (body.length > 5_000) errors[t.action] = "The words must be 5,000 characters or fewer";
  }
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  const nowIso = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const t of view.templates) {
      const body = bodies[t.action]!.replace(/\r\n/g, "\n").trim();
      if (body === t.body) continue;
      await trx
        .insertInto("feedback_templates")
        .values({ fund_id: fundId, action: t.action, body })
        .onConflict((oc) => oc.columns(["fund_id", "action"]).doUpdateSet((eb) => ({ body, updated_at: nowIso, version: eb("feedback_templates.version", "+", 1) })))
        .execute();
    }
    await appendAudit(trx, { actorUserId: userId, event: "fund.feedback_templates_changed", entityType: "fund", entityId: fundId, ip });
  });
  return { kind: "saved" };
}

// ---------------------------------------------------------------------------------------------------------
// A round's review page

export interface ReviewItem {
  id: number;
  reference: string | null;
  title: string | null;
  group: string;
  stage: string;
  status: string;
  statusLabel: string;
  amountRequestedPence: number | null;
  submittedAt: string | null;
  /** Still to be sent: the deadline that applies, and whether it is the group's extension. */
  deadline: string | null;
  extended: boolean;
}

export interface RoundReview {
  fund: { id: number; name: string; twoStage: boolean };
  round: { id: number; name: string; closesAt: string; fullApplicationDeadline: string | null; panelDate: string | null };
  toScreen: ReviewItem[];
  toDecide: ReviewItem[];
  decided: ReviewItem[];
  stillToSend: ReviewItem[];
}

export async function roundReview(db: Db, userId: number, fundId: number, roundId: number): Promise<RoundReview> {
  const actor = await loadActor(db, userId);
  if (!Number.isSafeInteger(fundId) || !Number.isSafeInteger(roundId) || !can(actor, "fund.view_applications", { kind: "fund", id: fundId })) throw new NotFoundError();
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).where("fund_id", "=", fundId).executeTakeFirst();
  const fund = await db.selectFrom("funds").select(["id", "name", "stages"]).where("id", "=", fundId).executeTakeFirst();
  if (!round || !fund) throw new NotFoundError();
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("round_extensions as x", (j) => j.onRef("x.round_id", "=", "a.round_id").onRef("x.organisation_id", "=", "a.organisation_id").onRef("x.stage", "=", "a.stage"))
    .select(["a.id", "a.reference", "a.title", "a.stage", "a.status", "a.amount_requested_pence", "a.submitted_at", "a.deadline_at", "a.organisation_id", "o.name as group_name", "x.closes_at as extension"])
    .where("a.round_id", "=", roundId)
    .orderBy("a.reference")
    .orderBy("a.id")
    .execute();
  // No one reviews their own group's application (the policy says so); they do not see it here either.
  const mine = new Set(actor!.memberships.map((m) => m.organisationId));
  const items = rows
    .filter((r) => !mine.has(r.organisation_id))
    .map((r) => {
      // Answering a request for more information is not held to the round's deadline (submission.server.ts).
      const toSend = r.status === "draft";
      const d = deadlineFor({ stage: r.stage, roundClosesAt: round.closes_at, roundFullApplicationDeadline: round.full_application_deadline, applicationDeadline: r.deadline_at, extensionClosesAt: r.extension });
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        group: r.group_name,
        stage: r.stage,
        status: r.status,
        statusLabel: stateLabel(r.status),
        amountRequestedPence: r.amount_requested_pence,
        submittedAt: r.submitted_at,
        deadline: toSend ? d.closesAt : null,
        extended: toSend && d.extended,
      };
    });
  return {
    fund: { id: fund.id, name: fund.name, twoStage: fund.stages === "two_stage" },
    round: { id: round.id, name: round.name, closesAt: round.closes_at, fullApplicationDeadline: round.full_application_deadline, panelDate: round.panel_date },
    toScreen: items.filter((i) => i.status === "submitted"),
    toDecide: items.filter((i) => i.stage === "outline" && i.status === "eligible"),
    decided: items.filter((i) => i.stage === "outline" && ["invited", "strengthen", "signposted", "declined", "ineligible"].includes(i.status)),
    stillToSend: items.filter((i) => i.deadline !== null),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Deciding one or many

export interface DecisionItem {
  id: number;
  reference: string | null;
  title: string | null;
  group: string;
  statusLabel: string;
  /** The feedback to start from: the fund's template, filled in for this group. */
  feedback: string;
}

export interface DecisionForm {
  action: BatchAction;
  label: string;
  needsFeedback: boolean;
  referral: boolean;
  deadline: { default: string | null } | null;
  fund: { id: number; name: string };
  items: DecisionItem[];
  /** Chosen but not decidable this way now (decided meanwhile, another fund, or not an outline). */
  left: { id: number; reference: string | null; group: string; why: string; canDecide: boolean }[];
}

async function decidable(db: Db, actor: Actor | null, action: BatchAction, ids: number[]) {
  const items: (DecisionItem & { fundId: number; roundId: number })[] = [];
  const left: DecisionForm["left"] = [];
  for (const id of [...new Set(ids)].slice(0, 200)) {
    const found = Number.isSafeInteger(id) && id > 0 ? await findApplicationForPolicy(db, id) : undefined;
    if (!found || !can(actor, "application.view", found.facts)) continue; // not theirs: not mentioned at all
    const { row, facts } = found;
    const ok = actionsNow(actor, { stage: row.stage, status: row.status, facts }).includes(action);
    if (!ok) {
      left.push({ id: row.id, reference: row.reference, group: row.organisation_name, why: `It is ${stateLabel(row.status)}`, canDecide: can(actor, "application.decide", facts) });
      continue;
    }
    items.push({ id: row.id, reference: row.reference, title: row.title, group: row.organisation_name, statusLabel: stateLabel(row.status), feedback: "", fundId: row.fund_id, roundId: row.round_id });
  }
  return { items, left };
}

export async function decisionForm(db: Db, userId: number, action: string, ids: number[]): Promise<DecisionForm> {
  if (!isBatchAction(action)) throw new NotFoundError();
  const actor = await loadActor(db, userId);
  const { items, left } = await decidable(db, actor, action, ids);
  // Nothing chosen that this person may see, or may decide: no such page (as for anything not theirs).
  if (items.length === 0 && left.length === 0) throw new NotFoundError();
  if (items.length === 0 && !left.some((l) => l.canDecide)) throw new NotFoundError();
  const fundIds = [...new Set(items.map((i) => i.fundId))];
  if (fundIds.length > 1) throw new NotFoundError(); // one fund at a time: its templates, its administrators
  const fundId = fundIds[0] ?? null;
  const fund = fundId ? await db.selectFrom("funds").select(["id", "name"]).where("id", "=", fundId).executeTakeFirstOrThrow() : null;
  const templates = fundId ? await templatesOf(db, fundId) : null;
  let deadlineDefault: string | null = null;
  if (action === "invite" && items.length) {
    const round = await db.selectFrom("rounds").select("full_application_deadline").where("id", "=", items[0].roundId).executeTakeFirstOrThrow();
    deadlineDefault = round.full_application_deadline;
  }
  return {
    action,
    label: ACTION_LABELS[action],
    needsFeedback: needsFeedback(action),
    referral: action === "signpost",
    deadline: action === "invite" ? { default: deadlineDefault } : null,
    fund: fund ? { id: fund.id, name: fund.name } : { id: 0, name: "" },
    items: items.map(({ fundId: _f, roundId: _r, ...i }) => ({ ...i, feedback: templates ? fillTemplate(templates[action], { group: i.group, title: i.title, reference: i.reference, fund: fund!.name }) : "" })),
    left,
  };
}

export type DecideResult = { kind: "done"; batchId: number } | { kind: "invalid"; errors: FieldErrors };

/**
 * Decides the chosen applications with each one's feedback (and referral, and for invitations one
 * deadline): the choices are checked first (nothing is decided if any is wrong), then written as a batch
 * and run at once. A batch cut short runs again from its page.
 */
export async function decide(db: Db, userId: number, action: string, raw: Record<string, string>, ids: number[], ip: string | null): Promise<DecideResult> {
  const form = await decisionForm(db, userId, action, ids);
  const errors: FieldErrors = {};
  if (form.items.length === 0) errors.ids = "Select at least one application that can be decided this way";
  const items = form.items.map((i) => {
    const feedback = (raw[`feedback-${i.id}`] ?? "").replace(/\r\n/g, "\n").trim();
    if (form.needsFeedback && !feedback) errors[`feedback-${i.id}`] = `Enter the feedback ${i.group} will see`;
    if (feedback.length > 5_000) errors[`feedback-${i.id}`] = "The feedback must be 5,000 characters or fewer";
    let referral = null;
    if (form.referral) {
      const r = checkReferral({ to: raw[`referralTo-${i.id}`], reason: raw[`referralReason-${i.id}`] });
      if (r.ok) referral = r.referral;
      else errors[`${r.field}-${i.id}`] = r.message;
    }
    return { applicationId: i.id, feedback: feedback || null, referral };
  });
  let deadline: string | null = null;
  if (form.deadline) {
    const parsed = parseWith(londonDateTimeSchema("deadline", "the deadline"), raw);
    if (!parsed.ok) Object.assign(errors, parsed.errors);
    else if (parsed.value && parsed.value <= new Date().toISOString()) errors["deadline-day"] = "The deadline must be in the future";
    else deadline = parsed.value;
  }
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  const actor = await loadActor(db, userId);
  const batchId = await createBatch(db, actor, { fundId: form.fund.id, action: form.action, items, deadline });
  await runBatch(db, actor, batchId, { ip });
  return { kind: "done", batchId };
}

export interface BatchView {
  id: number;
  action: BatchAction;
  label: string;
  fund: { id: number; name: string };
  by: string | null;
  status: string;
  createdAt: string;
  progress: BatchProgress;
  items: { id: number; applicationId: number; reference: string | null; title: string | null; group: string; state: string; message: string | null; feedback: string | null }[];
}

async function batchOf(db: Db, userId: number, batchId: number) {
  const actor = await loadActor(db, userId);
  const batch = Number.isSafeInteger(batchId) && batchId > 0 ? await db.selectFrom("decision_batches").selectAll().where("id", "=", batchId).executeTakeFirst() : undefined;
  if (!batch || !can(actor, "fund.view_applications", { kind: "fund", id: batch.fund_id }) || !isBatchAction(batch.action)) throw new NotFoundError();
  return { actor, batch };
}

export async function batchView(db: Db, userId: number, batchId: number): Promise<BatchView> {
  const { batch } = await batchOf(db, userId, batchId);
  const [fund, by, items, progress] = await Promise.all([
    db.selectFrom("funds").select(["id", "name"]).where("id", "=", batch.fund_id).executeTakeFirstOrThrow(),
    batch.created_by_user_id ? db.selectFrom("users").select("full_name").where("id", "=", batch.created_by_user_id).executeTakeFirst() : undefined,
    db
      .selectFrom("decision_batch_items as i")
      .innerJoin("applications as a", "a.id", "i.application_id")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .select(["i.id", "i.application_id", "i.state", "i.message", "i.feedback", "a.reference", "a.title", "o.name as group_name"])
      .where("i.batch_id", "=", batch.id)
      .orderBy("i.id")
      .execute(),
    batchProgress(db, batch.id),
  ]);
  const action = batch.action as BatchAction;
  return {
    id: batch.id,
    action,
    label: ACTION_LABELS[action],
    fund,
    by: by?.full_name ?? null,
    status: batch.status,
    createdAt: batch.created_at,
    progress,
    items: items.map((i) => ({ id: i.id, applicationId: i.application_id, reference: i.reference, title: i.title, group: i.group_name, state: i.state, message: i.message, feedback: i.feedback })),
  };
}

/** Runs what is left of a batch (a run cut short): nothing decided twice. */
export async function runRest(db: Db, userId: number, batchId: number, ip: string | null): Promise<BatchProgress> {
  const { actor, batch } = await batchOf(db, userId, batchId);
  return runBatch(db, actor, batch.id, { ip });
}

// ---------------------------------------------------------------------------------------------------------
// More time for one group

export interface ExtensionView {
  id: number;
  reference: string | null;
  title: string | null;
  group: string;
  fundName: string;
  status: string;
  deadline: string;
  extended: boolean;
  fundId: number;
  roundId: number;
}

export async function extensionView(db: Db, userId: number, applicationId: number): Promise<ExtensionView> {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, "application.screen", found.facts)) throw new NotFoundError();
  const { row } = found;
  const d = await currentDeadline(db, row);
  return { id: row.id, reference: row.reference, title: row.title, group: row.organisation_name, fundName: row.fund_name, status: stateLabel(row.status), deadline: d.closesAt, extended: d.extended, fundId: row.fund_id, roundId: row.round_id };
}

export async function extend(db: Db, userId: number, applicationId: number, raw: Record<string, string>, ip: string | null): Promise<{ kind: "granted" } | { kind: "invalid"; errors: FieldErrors }> {
  const parsed = parseWith(londonDateTimeSchema("closes", "the new deadline"), raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const reason = (raw.reason ?? "").trim();
  const message = (raw.message ?? "").trim();
  if (reason.length > 2_000) return { kind: "invalid", errors: { reason: "The reason must be 2,000 characters or fewer" } };
  if (message.length > 2_000) return { kind: "invalid", errors: { message: "The message must be 2,000 characters or fewer" } };
  const actor = await loadActor(db, userId);
  const result = await grantExtension(db, actor, applicationId, { closesAt: parsed.value!, reason, message, ip });
  if (result.kind === "refused") return { kind: "invalid", errors: { "closes-day": result.message } };
  return { kind: "granted" };
}
