/**
 * Times are stored in UTC and shown in Europe/London, where the council's rounds close (5pm by default).
 * Pure functions over Intl; no library needed for one zone.
 */
export const LONDON = "Europe/London";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** London's offset from UTC, in minutes, at the instant `date`. */
export function londonOffsetMinutes(date: Date): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(date).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant of a wall-clock time in London ("5pm on 31 March 2027"), as an ISO string. */
export function londonToUtcIso(year: number, month: number, day: number, hour = 0, minute = 0): string {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset on either side of a clock change.
  let utc = guess - londonOffsetMinutes(new Date(guess)) * 60000;
  utc = guess - londonOffsetMinutes(new Date(utc)) * 60000;
  return new Date(utc).toISOString();
}

// Pages show the same few instants (round deadlines) over and over: remember how each one reads.
const shown = new Map<string, string>();
const SHOWN_MAX = 1_000;

/** "5pm on 31 March 2027", "9:30am on …", "midday on …": the GOV.UK style for times. */
export function formatLondonDateTime(iso: string): string {
  let text = shown.get(iso);
  if (text === undefined) {
    if (shown.size >= SHOWN_MAX) shown.clear();
    text = formatUncached(iso);
    shown.set(iso, text);
  }
  return text;
}

function formatUncached(iso: string): string {
  const p = Object.fromEntries(partsFormatter.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  const hour = +p.hour;
  const minute = p.minute;
  let time: string;
  if (minute === "00" && hour === 12) time = "midday";
  else if (minute === "00" && hour === 0) time = "midnight";
  else {
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    time = `${h12}${minute === "00" ? "" : `:${minute}`}${hour < 12 ? "am" : "pm"}`;
  }
  return `${time} on ${formatLondonDate(iso)}`;
}

// Making an Intl formatter costs far more than using one: make each once.
const dateFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, day: "numeric", month: "long", year: "numeric" });

/** "31 March 2027". */
export function formatLondonDate(iso: string): string {
  return dateFormatter.format(new Date(iso));
}

/** The UK financial year (April–March) an instant falls in, named by its first calendar year. */
export function financialYearOf(iso: string): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  const year = +p.year;
  return +p.month >= 4 ? year : year - 1;
}

/** "2026 to 2027". */
export function formatFinancialYear(fy: number): string {
  return `${fy} to ${fy + 1}`;
}
