/**
 * The rules of reviewing, as pure functions: the four outline outcomes and the workflow actions they are,
 * a signposting referral, and feedback templates filled in for one group.
 */
import type { Action } from "./workflow";

export type Outcome = "invite" | "strengthen" | "signpost" | "decline";
export const OUTCOMES: readonly Outcome[] = ["invite", "strengthen", "signpost", "decline"];

export const OUTCOME_ACTIONS: Record<Outcome, Action> = {
  invite: "invite",
  strengthen: "advise_strengthening",
  signpost: "signpost",
  decline: "decline_outline",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  invite: "Invite to full application",
  strengthen: "Advise on strengthening",
  signpost: "Signpost to other support or funding",
  decline: "Decline",
};

export interface Referral {
  /** The organisation or fund the group is referred to. */
  to: string;
  /** Why it suits the group better. */
  reason: string;
}

export type ReferralCheck = { ok: true; referral: Referral } | { ok: false; message: string; field: "referralTo" | "referralReason" };

export function checkReferral(referral: Partial<Referral> | null | undefined): ReferralCheck {
  const to = referral?.to?.trim() ?? "";
  const reason = referral?.reason?.trim() ?? "";
  if (!to) return { ok: false, field: "referralTo", message: "Enter the organisation or fund you are signposting the group to" };
  if (to.length > 300) return { ok: false, field: "referralTo", message: "The organisation or fund must be 300 characters or fewer" };
  if (!reason) return { ok: false, field: "referralReason", message: "Enter why the group should go there" };
  if (reason.length > 2_000) return { ok: false, field: "referralReason", message: "Why the group should go there must be 2,000 characters or fewer" };
  return { ok: true, referral: { to, reason } };
}

/** The words a fund starts each kind of feedback with, before an administrator makes them the group's own. */
export const DEFAULT_TEMPLATES: Record<Outcome | "mark_ineligible" | "request_information" | "mark_eligible", string> = {
  invite:
    "Thank you for your outline proposal for {title}. The panel was impressed and invites {group} to make a full application. In it, please say more about how the project will save the council money.",
  strengthen:
    "Thank you for your outline proposal for {title}. The panel sees promise in it. To strengthen it, please say more clearly who will benefit, how many people, and which council services they would otherwise need. Your Community Coordinator can help.",
  signpost:
    "Thank you for your outline proposal for {title}. The panel thinks other support or funding suits the project better than the Innovation Fund.",
  decline:
    "Thank you for your outline proposal for {title}. The panel will not take it further: it does not show how it would save the council money by meeting needs locally, which the fund requires.",
  mark_ineligible: "Thank you for your application for {title}. It does not meet the fund's rules because …",
  request_information: "Thank you for your application for {title}. Before we can go on, please tell us …",
  mark_eligible: "",
};

/** A template filled in for one application: {group}, {title}, {reference} and {fund}. */
export function fillTemplate(body: string, values: { group: string; title: string | null; reference: string | null; fund: string }): string {
  return body
    .replaceAll("{group}", values.group)
    .replaceAll("{title}", values.title ? `‘${values.title}’` : "your project")
    .replaceAll("{reference}", values.reference ?? "")
    .replaceAll("{fund}", values.fund);
}
