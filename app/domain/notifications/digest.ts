/**
 * When a daily digest of new submissions is due: once a day, from 8am UK time, covering everything sent
 * since the last one. Pure: no database, no I/O.
 */
import { londonToUtcIso } from "~/domain/shared/time";

export const DIGEST_HOUR = 8;

const londonDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's 8am in London, as a UTC instant. */
export function todaysDigestTime(now: Date): string {
  const p = Object.fromEntries(londonDay.formatToParts(now).map((x) => [x.type, x.value]));
  return londonToUtcIso(+p.year, +p.month, +p.day, DIGEST_HOUR, 0);
}

/** Due once 8am has come today and the last digest was sent before it. */
export function digestDue(lastDigestAt: string | null, now: Date): boolean {
  const at = todaysDigestTime(now);
  return now.toISOString() >= at && (lastDigestAt === null || lastDigestAt < at);
}

/** What the digest covers: since the last one, or the day before when there has been none. */
export function digestSince(lastDigestAt: string | null, now: Date): string {
  return lastDigestAt ?? new Date(now.getTime() - 24 * 3_600_000).toISOString();
}
