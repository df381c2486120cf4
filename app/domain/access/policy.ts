/**
 * The one place that answers "may this user do this to this thing?" (../shared/DESIGN.md, "The people").
 * Routes and services ask `can`/`assertCan`; nothing else inspects role grants or memberships.
 *
 * Pure: the caller loads the actor (app/domain/access/access.server.ts) and the resource's facts.
 *
 * Scopes:
 * - applicant: the groups they belong to (group admin or member)
 * - coordinator: their districts
 * - panel member, adviser: their rounds
 * - administrator: their funds
 * - service administrator: everything
 */
import { EDITABLE_STATES, type WorkflowActor } from "~/domain/applications/workflow";

export type StaffRole = "service_admin" | "administrator" | "coordinator" | "panel_member" | "adviser";

export type Grant =
  | { role: StaffRole; scope: "all" }
  | { role: StaffRole; scope: "fund"; fundId: number }
  | { role: StaffRole; scope: "district"; districtCode: string }
  | { role: StaffRole; scope: "round"; roundId: number };

export interface Membership {
  organisationId: number;
  role: "admin" | "member";
}

export interface Actor {
  userId: number;
  grants: readonly Grant[];
  memberships: readonly Membership[];
}

/** What the policy needs to know about an application. */
export interface ApplicationFacts {
  kind: "application";
  id: number;
  organisationId: number;
  fundId: number;
  roundId: number;
  districtCode: string | null;
  /** The group's own district, for coordinators when the application has none yet. */
  organisationDistrictCode: string | null;
  leadContactUserId: number;
  status: string;
}

export interface OrganisationFacts {
  kind: "organisation";
  id: number;
  districtCode: string | null;
  /** Funds this group has applied to (beyond a draft), so their administrators may see the group. */
  fundIdsAppliedTo: readonly number[];
}

export interface FundFacts {
  kind: "fund";
  id: number;
}

export interface RoundFacts {
  kind: "round";
  id: number;
  fundId: number;
  districtCode: string | null;
}

export interface ServiceFacts {
  kind: "service";
}

export type Resource = ApplicationFacts | OrganisationFacts | FundFacts | RoundFacts | ServiceFacts;

export type ApplicationAction =
  | "application.view"
  | "application.edit"
  | "application.submit"
  | "application.withdraw"
  | "application.change_lead"
  | "application.screen"
  | "application.decide"
  | "application.advise"
  | "application.score"
  | "application.view_notes"
  | "application.view_as_staff"
  | "application.add_note"
  | "application.coordinate"
  | "application.reply_to_advice";
export type OrganisationAction =
  | "organisation.view"
  | "organisation.edit"
  | "organisation.manage_members"
  | "organisation.start_application";
export type FundAction = "fund.view_applications" | "fund.edit" | "fund.edit_forms" | "fund.manage_rounds" | "fund.manage_budgets" | "fund.export";
export type RoundAction = "round.view_applications" | "round.edit";
export type ServiceAction = "service.create_fund" | "service.manage_staff" | "service.view_audit_log" | "service.view_outbox" | "service.manage_deprivation";

export type ActionFor<R extends Resource> = R extends ApplicationFacts
  ? ApplicationAction
  : R extends OrganisationFacts
    ? OrganisationAction
    : R extends FundFacts
      ? FundAction
      : R extends RoundFacts
        ? RoundAction
        : ServiceAction;

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

// ── grant helpers ────────────────────────────────────────────────────────────────────────────────

export function isServiceAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "service_admin");
}

function administersFund(actor: Actor, fundId: number): boolean {
  return (
    isServiceAdmin(actor) ||
    actor.grants.some(
      (g) => g.role === "administrator" && (g.scope === "all" || (g.scope === "fund" && g.fundId === fundId)),
    )
  );
}

function coordinatesDistrict(actor: Actor, districtCode: string | null): boolean {
  if (!districtCode) return false;
  return actor.grants.some(
    (g) => g.role === "coordinator" && (g.scope === "all" || (g.scope === "district" && g.districtCode === districtCode)),
  );
}

/** The districts a coordinator covers: "all" for a countywide grant, else their district codes (none if not a coordinator). */
export function coordinatorDistricts(actor: Actor | null): "all" | string[] {
  if (!actor) return [];
  const grants = actor.grants.filter((g) => g.role === "coordinator");
  if (grants.some((g) => g.scope === "all")) return "all";
  return [...new Set(grants.flatMap((g) => (g.scope === "district" ? [g.districtCode] : [])))];
}

export function isCoordinator(actor: Actor | null): boolean {
  const d = coordinatorDistricts(actor);
  return d === "all" || d.length > 0;
}

function sitsOnRound(actor: Actor, role: "panel_member" | "adviser", roundId: number): boolean {
  return actor.grants.some((g) => g.role === role && (g.scope === "all" || (g.scope === "round" && g.roundId === roundId)));
}

function membershipOf(actor: Actor, organisationId: number): Membership | undefined {
  return actor.memberships.find((m) => m.organisationId === organisationId);
}

/** A panel sees an application once it has been screened in, never a draft or a screened-out one. */
const PANEL_VISIBLE = new Set(["eligible", "in_review", "awarded", "declined", "deferred", "offered", "accepted",
  "offer_declined", "monitoring", "closed", "invited", "strengthen", "signposted"]);
const PANEL_SCORING = new Set(["in_review"]);

// ── the rules ────────────────────────────────────────────────────────────────────────────────────

function canOnApplication(actor: Actor, action: ApplicationAction, app: ApplicationFacts): boolean {
  const membership = membershipOf(actor, app.organisationId);
  const isLead = membership !== undefined && (membership.role === "admin" || app.leadContactUserId === actor.userId);
  // No one decides on their own group's application, whatever else they are.
  const admin = administersFund(actor, app.fundId) && membership === undefined;
  // An application's district is where the activity happens, falling back to the group's (DESIGN.md).
  const coordinator = coordinatesDistrict(actor, app.districtCode ?? app.organisationDistrictCode);
  const panel = sitsOnRound(actor, "panel_member", app.roundId) && PANEL_VISIBLE.has(app.status);
  const adviser = sitsOnRound(actor, "adviser", app.roundId) && PANEL_VISIBLE.has(app.status);

  switch (action) {
    case "application.view":
      return membership !== undefined || admin || coordinator || panel || adviser;
    case "application.edit":
      return membership !== undefined && (EDITABLE_STATES as readonly string[]).includes(app.status);
    case "application.submit":
    case "application.withdraw":
      return isLead;
    case "application.change_lead":
      return membership?.role === "admin";
    case "application.screen":
    case "application.decide":
    case "application.view_notes":
    case "application.view_as_staff": // the staff view: answers, documents, history, notes
    case "application.add_note":
      return admin;
    case "application.advise":
      return admin || coordinator || adviser;
    // A Community Coordinator's own page for an application in their districts: drafts too (pre-application
    // support), but never their own group's.
    case "application.coordinate":
      return coordinator && membership === undefined;
    // Any member of the group answers its coordinator's advice.
    case "application.reply_to_advice":
      return membership !== undefined;
    case "application.score":
      return panel && PANEL_SCORING.has(app.status);
  }
}

function canOnOrganisation(actor: Actor, action: OrganisationAction, org: OrganisationFacts): boolean {
  const membership = membershipOf(actor, org.id);
  switch (action) {
    case "organisation.view":
      return (
        membership !== undefined ||
        isServiceAdmin(actor) ||
        coordinatesDistrict(actor, org.districtCode) ||
        org.fundIdsAppliedTo.some((f) => administersFund(actor, f))
      );
    case "organisation.edit":
    case "organisation.manage_members":
      return membership?.role === "admin";
    case "organisation.start_application":
      return membership !== undefined;
  }
}

function canOnFund(actor: Actor, action: FundAction, fund: FundFacts): boolean {
  switch (action) {
    case "fund.view_applications":
    case "fund.edit":
    case "fund.edit_forms": // the form editor: its drafts, previews and publishing
    case "fund.manage_rounds":
    case "fund.manage_budgets":
    case "fund.export":
      return administersFund(actor, fund.id);
  }
}

function canOnRound(actor: Actor, action: RoundAction, round: RoundFacts): boolean {
  switch (action) {
    case "round.view_applications":
      return (
        administersFund(actor, round.fundId) ||
        sitsOnRound(actor, "panel_member", round.id) ||
        sitsOnRound(actor, "adviser", round.id) ||
        coordinatesDistrict(actor, round.districtCode)
      );
    case "round.edit":
      return administersFund(actor, round.fundId);
  }
}

/** The whole audit log holds security events too: service administrators only. A fund's administrators
 *  will read their fund's history through its applications. */
function canOnService(actor: Actor, action: ServiceAction): boolean {
  switch (action) {
    case "service.create_fund":
    case "service.manage_staff":
    case "service.view_outbox":
    case "service.view_audit_log":
    case "service.manage_deprivation": // deprivation editions and the threshold
      return isServiceAdmin(actor);
  }
}

/** May `actor` do `action` to `resource`? */
export function can<R extends Resource>(actor: Actor | null, action: ActionFor<R>, resource: R): boolean {
  if (!actor) return false;
  switch (resource.kind) {
    case "application":
      return canOnApplication(actor, action as ApplicationAction, resource);
    case "organisation":
      return canOnOrganisation(actor, action as OrganisationAction, resource);
    case "fund":
      return canOnFund(actor, action as FundAction, resource);
    case "round":
      return canOnRound(actor, action as RoundAction, resource);
    case "service":
      return canOnService(actor, action as ServiceAction);
  }
}

export function assertCan<R extends Resource>(actor: Actor | null, action: ActionFor<R>, resource: R): void {
  if (!can(actor, action, resource)) throw new ForbiddenError();
}

/** The workflow roles this actor holds for this application (see workflow.ts). */
export function workflowActorsFor(actor: Actor | null, app: ApplicationFacts): WorkflowActor[] {
  if (!actor) return [];
  const roles: WorkflowActor[] = [];
  if (canOnApplication(actor, "application.submit", app)) roles.push("applicant_lead");
  if (canOnApplication(actor, "application.decide", app)) roles.push("administrator");
  return roles;
}
