/**
 * When reminders are due. Pure: no database, no I/O.
 * - A draft: 7 days before its deadline, and again 1 day before (each only until the next is due, so a
 *   draft started 3 days before the deadline gets the 1-day reminder only when its day comes).
 * - A request for more information not answered after 7 days.
 */
export type ReminderKind = "draft_7_days" | "draft_1_day" | "more_information_7_days";

const DAY = 86_400_000;

export function draftReminderDue(deadline: string, now: Date): ReminderKind | null {
  const left = Date.parse(deadline) - now.getTime();
  if (left <= 0) return null;
  if (left <= DAY) return "draft_1_day";
  if (left <= 7 * DAY) return "draft_7_days";
  return null;
}

export function moreInformationReminderDue(askedAt: string, now: Date): ReminderKind | null {
  return now.getTime() - Date.parse(askedAt) >= 7 * DAY ? "more_information_7_days" : null;
}
