import { formatLondonDateTime } from "~/domain/shared/time";

/** "Too many attempts. Wait 12 minutes, then try again (after 22 November 2026 at 10:42am)." */
export function throttledMessage(retryAt: Date | string, now = new Date()): string {
  const at = typeof retryAt === "string" ? new Date(retryAt) : retryAt;
  const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
  return `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again (after ${formatLondonDateTime(at.toISOString())})`;
}

/** The heading of the page a one-time link leads to when it cannot be used. */
export const LINK_TITLES = {
  invalid: "The link is not right",
  expired: "The link has expired",
  used: "The link has already been used",
} as const;
