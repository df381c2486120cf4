/**
 * What fund administrators type when they set up a fund: its details, rounds, budgets, scoring criteria
 * and eligibility questions. Each is a zod schema over the form's raw fields (strings, as a browser posts
 * them) that gives either the values to store or messages keyed by field id, in GOV.UK's words; the
 * action uses it, and the page may run the same schema in the browser. Pure.
 *
 * Times are London wall-clock times stored as UTC (app/domain/shared/time.ts); a round closes at 5pm
 * unless a time is given, as the council's notices do.
 */
import * as z from "zod";
import { parseDate, parseMoney, parseWholeNumber } from "~/domain/forms/values";
import { financialYearOf, londonToUtcIso } from "~/domain/shared/time";

export type Raw = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Runs a schema over raw fields: the values, or the first message for each field. */
export function parseWith<T>(schema: z.ZodType<T, Raw>, raw: Raw): Parsed<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

const get = (raw: Raw, name: string) => (typeof raw[name] === "string" ? raw[name] : "");
const fail = (ctx: z.RefinementCtx, field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });

function text(raw: Raw, ctx: z.RefinementCtx, field: string, opts: { label: string; max: number; required?: boolean; enter?: string }): string | null {
  const value = get(raw, field).replace(/\r\n/g, "\n").trim();
  if (!value) {
    if (opts.required !== false) fail(ctx, field, opts.enter ?? `Enter ${opts.label}`);
    return null;
  }
  if (value.length > opts.max) fail(ctx, field, `${capitalise(opts.label)} must be ${opts.max.toLocaleString("en-GB")} characters or fewer`);
  return value;
}

function money(raw: Raw, ctx: z.RefinementCtx, field: string, label: string, required = true): number | null {
  const value = get(raw, field).trim();
  if (!value && !required) return null;
  const r = parseMoney(value, label);
  if (!r.ok) {
    fail(ctx, field, r.message);
    return null;
  }
  return r.value;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "5pm", "5:30pm", "17:00", "9am", "midday", "midnight" → [hour, minute]; null when not a time. */
export function parseTime(input: string): [number, number] | null {
  const t = input.trim().toLowerCase().replace(/\s+/g, "").replace(/\./g, ":");
  if (t === "midday" || t === "noon" || t === "12noon") return [12, 0];
  if (t === "midnight") return [0, 0];
  let m = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(t);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 1 || h > 12 || min > 59) return null;
    return [(h % 12) + (m[3] === "pm" ? 12 : 0), min];
  }
  m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return [Number(m[1]), Number(m[2])];
  return null;
}

/** A London date (three boxes, `<field>-day` …) and time (`<field>-time`, `defaultTime` when empty) → UTC ISO. */
function londonDateTime(raw: Raw, ctx: z.RefinementCtx, field: string, label: string, defaultTime: [number, number], required: boolean): string | null {
  const parts = { day: get(raw, `${field}-day`), month: get(raw, `${field}-month`), year: get(raw, `${field}-year`) };
  if (!required && !parts.day.trim() && !parts.month.trim() && !parts.year.trim()) return null;
  const d = parseDate(parts, label);
  if (!d.ok) {
    fail(ctx, `${field}-${d.field ?? "day"}`, d.message);
    return null;
  }
  const timeText = get(raw, `${field}-time`);
  const time = timeText.trim() ? parseTime(timeText) : defaultTime;
  if (!time) {
    fail(ctx, `${field}-time`, `Enter the time of ${label} like 5pm or 17:00`);
    return null;
  }
  const [y, m, day] = d.value.split("-").map(Number);
  return londonToUtcIso(y, m, day, time[0], time[1]);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// A fund's details

export const FUND_STATUSES = [
  { value: "draft", label: "Draft", hint: "Only staff see it" },
  { value: "active", label: "Open to the public", hint: "Shown on the start page; groups apply in its open rounds" },
  { value: "archived", label: "Archived", hint: "No longer shown; its applications are kept" },
] as const;

export interface FundDetails {
  name: string;
  summary: string;
  description: string;
  whoCanApply: string;
  minAwardPence: number;
  maxAwardPence: number;
  groupCapPence: number | null;
}

function fundDetails(raw: Raw, ctx: z.RefinementCtx): FundDetails {
  const name = text(raw, ctx, "name", { label: "the fund's name", max: 100 });
  const summary = text(raw, ctx, "summary", { label: "a summary", max: 300 });
  const description = text(raw, ctx, "description", { label: "a description", max: 5_000 });
  const whoCanApply = text(raw, ctx, "whoCanApply", { label: "who can apply", max: 2_000 });
  const min = money(raw, ctx, "minAward", "the minimum award");
  const max = money(raw, ctx, "maxAward", "the maximum award");
  const cap = money(raw, ctx, "groupCap", "the most one group may get in a year", false);
  if (min !== null && max !== null && max < min) fail(ctx, "maxAward", "The maximum award must be the same as or more than the minimum award");
  if (cap !== null && min !== null && cap < min) fail(ctx, "groupCap", "The most one group may get in a year must be at least the minimum award");
  return { name: name ?? "", summary: summary ?? "", description: description ?? "", whoCanApply: whoCanApply ?? "", minAwardPence: min ?? 0, maxAwardPence: max ?? 0, groupCapPence: cap };
}

export const fundEditSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const details = fundDetails(raw, ctx);
  const status = get(raw, "status");
  if (!FUND_STATUSES.some((s) => s.value === status)) fail(ctx, "status", "Select whether the fund is open to the public");
  return { ...details, status: status as "draft" | "active" | "archived" };
});

export const fundCreateSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const code = get(raw, "code").trim().toUpperCase();
  if (!code) fail(ctx, "code", "Enter a reference code");
  else if (!/^[A-Z]{2,6}$/.test(code)) fail(ctx, "code", "The reference code must be 2 to 6 letters, like CRF");
  const details = fundDetails(raw, ctx);
  const stages = get(raw, "stages");
  if (stages !== "single" && stages !== "two_stage") fail(ctx, "stages", "Select how many stages the fund has");
  const perDistrict = get(raw, "roundsPerDistrict");
  if (perDistrict !== "yes" && perDistrict !== "no") fail(ctx, "roundsPerDistrict", "Select whether each district has its own rounds and budget");
  return { ...details, code, stages: stages as "single" | "two_stage", roundsPerDistrict: perDistrict === "yes" };
});

/** "Community Reach Fund" → "community-reach-fund". */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "fund"
  );
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Rounds

export interface RoundContext {
  twoStage: boolean;
  perDistrict: boolean;
  districtCodes: readonly string[];
}

export interface RoundValues {
  name: string;
  districtCode: string | null;
  opensAt: string;
  closesAt: string;
  fullApplicationDeadline: string | null;
  panelDate: string | null;
  financialYear: number;
}

export const COUNTYWIDE = "countywide";

export function roundSchema(fund: RoundContext) {
  return z.record(z.string(), z.string()).transform((raw, ctx): RoundValues => {
    const name = text(raw, ctx, "name", { label: "the round's name", max: 100 });
    const area = get(raw, "area");
    if (fund.perDistrict ? !fund.districtCodes.includes(area) : area !== COUNTYWIDE && !fund.districtCodes.includes(area)) {
      fail(ctx, "area", fund.perDistrict ? "Select the district this round is for" : "Select the area this round is for");
    }
    const opensAt = londonDateTime(raw, ctx, "opens", "the opening date", [0, 0], true);
    const closesAt = londonDateTime(raw, ctx, "closes", fund.twoStage ? "the outline deadline" : "the closing date", [17, 0], true);
    const full = fund.twoStage ? londonDateTime(raw, ctx, "full", "the full application deadline", [17, 0], true) : null;
    const panelParts = { day: get(raw, "panel-day"), month: get(raw, "panel-month"), year: get(raw, "panel-year") };
    let panelDate: string | null = null;
    if (panelParts.day.trim() || panelParts.month.trim() || panelParts.year.trim()) {
      const p = parseDate(panelParts, "the panel date");
      if (p.ok) panelDate = p.value;
      else fail(ctx, `panel-${p.field ?? "day"}`, p.message);
    }
    if (opensAt && closesAt && closesAt <= opensAt) {
      fail(ctx, "closes-day", fund.twoStage ? "The outline deadline must be after the opening date" : "The closing date must be after the opening date");
    }
    if (closesAt && full && full <= closesAt) fail(ctx, "full-day", "The full application deadline must be after the outline deadline");
    const lastDeadline = full ?? closesAt;
    if (lastDeadline && panelDate && `${panelDate}T23:59:59.999Z` < lastDeadline) {
      fail(ctx, "panel-day", fund.twoStage ? "The panel date must be on or after the full application deadline" : "The panel date must be on or after the closing date");
    }
    return {
      name: name ?? "",
      districtCode: area === COUNTYWIDE ? null : area,
      opensAt: opensAt ?? "",
      closesAt: closesAt ?? "",
      fullApplicationDeadline: full,
      panelDate,
      financialYear: opensAt ? financialYearOf(opensAt) : 0,
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Budgets

export function budgetSchema(opts: { years: readonly number[]; areas: readonly string[] }) {
  return z.record(z.string(), z.string()).transform((raw, ctx) => {
    const year = Number(get(raw, "financialYear"));
    if (!opts.years.includes(year)) fail(ctx, "financialYear", "Select the financial year");
    const area = get(raw, "area");
    if (!opts.areas.includes(area)) fail(ctx, "area", "Select the district, or countywide");
    const amountText = get(raw, "amount").trim().replace(/^£\s*/, "");
    let amount: number | null = null;
    if (!amountText) fail(ctx, "amount", "Enter the budget");
    else if (/^[-−]/.test(amountText)) fail(ctx, "amount", "The budget must be £0 or more");
    else if (/^0+(\.0{1,2})?$/.test(amountText)) amount = 0;
    else {
      const r = parseMoney(amountText, "the budget");
      if (r.ok) amount = r.value;
      else fail(ctx, "amount", r.message);
    }
    return { financialYear: year, area, amountPence: amount ?? 0 };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Scoring criteria: one stage's set at once, since their weights must add up to 100

export interface CriterionInput {
  id: number | null;
  version: number;
  title: string;
  description: string;
  weightPercent: number;
  maxScore: number;
  descriptors: { score: number; label: string }[];
}

/** How many criterion rows the form posted (criteria-<n>-title …). */
export function criterionRows(raw: Raw): number {
  let max = -1;
  for (const key of Object.keys(raw)) {
    const m = /^criteria-(\d{1,2})-/.exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export const criteriaSchema = z.record(z.string(), z.string()).transform((raw, ctx) => {
  const rows: CriterionInput[] = [];
  for (let i = 0; i < Math.min(criterionRows(raw), 20); i++) {
    const f = (name: string) => `criteria-${i}-${name}`;
    const idText = get(raw, f("id"));
    const id = /^\d{1,12}$/.test(idText) ? Number(idText) : null;
    const blank = ["title", "description", "weight", "descriptors"].every((n) => !get(raw, f(n)).trim());
    // An empty new row is left out; an existing criterion emptied is removed.
    if (blank) continue;
    const n = i + 1;
    const title = text(raw, ctx, f("title"), { label: `the title of criterion ${n}`, max: 100 });
    const description = text(raw, ctx, f("description"), { label: `what criterion ${n} looks for`, max: 1_000 });
    const weight = parseWholeNumber(get(raw, f("weight")), `the weight of criterion ${n}`, { min: 1, max: 100 });
    if (!weight.ok) fail(ctx, f("weight"), weight.message);
    const maxScore = parseWholeNumber(get(raw, f("maxScore")) || "4", `the highest score of criterion ${n}`, { min: 1, max: 10 });
    if (!maxScore.ok) fail(ctx, f("maxScore"), maxScore.message);
    const lines = get(raw, f("descriptors"))
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/^\d{1,2}\s*[:.)-]\s*/, ""))
      .filter(Boolean);
    const top = maxScore.ok ? maxScore.value : 4;
    if (lines.length !== top + 1) {
      fail(ctx, f("descriptors"), `Describe each score of criterion ${n} from 0 to ${top}, one a line: ${top + 1} lines, not ${lines.length}`);
    } else if (lines.some((l) => l.length > 200)) fail(ctx, f("descriptors"), `Each description of a score must be 200 characters or fewer`);
    rows.push({
      id,
      version: Number(get(raw, f("version"))) || 0,
      title: title ?? "",
      description: description ?? "",
      weightPercent: weight.ok ? weight.value : 0,
      maxScore: top,
      descriptors: lines.map((label, score) => ({ score, label })),
    });
  }
  if (rows.length === 0) fail(ctx, "criteria-0-title", "Enter at least one criterion");
  const total = rows.reduce((sum, r) => sum + r.weightPercent, 0);
  if (rows.length > 0 && rows.every((r) => r.weightPercent > 0) && total !== 100) {
    fail(ctx, "weights", `The weights must add up to 100. They add up to ${total}`);
  }
  return rows;
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Eligibility questions

export interface EligibilityInput {
  question: string;
  hint: string | null;
  options: string[];
  excluding: string[];
  ineligibleMessage: string;
}

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const eligibilitySchema = z.record(z.string(), z.string()).transform((raw, ctx): EligibilityInput => {
  const question = text(raw, ctx, "question", { label: "the question", max: 300 });
  const hint = text(raw, ctx, "hint", { label: "the hint", max: 500, required: false });
  const options = lines(get(raw, "options"));
  if (options.length < 2) fail(ctx, "options", "Enter at least 2 answers, one a line");
  else if (options.length > 20) fail(ctx, "options", "Enter 20 answers or fewer");
  else if (options.some((o) => o.length > 200)) fail(ctx, "options", "Each answer must be 200 characters or fewer");
  else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) fail(ctx, "options", "Each answer must be different");
  const excluding = lines(get(raw, "excluding"));
  const unknown = excluding.find((e) => !options.some((o) => o.toLowerCase() === e.toLowerCase()));
  if (unknown) fail(ctx, "excluding", `“${unknown.slice(0, 60)}” is not one of the answers: copy it exactly`);
  if (excluding.length > 0 && excluding.length >= options.length) fail(ctx, "excluding", "At least one answer must let a group carry on");
  const message = text(raw, ctx, "ineligibleMessage", { label: "what a group that is ruled out is told", max: 1_000, required: excluding.length > 0 });
  return {
    question: question ?? "",
    hint,
    options,
    excluding: excluding.map((e) => options.find((o) => o.toLowerCase() === e.toLowerCase()) ?? e),
    ineligibleMessage: message ?? "",
  };
});

/** One London date and time on its own (a deadline, an extension), 5pm when no time is given. */
export function londonDateTimeSchema(field: string, label: string, opts: { defaultTime?: [number, number]; required?: boolean } = {}) {
  return z.record(z.string(), z.string()).transform((raw, ctx) => londonDateTime(raw, ctx, field, label, opts.defaultTime ?? [17, 0], opts.required ?? true));
}
