/**
 * The applications service: the only code that changes an application's status. Each change is checked by
 * the policy module (who) and the workflow module (what), and writes its audit entry and its notifications
 * in the same transaction as the new status.
 */
import type { Kysely, Transaction } from "kysely";
import type { ApplicationUpdate, Database } from "~db/schema";
import { isoNow } from "~db/time";
import { can, workflowActorsFor, type Actor, type ApplicationFacts } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { isTemplateName, type ApplicationTemplateName } from "~emails/index";
import type { ApplicationEmailData } from "~emails/application-data";
import { availableTransitions, checkTransition, type Action, type Stage, type State, type WorkflowActor } from "./workflow";
import { findApplicationForPolicy, fundAdministratorRecipients, groupRecipients } from "./applications.queries.server";

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "Page not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** A transition the workflow or the policy refused, with words the user can act on. */
export class TransitionRefused extends Error {
  readonly status: number;
  constructor(
    readonly reason: "unknown_action" | "wrong_state" | "not_permitted" | "reason_required" | "changed_meanwhile",
    message: string,
  ) {
    super(message);
    this.name = "TransitionRefused";
    this.status = reason === "not_permitted" ? 403 : reason === "reason_required" ? 400 : 409;
  }
}

export interface TransitionRequest {
  applicationId: number;
  action: Action;
  /**
   * Why. From staff, an internal note for the audit log, never emailed. From the group (withdrawing,
   * declining a grant), its own words, passed on to the fund's administrators.
   */
  reason?: string | null;
  /** What the group is told, in the administrator's words: required where the transition needs a reason. */
  feedback?: string | null;
  /** The version the user saw; a stale one is refused rather than overwriting someone else's change. */
  expectedVersion?: number;
  ip?: string | null;
}

export interface TransitionResult {
  from: State;
  to: State;
  version: number;
  notificationIds: number[];
}

/** May this person withdraw the application now (the group's admins or lead contact, before a decision)? */
export function mayWithdraw(actor: Actor | null, facts: ApplicationFacts, stage: Stage): boolean {
  return availableTransitions(stage, facts.status, workflowActorsFor(actor, facts)).some((t) => t.action === "withdraw");
}

/** The portal itself acting (scheduled jobs, payments): only transitions the workflow allows the system. */
export const SYSTEM = "system" as const;

/**
 * Moves an application along the workflow. Throws NotFoundError when the actor may not even see it (so its
 * existence and status are not revealed), TransitionRefused when the move is not allowed now.
 */
export async function transitionApplication(
  db: Kysely<Database>,
  actor: Actor | typeof SYSTEM | null,
  req: TransitionRequest,
): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const found = await findApplicationForPolicy(trx, req.applicationId);
    if (!found) throw new NotFoundError();
    if (actor !== SYSTEM && !can(actor, "application.view", found.facts)) throw new NotFoundError();
    return applyTransition(trx, actor, found, req);
  });
}

type FoundApplication = NonNullable<Awaited<ReturnType<typeof findApplicationForPolicy>>>;

/**
 * Columns a transition may set alongside the status: a reference and submission time when first submitted,
 * the full application's own deadline when an outline is invited.
 */
export type TransitionColumns = Pick<ApplicationUpdate, "reference" | "submitted_at" | "deadline_at">;

/**
 * Inside the caller's transaction: checks and makes one transition of an application the actor may see,
 * with the columns the caller sets alongside, its audit entry (with `auditData`) and its notifications.
 */
export async function applyTransition(
  trx: Transaction<Database>,
  actor: Actor | typeof SYSTEM | null,
  found: FoundApplication,
  req: TransitionRequest,
  opts: { set?: TransitionColumns; auditData?: Record<string, unknown>; emailData?: Pick<ApplicationEmailData, "referral"> } = {},
): Promise<TransitionResult> {
  const { row, facts } = found;
  const actors: WorkflowActor[] = actor === SYSTEM ? ["system"] : workflowActorsFor(actor, facts);
  const byGroup = actors.includes("applicant_lead") && !actors.includes("administrator");
  // Staff must say what the group will read; the group gives its own reason.
  const check = checkTransition(row.stage as Stage, row.status, req.action, actors, byGroup ? req.reason : req.feedback);
  if (!check.ok) {
    const message = check.reason === "reason_required" && !byGroup ? "Enter the feedback the group will see" : check.message;
    throw new TransitionRefused(check.reason, message);
  }
  if (req.expectedVersion !== undefined && req.expectedVersion !== row.version) {
    throw new TransitionRefused("changed_meanwhile", "Someone else changed this application while you were looking at it. Check it again.");
  }

  const now = isoNow();
  const { transition } = check;
  const updated = await trx
    .updateTable("applications")
    .set({
      ...opts.set,
      status: transition.to,
      version: row.version + 1,
      updated_at: now,
      ...(transition.decision ? { decided_at: now } : {}),
    })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .where("status", "=", row.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new TransitionRefused("changed_meanwhile", "Someone else changed this application at the same time. Check it again.");
  }

  await appendAudit(trx, {
    actorUserId: actor === SYSTEM ? null : (actor?.userId ?? null),
    event: "application.transition",
    entityType: "application",
    entityId: row.id,
    fromState: row.status,
    toState: transition.to,
    reason: req.reason ?? req.feedback ?? null,
    ip: req.ip ?? null,
    data: { action: transition.action, ...(req.feedback ? { feedback: req.feedback } : {}), ...opts.auditData },
  });

  const reference = opts.set?.reference ?? row.reference;
  const notificationIds: number[] = [];
  for (const n of transition.notifications) {
    if (!isTemplateName(n.template)) throw new Error(`The workflow names an email template that does not exist: ${n.template}`);
    const recipients =
      n.to === "group"
        ? await groupRecipients(trx, row.organisation_id)
        : await fundAdministratorRecipients(trx, row.fund_id, { newSubmission: n.template === "new-submission" });
    const ids = await enqueue(trx, {
      template: n.template as ApplicationTemplateName,
      reference,
      recipients,
      data: {
        applicationId: row.id,
        reference,
        title: row.title,
        organisationName: row.organisation_name,
        fundName: row.fund_name,
        // Staff notes stay in the audit log; only a group's own reason travels (to staff).
        reason: byGroup ? (req.reason ?? null) : null,
        feedback: req.feedback ?? null,
        ...(opts.set?.deadline_at ? { deadline: opts.set.deadline_at } : {}),
        ...opts.emailData,
      },
    });
    notificationIds.push(...ids);
  }
  return { from: row.status as State, to: transition.to, version: row.version + 1, notificationIds };
}
