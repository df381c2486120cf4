/**
 * The life of an application, as data. This module is the only place that knows which states exist,
 * which transitions join them, who may make each, and which notifications each sends
 * (../shared/DESIGN.md, "The life of an application"). Routes and services ask it; none sets a status itself.
 *
 * Pure: no database, no I/O.
 */

export type Stage = "single" | "outline" | "full";

/** States of a single-stage (Reach Fund) or full (Innovation Fund) application. */
export const APPLICATION_STATES = [
  "draft",
  "submitted",
  "more_information",
  "eligible",
  "ineligible",
  "in_review",
  "awarded",
  "declined",
  "deferred",
  "offered",
  "accepted",
  "offer_declined",
  "monitoring",
  "closed",
  "withdrawn",
] as const;

/** States of an Innovation Fund outline proposal. */
export const OUTLINE_STATES = [
  "draft",
  "submitted",
  "more_information",
  "eligible",
  "ineligible",
  "invited",
  "strengthen",
  "signposted",
  "declined",
  "withdrawn",
] as const;

export type ApplicationState = (typeof APPLICATION_STATES)[number];
export type OutlineState = (typeof OUTLINE_STATES)[number];
export type State = ApplicationState | OutlineState;

/**
 * Who makes a transition, as the workflow sees them. The policy module decides whether a particular user
 * holds one of these for a particular application.
 * - applicant_lead: an admin of the applying group, or the application's lead contact
 * - administrator: an administrator of the fund (a service administrator counts as one)
 * - system: the portal itself (scheduled jobs, payments)
 */
export type WorkflowActor = "applicant_lead" | "administrator" | "system";
export const WORKFLOW_ACTORS: readonly WorkflowActor[] = ["applicant_lead", "administrator", "system"];

export type Action =
  | "submit"
  | "resubmit"
  | "withdraw"
  | "mark_eligible"
  | "mark_ineligible"
  | "request_information"
  | "open_panel"
  | "award"
  | "decline"
  | "defer"
  | "return_to_panel"
  | "issue_letter"
  | "accept_offer"
  | "decline_offer"
  | "start_monitoring"
  | "accept_report"
  | "invite"
  | "advise_strengthening"
  | "signpost"
  | "decline_outline";

export type Recipient = "group" | "fund_administrators";

export interface Notification {
  /** The email template in emails/. */
  template: string;
  to: Recipient;
}

export interface Transition {
  action: Action;
  from: readonly State[];
  to: State;
  by: readonly WorkflowActor[];
  /** A reason (and feedback the group sees) must be given. */
  needsReason: boolean;
  /** Counts as a decision: sets decided_at. */
  decision: boolean;
  notifications: readonly Notification[];
  /** Words for buttons and the history. */
  label: string;
}

const toGroup = (template: string): Notification => ({ template, to: "group" });
const toAdmins = (template: string): Notification => ({ template, to: "fund_administrators" });

function t(
  action: Action,
  from: readonly State[],
  to: State,
  by: readonly WorkflowActor[],
  label: string,
  notifications: readonly Notification[] = [],
  opts: { needsReason?: boolean; decision?: boolean } = {},
): Transition {
  return { action, from, to, by, label, notifications, needsReason: opts.needsReason ?? false, decision: opts.decision ?? false };
}

const ADMIN = ["administrator"] as const;
const LEAD = ["applicant_lead"] as const;

/** Screening and the group's own moves are the same for every stage. */
const SHARED: readonly Transition[] = [
  t("submit", ["draft"], "submitted", LEAD, "Submit", [toGroup("application-received"), toAdmins("new-submission")]),
  t("request_information", ["submitted", "eligible"], "more_information", ADMIN, "Ask for more information",
    [toGroup("more-information-needed")], { needsReason: true }),
  t("resubmit", ["more_information"], "submitted", LEAD, "Resubmit", [toGroup("application-received"), toAdmins("new-submission")]),
  t("mark_eligible", ["submitted"], "eligible", ADMIN, "Mark as eligible", [toGroup("application-eligible")]),
  t("mark_ineligible", ["submitted"], "ineligible", ADMIN, "Mark as ineligible", [toGroup("application-ineligible")],
    { needsReason: true, decision: true }),
];

const APPLICATION: readonly Transition[] = [
  ...SHARED,
  t("open_panel", ["eligible"], "in_review", ADMIN, "Send to panel"),
  t("award", ["in_review"], "awarded", ADMIN, "Award", [toGroup("decision-awarded")], { decision: true }),
  t("decline", ["in_review"], "declined", ADMIN, "Decline", [toGroup("decision-declined")], { needsReason: true, decision: true }),
  t("defer", ["in_review"], "deferred", ADMIN, "Defer", [toGroup("decision-deferred")], { needsReason: true }),
  t("return_to_panel", ["deferred"], "in_review", ADMIN, "Return to a panel"),
  t("issue_letter", ["awarded"], "offered", ADMIN, "Issue award letter", [toGroup("award-letter-issued")]),
  t("accept_offer", ["offered"], "accepted", LEAD, "Accept the grant", [toGroup("offer-accepted"), toAdmins("offer-accepted-admin")]),
  t("decline_offer", ["offered"], "offer_declined", LEAD, "Decline the grant", [toAdmins("offer-declined-admin")], { needsReason: true }),
  t("start_monitoring", ["accepted"], "monitoring", ["administrator", "system"], "Start monitoring", [toGroup("monitoring-started")]),
  t("accept_report", ["monitoring"], "closed", ADMIN, "Accept end-of-grant report", [toGroup("report-accepted")]),
  // A draft the fund never saw is no news to its administrators.
  t("withdraw", ["draft"], "withdrawn", LEAD, "Withdraw", [toGroup("application-withdrawn")]),
  t("withdraw", ["submitted", "more_information", "eligible", "in_review", "deferred"], "withdrawn", LEAD,
    "Withdraw", [toGroup("application-withdrawn"), toAdmins("application-withdrawn-admin")]),
];

const OUTLINE: readonly Transition[] = [
  ...SHARED,
  t("invite", ["eligible"], "invited", ADMIN, "Invite to full application", [toGroup("outline-invited")], { decision: true }),
  t("advise_strengthening", ["eligible"], "strengthen", ADMIN, "Advise on strengthening", [toGroup("outline-strengthen")],
    { needsReason: true, decision: true }),
  t("signpost", ["eligible"], "signposted", ADMIN, "Signpost", [toGroup("outline-signposted")], { needsReason: true, decision: true }),
  t("decline_outline", ["eligible"], "declined", ADMIN, "Decline", [toGroup("outline-declined")], { needsReason: true, decision: true }),
  t("withdraw", ["draft"], "withdrawn", LEAD, "Withdraw", [toGroup("application-withdrawn")]),
  t("withdraw", ["submitted", "more_information", "eligible"], "withdrawn", LEAD, "Withdraw",
    [toGroup("application-withdrawn"), toAdmins("application-withdrawn-admin")]),
];

export const WORKFLOWS: Record<Stage, readonly Transition[]> = {
  single: APPLICATION,
  full: APPLICATION,
  outline: OUTLINE,
};

export function statesFor(stage: Stage): readonly State[] {
  return stage === "outline" ? OUTLINE_STATES : APPLICATION_STATES;
}

export const ACTIONS: readonly Action[] = [...new Set([...APPLICATION, ...OUTLINE].map((x) => x.action))];

/** States in which the group may still change its answers. */
export const EDITABLE_STATES: readonly State[] = ["draft", "more_information"];

export function isEditable(status: string): boolean {
  return (EDITABLE_STATES as readonly string[]).includes(status);
}

/** States that end the application's life: nothing leaves them. */
export function isFinal(stage: Stage, state: State): boolean {
  return !WORKFLOWS[stage].some((x) => x.from.includes(state));
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: "unknown_action" | "wrong_state" | "not_permitted" | "reason_required"; message: string };

/** Is `action` allowed from `from`, by someone acting as one of `actors`? */
export function checkTransition(
  stage: Stage,
  from: string,
  action: string,
  actors: readonly WorkflowActor[],
  reason?: string | null,
): TransitionCheck {
  const candidates = WORKFLOWS[stage].filter((x) => x.action === action);
  if (candidates.length === 0) {
    return { ok: false, reason: "unknown_action", message: `“${action}” is not something that can happen to ${describeStage(stage)}.` };
  }
  const transition = candidates.find((x) => (x.from as readonly string[]).includes(from));
  if (!transition) {
    return {
      ok: false,
      reason: "wrong_state",
      message: `${candidates[0].label} is not possible while the application is ${stateLabel(from)}.`,
    };
  }
  if (!transition.by.some((a) => actors.includes(a))) {
    return { ok: false, reason: "not_permitted", message: `You cannot ${transition.label.toLowerCase()} this application.` };
  }
  if (transition.needsReason && !reason?.trim()) {
    return { ok: false, reason: "reason_required", message: `Enter a reason to ${transition.label.toLowerCase()}.` };
  }
  return { ok: true, transition };
}

/** The transitions someone acting as `actors` may make now. */
export function availableTransitions(stage: Stage, from: string, actors: readonly WorkflowActor[]): Transition[] {
  return WORKFLOWS[stage].filter(
    (x) => (x.from as readonly string[]).includes(from) && x.by.some((a) => actors.includes(a)),
  );
}

const STATE_LABELS: Record<State, string> = {
  draft: "draft",
  submitted: "submitted",
  more_information: "waiting for more information",
  eligible: "eligible",
  ineligible: "ineligible",
  in_review: "with the panel",
  awarded: "awarded",
  declined: "declined",
  deferred: "deferred",
  offered: "offered",
  accepted: "accepted",
  offer_declined: "offer declined",
  monitoring: "in monitoring",
  closed: "closed",
  withdrawn: "withdrawn",
  invited: "invited to full application",
  strengthen: "to be strengthened",
  signposted: "signposted",
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state as State] ?? state;
}

function describeStage(stage: Stage): string {
  return stage === "outline" ? "an outline proposal" : "an application";
}
