/**
 * The rules of submitting, as pure functions: references, which deadline applies, and the Reach Fund cap
 * (../shared/DESIGN.md, "The Reach Fund cap", "References"). The submission service applies them inside
 * its transaction.
 */
import type { Stage } from "./workflow";

/** "CRF-2026-00042": the fund's code, the first year of the financial year, a sequence per fund and year. */
export function formatReference(fundCode: string, financialYear: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError(`Reference sequence out of range: ${sequence}`);
  return `${fundCode}-${financialYear}-${String(sequence).padStart(5, "0")}`;
}

/** Requested amounts count while an application is open; awarded amounts once a grant is made. */
export const CAP_COUNTS_REQUESTED: readonly string[] = ["submitted", "more_information", "eligible", "in_review", "deferred"];
export const CAP_COUNTS_AWARDED: readonly string[] = ["awarded", "offered", "accepted", "monitoring", "closed"];

export interface CountedApplication {
  status: string;
  amountRequestedPence: number | null;
  amountAwardedPence: number | null;
}

/** What a group's other applications take from one pot in one year; drafts, withdrawn, ineligible and declined count nothing. */
export function committedPence(applications: readonly CountedApplication[]): number {
  let total = 0;
  for (const a of applications) {
    if (CAP_COUNTS_REQUESTED.includes(a.status)) total += a.amountRequestedPence ?? 0;
    else if (CAP_COUNTS_AWARDED.includes(a.status)) total += a.amountAwardedPence ?? a.amountRequestedPence ?? 0;
  }
  return total;
}

export type CapCheck = { ok: true } | { ok: false; remainingPence: number; committedPence: number };

/** May a group ask for `requestingPence` more from a pot it has already `committed` this much of? */
export function checkCap(capPence: number | null, others: readonly CountedApplication[], requestingPence: number): CapCheck {
  if (capPence === null) return { ok: true };
  const committed = committedPence(others);
  if (committed + requestingPence <= capPence) return { ok: true };
  return { ok: false, remainingPence: Math.max(0, capPence - committed), committedPence: committed };
}

export interface DeadlineFacts {
  stage: Stage;
  roundClosesAt: string;
  roundFullApplicationDeadline: string | null;
  /** The application's own deadline (an invited full application's). */
  applicationDeadline: string | null;
  /** An extension granted to the group for this round and stage. */
  extensionClosesAt: string | null;
}

/** The deadline that applies to one application, and whether it is a group's extension. */
export function deadlineFor(f: DeadlineFacts): { closesAt: string; extended: boolean } {
  const base = f.stage === "full" ? (f.applicationDeadline ?? f.roundFullApplicationDeadline ?? f.roundClosesAt) : (f.applicationDeadline ?? f.roundClosesAt);
  if (f.extensionClosesAt && f.extensionClosesAt > base) return { closesAt: f.extensionClosesAt, extended: true };
  return { closesAt: base, extended: false };
}

/** Open until (not including) the deadline, as rounds are. */
export function isPastDeadline(closesAt: string, now: string): boolean {
  return now >= closesAt;
}
