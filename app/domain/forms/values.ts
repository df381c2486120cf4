/**
 * How the form engine reads what people type: money, whole numbers, dates and word counts. Pure and
 * strict — a value is either understood exactly or refused with a message in GOV.UK's words, naming the
 * question (`label` is the short name used in messages, e.g. "the amount you are asking for").
 */
import { formatPence } from "~/domain/shared/money";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/** "£1,000.00", "1,000", "1000", "£ 250.5" → pence. Commas only between groups of three digits. */
export function parseMoney(input: string, label: string, opts: { minPence?: number; maxPence?: number } = {}): Parsed<number> {
  const text = input.trim().replace(/^£\s*/, "");
  if (text === "") return no(`Enter ${label}`);
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text)) {
    if (/^-/.test(text)) return no(`${capitalise(label)} must be more than £0`);
    if (/\.\d{3,}$/.test(text)) return no(`${capitalise(label)} must be in pounds and pence, like £1,000 or £1,000.50`);
    return no(`${capitalise(label)} must be an amount of money, like £1,000 or £1,000.50`);
  }
  const [pounds, pence = ""] = text.replace(/,/g, "").split(".");
  if (pounds.length > 12) return no(`${capitalise(label)} is too large`);
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
  if (!Number.isSafeInteger(value)) return no(`${capitalise(label)} is too large`);
  if (value <= 0) return no(`${capitalise(label)} must be more than £0`);
  if (opts.minPence !== undefined && value < opts.minPence) return no(`${capitalise(label)} must be ${formatPence(opts.minPence)} or more`);
  if (opts.maxPence !== undefined && value > opts.maxPence) return no(`${capitalise(label)} must be ${formatPence(opts.maxPence)} or less`);
  return ok(value);
}

/** "1,200" or "1200" → 1200; no decimals, no signs, no exponents. */
export function parseWholeNumber(input: string, label: string, opts: { min?: number; max?: number } = {}): Parsed<number> {
  const text = input.trim();
  if (text === "") return no(`Enter ${label}`);
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(text)) return no(`${capitalise(label)} must be a whole number, like 25`);
  const value = Number(text.replace(/,/g, ""));
  if (!Number.isSafeInteger(value)) return no(`${capitalise(label)} is too large`);
  if (opts.min !== undefined && value < opts.min) return no(`${capitalise(label)} must be ${opts.min} or more`);
  if (opts.max !== undefined && value > opts.max) return no(`${capitalise(label)} must be ${opts.max.toLocaleString("en-GB")} or fewer`);
  return ok(value);
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The GOV.UK date input's three boxes → "YYYY-MM-DD", refusing dates that do not exist (31 February).
 * Months may be typed as numbers or names ("Feb", "february"), as GOV.UK's pattern allows.
 */
export function parseDate(parts: { day: string; month: string; year: string }, label: string): Parsed<string> & { field?: "day" | "month" | "year" } {
  const day = parts.day.trim();
  const monthText = parts.month.trim().toLowerCase();
  const year = parts.year.trim();
  if (!day && !monthText && !year) return { ...no(`Enter ${label}`), field: "day" };
  const missing = [!day && "day", !monthText && "month", !year && "year"].filter(Boolean) as ("day" | "month" | "year")[];
  if (missing.length) return { ...no(`${capitalise(label)} must include a ${missing.join(" and ")}`), field: missing[0] };
  const monthByName = MONTHS.findIndex((m) => monthText.length >= 3 && m.startsWith(monthText)) + 1;
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : monthByName;
  if (!/^\d{1,2}$/.test(day)) return { ...no(`${capitalise(label)} must be a real date`), field: "day" };
  if (!month || month < 1 || month > 12) return { ...no(`${capitalise(label)} must be a real date`), field: "month" };
  if (!/^\d{4}$/.test(year)) return { ...no(`Year must include 4 numbers`), field: "year" };
  const d = Number(day);
  const y = Number(year);
  const date = new Date(Date.UTC(y, month - 1, d));
  if (d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) {
    return { ...no(`${capitalise(label)} must be a real date`), field: "day" };
  }
  return ok(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

/**
 * Words as a person counts them: runs of letters or digits, with apostrophes and hyphens inside a word
 * ("don't", "community-led") and numbers like "1,000" or "2.5" counting as one. Punctuation, bullets and
 * emoji on their own are not words.
 */
export function countWords(text: string): number {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

export function checkWordLimit(text: string, limit: number, label: string): Parsed<string> {
  const words = countWords(text);
  if (words > limit) {
    const over = words - limit;
    return no(`${capitalise(label)} must be ${limit} words or fewer. You have ${over} word${over === 1 ? "" : "s"} too many`);
  }
  return ok(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
