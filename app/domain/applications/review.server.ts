/**
 * What administrators do to an application before and at a panel: screen it (eligible, or ineligible with
 * feedback the group sees), ask the group for more information, give one group more time, and decide an
 * Innovation Fund outline (invite, advise strengthening, signpost, decline), one at a time or in bulk.
 *
 * Each decision is one workflow transition (applications.server.ts): checked by the policy and the
 * workflow, audited, and emailed to the group in the same transaction, with a row in `decisions` that keeps
 * what the group was told. Bulk decisions are a batch of items run one transaction each, the item marked
 * done in the same transaction as its decision: a batch stopped half way runs again without deciding or
 * emailing anyone twice.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { can, type Actor } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { applyTransition, NotFoundError, TransitionRefused, type TransitionColumns, type TransitionResult } from "./applications.server";
import { currentDeadline, findApplicationForPolicy, groupRecipients } from "./applications.queries.server";
import { OUTCOMES, OUTCOME_ACTIONS, checkReferral, type Outcome, type Referral } from "./review.rules";
import type { Action } from "./workflow";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Found = NonNullable<Awaited<ReturnType<typeof findApplicationForPolicy>>>;

/** Finds an application the actor may see, inside the transaction; otherwise the same "not found" as no such id. */
async function visible(trx: Trx, actor: Actor | null, applicationId: number): Promise<Found> {
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(trx, applicationId) : undefined;
  if (!found || !can(actor, "application.view", found.facts)) throw new NotFoundError();
  return found;
}

interface DecisionInput {
  action: Action;
  feedback?: string | null;
  /** An internal note for the audit log; never emailed. */
  reason?: string | null;
  referral?: Referral | null;
  set?: TransitionColumns;
  expectedVersion?: number;
  batchId?: number | null;
  ip?: string | null;
}

/** One decision inside the caller's transaction: the transition, its emails, and what the group was told. */
async function decide(trx: Trx, actor: Actor | null, found: Found, input: DecisionInput): Promise<TransitionResult> {
  const result = await applyTransition(
    trx,
    actor,
    found,
    { applicationId: found.row.id, action: input.action, feedback: input.feedback?.trim() || null, reason: input.reason?.trim() || null, expectedVersion: input.expectedVersion, ip: input.ip },
    { set: input.set, emailData: input.referral ? { referral: input.referral } : {}, auditData: input.referral ? { referral: input.referral } : {} },
  );
  await trx
    .insertInto("decisions")
    .values({
      application_id: found.row.id,
      action: input.action,
      to_state: result.to,
      feedback: input.feedback?.trim() || null,
      referral_to: input.referral?.to ?? null,
      referral_reason: input.referral?.reason ?? null,
      decided_by_user_id: actor?.userId ?? null,
      batch_id: input.batchId ?? null,
    })
    .execute();
  return result;
}

export interface ScreeningInput {
  eligible: boolean;
  reason?: string | null;
  /** What the group is told; required when it is ineligible. */
  feedback?: string | null;
  expectedVersion?: number;
  ip?: string | null;
}

export function screenApplication(db: Db, actor: Actor | null, applicationId: number, input: ScreeningInput): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) =>
    decide(trx, actor, await visible(trx, actor, applicationId), {
      action: input.eligible ? "mark_eligible" : "mark_ineligible",
      feedback: input.feedback,
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      ip: input.ip,
    }),
  );
}

/** Returns the application to the group with a message; editing reopens until they send it again. */
export function requestInformation(db: Db, actor: Actor | null, applicationId: number, input: { message: string; reason?: string | null; expectedVersion?: number; ip?: string | null }) {
  return db.transaction().execute(async (trx) =>
    decide(trx, actor, await visible(trx, actor, applicationId), {
      action: "request_information",
      feedback: input.message,
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      ip: input.ip,
    }),
  );
}

export interface OutlineDecisionInput {
  outcome: Outcome;
  feedback?: string | null;
  /** Signposting: where the group is referred, and why. */
  referral?: Referral | null;
  /** Inviting: the full application's deadline (UTC ISO); the round's full-application deadline when not given. */
  deadline?: string | null;
  expectedVersion?: number;
  ip?: string | null;
}

async function decideOutlineIn(trx: Trx, actor: Actor | null, found: Found, input: OutlineDecisionInput & { batchId?: number | null }): Promise<TransitionResult> {
  if (found.row.stage !== "outline") throw new TransitionRefused("unknown_action", "Only an outline proposal is invited, strengthened or signposted.");
  let set: TransitionColumns | undefined;
  if (input.outcome === "invite") {
    const round = await trx.selectFrom("rounds").select("full_application_deadline").where("id", "=", found.row.round_id).executeTakeFirstOrThrow();
    const deadline = input.deadline ?? round.full_application_deadline;
    if (!deadline) throw new TransitionRefused("reason_required", "Enter the date the full application must be sent by");
    set = { deadline_at: deadline };
  }
  let referral: Referral | null = null;
  if (input.outcome === "signpost") {
    const checked = checkReferral(input.referral);
    if (!checked.ok) throw new TransitionRefused("reason_required", checked.message);
    referral = checked.referral;
  }
  return decide(trx, actor, found, { action: OUTCOME_ACTIONS[input.outcome], feedback: input.feedback, referral, set, expectedVersion: input.expectedVersion, batchId: input.batchId, ip: input.ip });
}

/** Decides one outline proposal. */
export function decideOutline(db: Db, actor: Actor | null, outlineId: number, input: OutlineDecisionInput): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => decideOutlineIn(trx, actor, await visible(trx, actor, outlineId), input));
}

/** Invites an eligible outline to a full application, with the deadline it must be sent by. */
export function inviteToFullApplication(db: Db, actor: Actor | null, outlineId: number, input: Omit<OutlineDecisionInput, "outcome">): Promise<TransitionResult> {
  return decideOutline(db, actor, outlineId, { ...input, outcome: "invite" });
}

// ---------------------------------------------------------------------------------------------------------
// More time for one group

export type ExtensionResult = { kind: "granted"; closesAt: string } | { kind: "refused"; message: string };

/**
 * Gives the application's group a later deadline in its round and stage (round_extensions), and tells the
 * group. Only the fund's administrators, for a draft or an invited outline's full application still to come.
 */
export async function grantExtension(
  db: Db,
  actor: Actor | null,
  applicationId: number,
  input: { closesAt: string; reason?: string | null; message?: string | null; ip?: string | null },
  now = new Date(),
): Promise<ExtensionResult> {
  return db.transaction().execute(async (trx) => {
    const found = await visible(trx, actor, applicationId);
    if (!can(actor, "application.screen", found.facts)) throw new TransitionRefused("not_permitted", "You cannot give this group more time.");
    const { row } = found;
    // A draft's deadline, or an invited outline's full application's; a request for more information has none.
    if (!["draft", "invited"].includes(row.status)) return { kind: "refused", message: "This application has no deadline left to extend: it has been sent." };
    const current = await currentDeadline(trx, row);
    const stage = current.stage;
    if (input.closesAt <= now.toISOString()) return { kind: "refused", message: "The new deadline must be in the future" };
    if (input.closesAt <= current.closesAt) return { kind: "refused", message: "The new deadline must be later than the one the group has now" };
    const nowIso = now.toISOString();
    await trx
      .insertInto("round_extensions")
      .values({ round_id: row.round_id, organisation_id: row.organisation_id, stage, closes_at: input.closesAt, reason: input.reason?.trim() || null, granted_by_user_id: actor?.userId ?? null })
      .onConflict((oc) =>
        oc.columns(["round_id", "organisation_id", "stage"]).doUpdateSet((eb) => ({
          closes_at: input.closesAt,
          reason: input.reason?.trim() || null,
          granted_by_user_id: actor?.userId ?? null,
          updated_at: nowIso,
          version: eb("round_extensions.version", "+", 1),
        })),
      )
      .execute();
    await appendAudit(trx, {
      actorUserId: actor?.userId ?? null,
      event: "application.extension_granted",
      entityType: "application",
      entityId: row.id,
      reason: input.reason?.trim() || null,
      ip: input.ip ?? null,
      data: { roundId: row.round_id, organisationId: row.organisation_id, stage, from: current.closesAt, to: input.closesAt },
    });
    await trx
      .insertInto("decisions")
      .values({ application_id: row.id, action: "extend", to_state: row.status, feedback: input.message?.trim() || null, referral_to: null, referral_reason: null, decided_by_user_id: actor?.userId ?? null, batch_id: null })
      .execute();
    await enqueue(trx, {
      template: "extension-granted",
      reference: row.reference,
      recipients: await groupRecipients(trx, row.organisation_id),
      data: { applicationId: row.id, reference: row.reference, title: row.title, organisationName: row.organisation_name, fundName: row.fund_name, deadline: input.closesAt, feedback: input.message?.trim() || null },
    });
    return { kind: "granted", closesAt: input.closesAt };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Decisions in bulk

export interface BatchItemInput {
  applicationId: number;
  feedback?: string | null;
  referral?: Referral | null;
}

/** What a batch does to each of its applications: screening, asking for more, or an outline's outcome. */
export type BatchAction = "mark_eligible" | "mark_ineligible" | "request_information" | Outcome;
export const BATCH_ACTIONS: readonly BatchAction[] = ["mark_eligible", "mark_ineligible", "request_information", ...OUTCOMES];

/** Writes the batch (one action, each application with its own feedback); nothing is decided yet. */
export async function createBatch(db: Db, actor: Actor | null, input: { fundId: number; action: BatchAction; items: BatchItemInput[]; deadline?: string | null }): Promise<number> {
  if (!actor || !can(actor, "fund.view_applications", { kind: "fund", id: input.fundId })) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("decision_batches")
      .values({ fund_id: input.fundId, action: input.action, created_by_user_id: actor.userId, started_at: null, finished_at: null, deadline_at: input.deadline ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const item of input.items) {
      await trx
        .insertInto("decision_batch_items")
        .values({ batch_id: id, application_id: item.applicationId, feedback: item.feedback?.trim() || null, referral_to: item.referral?.to?.trim() || null, referral_reason: item.referral?.reason?.trim() || null, message: null, done_at: null })
        .execute();
    }
    return id;
  });
}

export interface BatchProgress {
  done: number;
  skipped: number;
  pending: number;
}

/**
 * Runs a batch's pending items, each in its own transaction with its decision, emails and the item marked
 * done; an item whose application has moved on meanwhile (or that may no longer be decided) is marked
 * skipped with the reason. Runs again from where it stopped. `stopAfter` ends the run early (for tests of
 * a run cut short, and to keep a request's work bounded).
 */
export async function runBatch(db: Db, actor: Actor | null, batchId: number, opts: { stopAfter?: number; ip?: string | null } = {}): Promise<BatchProgress> {
  const batch = await db.selectFrom("decision_batches").selectAll().where("id", "=", batchId).executeTakeFirst();
  if (!batch || !actor || !can(actor, "fund.view_applications", { kind: "fund", id: batch.fund_id })) throw new NotFoundError();
  const nowIso = () => new Date().toISOString();
  await db.updateTable("decision_batches").set({ status: "running", started_at: batch.started_at ?? nowIso(), updated_at: nowIso() }).where("id", "=", batchId).execute();
  const pending = await db.selectFrom("decision_batch_items").selectAll().where("batch_id", "=", batchId).where("state", "=", "pending").orderBy("id").execute();
  let ran = 0;
  for (const item of pending) {
    if (opts.stopAfter !== undefined && ran >= opts.stopAfter) break;
    ran++;
    try {
      await db.transaction().execute(async (trx) => {
        // Claim the item first: if another run took it meanwhile, leave it to that run.
        const claimed = await trx.updateTable("decision_batch_items").set({ state: "done", done_at: nowIso(), updated_at: nowIso() }).where("id", "=", item.id).where("state", "=", "pending").executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return;
        const found = await visible(trx, actor, item.application_id);
        if (found.row.fund_id !== batch.fund_id) throw new NotFoundError();
        const referral = item.referral_to ? { to: item.referral_to, reason: item.referral_reason ?? "" } : null;
        if ((OUTCOMES as readonly string[]).includes(batch.action)) {
          await decideOutlineIn(trx, actor, found, { outcome: batch.action as Outcome, feedback: item.feedback, referral, deadline: batch.deadline_at, batchId, ip: opts.ip });
        } else {
          await decide(trx, actor, found, { action: batch.action as Action, feedback: item.feedback, batchId, ip: opts.ip });
        }
      });
    } catch (error) {
      if (!(error instanceof TransitionRefused || error instanceof NotFoundError)) throw error;
      // Nothing of the decision was written (its transaction rolled back): say why it was left.
      await db.updateTable("decision_batch_items").set({ state: "skipped", message: error.message, done_at: nowIso(), updated_at: nowIso() }).where("id", "=", item.id).where("state", "=", "pending").execute();
    }
  }
  const progress = await batchProgress(db, batchId);
  if (progress.pending === 0) await db.updateTable("decision_batches").set({ status: "done", finished_at: nowIso(), updated_at: nowIso() }).where("id", "=", batchId).execute();
  return progress;
}

export async function batchProgress(db: Db, batchId: number): Promise<BatchProgress> {
  const rows = await db.selectFrom("decision_batch_items").select(["state"]).where("batch_id", "=", batchId).execute();
  return {
    done: rows.filter((r) => r.state === "done").length,
    skipped: rows.filter((r) => r.state === "skipped").length,
    pending: rows.filter((r) => r.state === "pending").length,
  };
}
