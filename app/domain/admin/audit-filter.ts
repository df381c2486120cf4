/**
 * The audit log page's filter, as it lives in the URL: an event, a person (email address), a record
 * (an application's reference, or a kind of record and its id) and a date range in London dates.
 * Pure; a date that is not a real date is reported, not guessed.
 */
import { parseDate } from "~/domain/forms/values";
import { londonToUtcIso } from "~/domain/shared/time";
import { asReference } from "./list-filter";

export const ENTITY_TYPES = [
  { value: "application", label: "Application" },
  { value: "user", label: "Person" },
  { value: "organisation", label: "Group" },
  { value: "fund", label: "Fund" },
  { value: "round", label: "Round" },
] as const;

export interface AuditFilter {
  event: string | null;
  person: string;
  entityType: string | null;
  /** An id, or an application's reference. */
  entity: string;
  from: { day: string; month: string; year: string };
  to: { day: string; month: string; year: string };
}

export interface AuditQuery {
  event: string | null;
  person: string | null;
  entityType: string | null;
  entityId: number | null;
  reference: string | null;
  fromIso: string | null;
  /** Exclusive: the start of the day after the "to" date. */
  toIso: string | null;
}

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const text = (name: string, max = 100) => (params.get(name) ?? "").trim().slice(0, max);
  const event = text("event");
  const entityType = text("entityType");
  return {
    event: /^[a-z_]+\.[a-z_]+$/.test(event) ? event : null,
    person: text("person", 254),
    entityType: ENTITY_TYPES.some((t) => t.value === entityType) ? entityType : null,
    entity: text("entity", 30),
    from: { day: text("from-day", 2), month: text("from-month", 9), year: text("from-year", 4) },
    to: { day: text("to-day", 2), month: text("to-month", 9), year: text("to-year", 4) },
  };
}

function dayStart(parts: { day: string; month: string; year: string }, label: string, errors: Record<string, string>, field: string, nextDay = false): string | null {
  if (!parts.day && !parts.month && !parts.year) return null;
  const r = parseDate(parts, label);
  if (!r.ok) {
    errors[`${field}-${r.field ?? "day"}`] = r.message;
    return null;
  }
  const [y, m, d] = r.value.split("-").map(Number);
  return londonToUtcIso(y, m, d + (nextDay ? 1 : 0), 0, 0);
}

/** The filter as the query needs it, or what is wrong with it (keyed by field id, for the error summary). */
export function auditQuery(f: AuditFilter): { query: AuditQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fromIso = dayStart(f.from, "the date from", errors, "from");
  const toIso = dayStart(f.to, "the date to", errors, "to", true);
  if (fromIso && toIso && toIso <= fromIso) errors["to-day"] = "The date to must be the same as or after the date from";
  let entityId: number | null = null;
  let reference: string | null = null;
  if (f.entity) {
    reference = asReference(f.entity);
    if (!reference) {
      if (/^\d{1,12}$/.test(f.entity) && Number(f.entity) > 0) entityId = Number(f.entity);
      else errors.entity = "Enter a reference, like CRF-2026-00042, or a record number, like 42";
    }
  }
  return { query: { event: f.event, person: f.person || null, entityType: f.entityType, entityId, reference, fromIso, toIso }, errors };
}

export function auditFilterQuery(f: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.event) params.set("event", f.event);
  if (f.person) params.set("person", f.person);
  if (f.entityType) params.set("entityType", f.entityType);
  if (f.entity) params.set("entity", f.entity);
  for (const [side, parts] of [["from", f.from], ["to", f.to]] as const) {
    for (const k of ["day", "month", "year"] as const) if (parts[k]) params.set(`${side}-${k}`, parts[k]);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
