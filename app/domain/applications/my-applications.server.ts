/**
 * A group's own view of its applications: "Your applications" (each group's applications with a status
 * tag, the deadline and what happens next), the confirmation after sending, and withdrawing before a
 * decision.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { mayWithdraw, transitionApplication, TransitionRefused } from "./applications.server";
import { findApplicationForPolicy } from "./applications.queries.server";
import { DraftNotFound } from "./drafts.server";
import { nextStepFor, type NextStepLink } from "./next-step";
import { progressFor, stageLabel, type Progress } from "./progress";
import { deadlineFor } from "./submission.rules";
import { isEditable, type Stage } from "./workflow";
import { supportOffer, type SupportOffer } from "~/domain/deprivation/deprivation.server";

type Db = Kysely<Database>;

export interface MyApplication {
  id: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  stage: string;
  status: string;
  progress: Progress;
  /** The deadline that applies, while the group still has something to send. */
  deadline: string | null;
  submittedAt: string | null;
  canEdit: boolean;
  canWithdraw: boolean;
  /** A decided outline: the full application or revised outline it leads to, started or still to start. */
  nextStep: NextStepLink | null;
}

export interface MyGroupApplications {
  group: { id: number; name: string };
  applications: MyApplication[];
}

/** Every group the person belongs to, each with its applications, newest first. */
export async function myApplications(db: Db, userId: number): Promise<MyGroupApplications[]> {
  const actor = await loadActor(db, userId);
  if (!actor || actor.memberships.length === 0) return [];
  const groupIds = actor.memberships.map((m) => m.organisationId);
  const [groups, rows] = await Promise.all([
    db.selectFrom("organisations").select(["id", "name"]).where("id", "in", groupIds).orderBy("name").execute(),
    db
      .selectFrom("applications as a")
      .innerJoin("funds as f", "f.id", "a.fund_id")
      .innerJoin("rounds as r", "r.id", "a.round_id")
      .leftJoin("round_extensions as x", (j) => j.onRef("x.round_id", "=", "a.round_id").onRef("x.organisation_id", "=", "a.organisation_id").onRef("x.stage", "=", "a.stage"))
      .select([
        "a.id",
        "a.reference",
        "a.title",
        "a.stage",
        "a.status",
        "a.organisation_id",
        "a.fund_id",
        "a.round_id",
        "a.district_code",
        "a.lead_contact_user_id",
        "a.submitted_at",
        "a.deadline_at",
        "a.parent_application_id",
        "f.name as fund_name",
        "r.closes_at",
        "r.full_application_deadline",
        "x.closes_at as extension_closes_at",
      ])
      .where("a.organisation_id", "in", groupIds)
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .execute(),
  ]);
  return groups.map((g) => ({
    group: { id: g.id, name: g.name },
    applications: rows
      .filter((r) => r.organisation_id === g.id)
      .map((r) => {
        const facts = {
          kind: "application" as const,
          id: r.id,
          organisationId: r.organisation_id,
          fundId: r.fund_id,
          roundId: r.round_id,
          districtCode: r.district_code,
          organisationDistrictCode: null,
          leadContactUserId: r.lead_contact_user_id,
          status: r.status,
        };
        const next = nextStepFor(r, rows);
        const toSend = r.status === "draft" || r.status === "more_information" || (next?.step === "full" && next.startedId === null);
        const deadline = toSend
          ? deadlineFor({
              stage: r.status === "invited" ? "full" : r.stage,
              roundClosesAt: r.closes_at,
              roundFullApplicationDeadline: r.full_application_deadline,
              applicationDeadline: r.deadline_at,
              extensionClosesAt: r.extension_closes_at,
            }).closesAt
          : null;
        // A request for more information is answered without the round's deadline.
        const shown = r.status === "more_information" ? null : deadline;
        return {
          id: r.id,
          reference: r.reference,
          title: r.title,
          fundName: r.fund_name,
          stage: stageLabel(r.stage),
          status: r.status,
          progress: progressFor(r.stage, r.status),
          deadline: shown,
          submittedAt: r.submitted_at,
          canEdit: isEditable(r.status) && can(actor, "application.edit", facts),
          canWithdraw: mayWithdraw(actor, facts, r.stage),
          nextStep: next,
        };
      }),
  }));
}

export interface SubmittedView {
  id: number;
  reference: string;
  title: string | null;
  fundName: string;
  organisationName: string;
  stage: string;
  /** Flagged as in a deprived area: the district's Community Coordinators, offered to the group. */
  offer: SupportOffer | null;
}

/** The confirmation after sending; null when the application has not been sent (the page goes back to it). */
export async function submittedView(db: Db, userId: number, applicationId: number): Promise<SubmittedView | null> {
  const actor = await loadActor(db, userId);
  const found = await findApplicationForPolicy(db, applicationId);
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const { row } = found;
  if (!row.reference || isEditable(row.status)) return null;
  const offer = await supportOffer(db, row.id);
  return { id: row.id, reference: row.reference, title: row.title, fundName: row.fund_name, organisationName: row.organisation_name, stage: stageLabel(row.stage as Stage), offer };
}

export interface WithdrawalView {
  id: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  organisationName: string;
  /** Why it cannot be withdrawn by this person now; null when it can. */
  refusal: string | null;
}

export async function withdrawalView(db: Db, userId: number, applicationId: number): Promise<WithdrawalView> {
  const actor = await loadActor(db, userId);
  const found = await findApplicationForPolicy(db, applicationId);
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const { row, facts } = found;
  let refusal: string | null = null;
  if (!mayWithdraw(actor, facts, row.stage as Stage)) {
    refusal = can(actor, "application.withdraw", facts)
      ? "It can no longer be withdrawn: a decision has been made, or it has already been withdrawn."
      : `Only an admin of ${row.organisation_name}, or the application's lead contact, can withdraw it.`;
  }
  return { id: row.id, reference: row.reference, title: row.title, fundName: row.fund_name, organisationName: row.organisation_name, refusal };
}

export type WithdrawResult = { kind: "withdrawn" } | { kind: "refused"; message: string };

/** Withdraws before a decision; the group's reason (if any) goes to the fund's administrators. */
export async function withdrawApplication(db: Db, userId: number, applicationId: number, reason: string, ip: string | null): Promise<WithdrawResult> {
  const actor = await loadActor(db, userId);
  const found = await findApplicationForPolicy(db, applicationId);
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const trimmed = reason.trim();
  if (trimmed.length > 2_000) return { kind: "refused", message: "Your reason must be 2,000 characters or fewer" };
  try {
    await transitionApplication(db, actor, { applicationId, action: "withdraw", reason: trimmed || null, ip });
    return { kind: "withdrawn" };
  } catch (error) {
    if (error instanceof TransitionRefused) return { kind: "refused", message: error.message };
    if (error instanceof Error && error.name === "NotFoundError") throw new DraftNotFound();
    throw error;
  }
}
