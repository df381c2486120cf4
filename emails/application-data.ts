/** What the workflow's emails know about the application they are about (app/domain/applications). */
export interface ApplicationEmailData {
  applicationId: number;
  reference: string | null;
  title: string | null;
  organisationName: string;
  fundName: string;
  /**
   * A group's own words to staff (why it withdrew or declined a grant). Never an administrator's internal
   * note: those stay in the audit log.
   */
  reason?: string | null;
  /** What the group is told, in the administrator's words. */
  feedback?: string | null;
  /** A deadline the email is about (UTC ISO): an invited full application's, or a group's extension. */
  deadline?: string | null;
  /** Where a signposted group is referred, and why. */
  referral?: { to: string; reason: string } | null;
}

export const SAMPLE_APPLICATION: ApplicationEmailData = {
  applicationId: 42,
  reference: "CRF-2026-00042",
  title: "Saturday breakfast & homework club",
  organisationName: "Łódź Polish Community Café <Cambridge> & Friends",
  fundName: "Community Reach Fund",
  reason: "Our other funder pulled out",
  feedback: "Please break the £800 for food into what you will buy each month.\nWe also need the name of your other funder.",
  deadline: "2027-03-15T17:00:00.000Z",
  referral: { to: "Cambridgeshire Community Foundation's Local Giving fund", reason: "It funds small equipment for community groups like yours." },
};

export function project(d: ApplicationEmailData): string {
  return d.title ? `‘${d.title}’` : "your application";
}

export function applicationUrl(serviceUrl: string, d: ApplicationEmailData): string {
  return `${serviceUrl}/applications/${d.applicationId}`;
}
