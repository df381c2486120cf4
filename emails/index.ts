/**
 * Every email the portal sends, by name. The outbox stores the name and the data; the worker renders it
 * when it sends, through the shared layout.
 */
import applicationReceived from "./application-received";
import newSubmission from "./new-submission";
import moreInformationNeeded from "./more-information-needed";
import applicationEligible from "./application-eligible";
import applicationIneligible from "./application-ineligible";
import decisionAwarded from "./decision-awarded";
import decisionDeclined from "./decision-declined";
import decisionDeferred from "./decision-deferred";
import awardLetterIssued from "./award-letter-issued";
import offerAccepted from "./offer-accepted";
import offerAcceptedAdmin from "./offer-accepted-admin";
import offerDeclinedAdmin from "./offer-declined-admin";
import monitoringStarted from "./monitoring-started";
import reportAccepted from "./report-accepted";
import applicationWithdrawn from "./application-withdrawn";
import applicationWithdrawnAdmin from "./application-withdrawn-admin";
import outlineInvited from "./outline-invited";
import outlineStrengthen from "./outline-strengthen";
import outlineSignposted from "./outline-signposted";
import outlineDeclined from "./outline-declined";
import verifyEmail from "./verify-email";
import resetPassword from "./reset-password";
import passwordChanged from "./password-changed";
import newSignIn from "./new-sign-in";
import accountExists from "./account-exists";
import securityChange from "./security-change";
import groupInvitation from "./group-invitation";
import groupMemberJoined from "./group-member-joined";
import staffInvitation from "./staff-invitation";
import extensionGranted from "./extension-granted";
import submissionsDigest from "./submissions-digest";
import reminderDeadline from "./reminder-deadline";
import reminderMoreInformation from "./reminder-more-information";
import adviceGiven from "./advice-given";
import adviceReply from "./advice-reply";
import type { EmailContext, EmailTemplate } from "./content";
import type { ApplicationEmailData } from "./application-data";
import { renderLayout, type RenderedEmail } from "./layout";

export const templates = {
  "application-received": applicationReceived,
  "new-submission": newSubmission,
  "more-information-needed": moreInformationNeeded,
  "application-eligible": applicationEligible,
  "application-ineligible": applicationIneligible,
  "decision-awarded": decisionAwarded,
  "decision-declined": decisionDeclined,
  "decision-deferred": decisionDeferred,
  "award-letter-issued": awardLetterIssued,
  "offer-accepted": offerAccepted,
  "offer-accepted-admin": offerAcceptedAdmin,
  "offer-declined-admin": offerDeclinedAdmin,
  "monitoring-started": monitoringStarted,
  "report-accepted": reportAccepted,
  "application-withdrawn": applicationWithdrawn,
  "application-withdrawn-admin": applicationWithdrawnAdmin,
  "outline-invited": outlineInvited,
  "outline-strengthen": outlineStrengthen,
  "outline-signposted": outlineSignposted,
  "outline-declined": outlineDeclined,
  "verify-email": verifyEmail,
  "reset-password": resetPassword,
  "password-changed": passwordChanged,
  "new-sign-in": newSignIn,
  "account-exists": accountExists,
  "security-change": securityChange,
  "group-invitation": groupInvitation,
  "group-member-joined": groupMemberJoined,
  "staff-invitation": staffInvitation,
  "extension-granted": extensionGranted,
  "submissions-digest": submissionsDigest,
  "reminder-deadline": reminderDeadline,
  "reminder-more-information": reminderMoreInformation,
  "advice-given": adviceGiven,
  "advice-reply": adviceReply,
} satisfies Record<string, EmailTemplate<any>>;

export type TemplateName = keyof typeof templates;
/** The templates about an application, which all take the same data (emails/application-data.ts). */
export type ApplicationTemplateName = {
  [N in TemplateName]: (typeof templates)[N] extends EmailTemplate<ApplicationEmailData> ? N : never;
}[TemplateName];
export type TemplateData<N extends TemplateName> = (typeof templates)[N] extends EmailTemplate<infer D> ? D : never;

export function isTemplateName(name: string): name is TemplateName {
  return Object.prototype.hasOwnProperty.call(templates, name);
}

export class UnknownTemplateError extends Error {
  constructor(name: string) {
    super(`There is no email template called "${name}"`);
    this.name = "UnknownTemplateError";
  }
}

/** Subject, text and HTML for a template and its data. */
export function renderEmail(name: string, data: unknown, ctx: EmailContext): RenderedEmail {
  if (!isTemplateName(name)) throw new UnknownTemplateError(name);
  const template = templates[name] as EmailTemplate<unknown>;
  return renderLayout(template.render(data, ctx), ctx);
}

export const REDACTED = "REDACTED";

/**
 * The template's data with its secrets replaced, for keeping in the outbox after sending and for showing
 * to staff. Call it for messages that hold a secret; if the template names no secret fields, nothing is kept.
 */
export function redactEmailData(name: string, data: unknown): unknown {
  if (!isTemplateName(name) || typeof data !== "object" || data === null) return data;
  const fields = ((templates[name] as EmailTemplate<unknown>).secretFields ?? []) as string[];
  // A message said to hold a secret whose template does not say where: keep nothing.
  if (fields.length === 0) return {};
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const f of fields) if (f in copy) copy[f] = REDACTED;
  return copy;
}

export type { EmailContext } from "./content";
export type { RenderedEmail } from "./layout";
