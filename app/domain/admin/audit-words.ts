/** The audit log's events in words, for the audit log page and an application's history. Pure. */
const EVENTS: Record<string, string> = {
  "application.started": "Application started",
  "application.section_saved": "Page of the form saved",
  "application.transition": "Status changed",
  "application.note_added": "Staff note added",
  "application.advice_given": "Advice given by a Community Coordinator",
  "application.advice_replied": "The group replied to advice",
  "application.coordinator_named": "Community Coordinator named",
  "application.deprived_area_set": "Deprived-area flag set by hand",
  "deprivation.threshold_changed": "Deprived-area decile threshold changed",
  "deprivation.edition_imported": "Deprivation edition imported",
  "deprivation.edition_made_current": "Deprivation edition made current",
  "applications.exported": "Applications exported as CSV",
  "auth.account_set_up": "Account set up",
  "auth.email_verified": "Email address confirmed",
  "auth.locked_out": "Sign-in locked after too many attempts",
  "auth.password_accepted": "Password accepted, code still to give",
  "auth.password_changed": "Password changed",
  "auth.password_reset": "Password reset",
  "auth.password_reset_requested": "Password reset asked for",
  "auth.recovery_code_failed": "Wrong recovery code",
  "auth.recovery_code_used": "Recovery code used",
  "auth.recovery_codes_replaced": "New recovery codes made",
  "auth.register_existing": "Registration for an address that has an account",
  "auth.registered": "Account registered",
  "auth.service_admin_created": "Service administrator created from the command line",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_out": "Signed out",
  "auth.two_factor_disabled": "Two-factor authentication turned off",
  "auth.two_factor_enabled": "Two-factor authentication turned on",
  "auth.two_factor_failed": "Wrong two-factor code",
  "auth.two_factor_setup_failed": "Two-factor set-up failed",
  "organisation.created": "Group added",
  "organisation.invitation_revoked": "Invitation to a group cancelled",
  "organisation.member_invited": "Member invited to a group",
  "organisation.member_joined": "Member joined a group",
  "organisation.member_role_changed": "Member's role in a group changed",
  "organisation.member_removed": "Member removed from a group",
  "staff.invited": "Member of staff invited",
  "staff.role_granted": "Staff role granted",
  "staff.role_revoked": "Staff role revoked",
  "staff.two_factor_reset": "Staff two-factor reset",
  "staff.deactivated": "Staff account deactivated",
  "staff.reactivated": "Staff account reactivated",
  "fund.created": "Fund created",
  "fund.updated": "Fund details changed",
  "fund.criteria_changed": "Scoring criteria changed",
  "fund.eligibility_changed": "Eligibility question changed",
  "form.draft_started": "Form draft started",
  "form.draft_changed": "Form draft changed",
  "form.draft_discarded": "Form draft discarded",
  "form.published": "Form published",
  "round.created": "Round created",
  "round.updated": "Round changed",
  "budget.set": "Budget set",
};

export function eventLabel(event: string): string {
  return EVENTS[event] ?? event.replace(/[._]/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** An event in words, with the few details that say more than its name (how many rows an export had). */
export function describeEvent(event: string, data: Record<string, unknown> | null): string {
  const label = eventLabel(event);
  if (event === "applications.exported" && data && typeof data.rows === "number") {
    return `${label}: ${data.rows.toLocaleString("en-GB")} row${data.rows === 1 ? "" : "s"}${data.complete === false ? " (download broken off)" : ""}`;
  }
  if (event === "application.transition" && data && typeof data.action === "string") return `${label} (${data.action.replace(/_/g, " ")})`;
  return label;
}

/** The event's data as short "name: value" text, for the audit log page (ids only; never secrets, which are never logged). */
export function describeData(data: Record<string, unknown> | null): string {
  if (!data) return "";
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === "object" ? Object.entries(v).map(([a, b]) => `${a}=${String(b)}`).join(", ") : String(v)}`)
    .join("; ")
    .slice(0, 300);
}
