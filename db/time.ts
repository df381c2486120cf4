/** Times are stored as UTC ISO-8601 strings with milliseconds; this is the one way to make one. */
export function isoNow(): string {
  return new Date().toISOString();
}
