/**
 * What administrators do to an application before a panel: screen it (eligible, or ineligible with a
 * reason and feedback the group sees), and for an Innovation Fund outline, invite the group to a full
 * application with its own deadline. Each is one workflow transition (applications.server.ts): checked by
 * the policy and the workflow, audited, and emailed to the group in the same transaction.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { can, type Actor } from "~/domain/access/policy";
import { applyTransition, NotFoundError, TransitionRefused, transitionApplication, type TransitionResult } from "./applications.server";
import { findApplicationForPolicy } from "./applications.queries.server";

type Db = Kysely<Database>;

export interface ScreeningInput {
  eligible: boolean;
  /** An internal note for the audit log. */
  reason?: string | null;
  /** What the group is told; required when it is ineligible. */
  feedback?: string | null;
  expectedVersion?: number;
  ip?: string | null;
}

export function screenApplication(db: Db, actor: Actor | null, applicationId: number, input: ScreeningInput): Promise<TransitionResult> {
  return transitionApplication(db, actor, {
    applicationId,
    action: input.eligible ? "mark_eligible" : "mark_ineligible",
    reason: input.reason,
    feedback: input.feedback,
    expectedVersion: input.expectedVersion,
    ip: input.ip,
  });
}

export interface InviteInput {
  feedback?: string | null;
  /** The full application's deadline (UTC ISO); the round's full-application deadline when not given. */
  deadline?: string | null;
  expectedVersion?: number;
  ip?: string | null;
}

/** Invites an eligible outline to a full application, with the deadline it must be sent by. */
export function inviteToFullApplication(db: Db, actor: Actor | null, outlineId: number, input: InviteInput): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const found = await findApplicationForPolicy(trx, outlineId);
    if (!found || !can(actor, "application.view", found.facts)) throw new NotFoundError();
    const round = await trx.selectFrom("rounds").select(["full_application_deadline", "closes_at"]).where("id", "=", found.row.round_id).executeTakeFirstOrThrow();
    const deadline = input.deadline ?? round.full_application_deadline;
    if (!deadline) throw new TransitionRefused("reason_required", "Enter the date the full application must be sent by");
    return applyTransition(trx, actor, found, { applicationId: outlineId, action: "invite", feedback: input.feedback, expectedVersion: input.expectedVersion, ip: input.ip }, { set: { deadline_at: deadline } });
  });
}
