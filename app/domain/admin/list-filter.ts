/**
 * The applications list's filter, as it lives in the URL (a GET form, so a filter can be bookmarked and
 * shared): parsed strictly from the query string and written back to one. Anything that is not a known
 * value is ignored rather than refused, as a list filter should be. Pure; shared by the page and the export.
 */
import { APPLICATION_STATES, OUTLINE_STATES } from "~/domain/applications/workflow";

export const SORTS = {
  newest: { label: "Newest submitted first", column: "submitted", direction: "desc" },
  oldest: { label: "Oldest submitted first", column: "submitted", direction: "asc" },
  reference: { label: "Reference", column: "reference", direction: "asc" },
  "amount-high": { label: "Largest amount first", column: "amount", direction: "desc" },
  "amount-low": { label: "Smallest amount first", column: "amount", direction: "asc" },
} as const;
export type SortKey = keyof typeof SORTS;
export const DEFAULT_SORT: SortKey = "newest";

export const STAGES = [
  { value: "single", label: "Application (one stage)" },
  { value: "outline", label: "Outline proposal" },
  { value: "full", label: "Full application" },
] as const;

/** Every status an application that has been submitted can be in (drafts are not listed). */
export const LISTED_STATES: readonly string[] = [...new Set([...APPLICATION_STATES, ...OUTLINE_STATES])].filter((s) => s !== "draft");

export interface ListFilter {
  fund: number | null;
  round: number | null;
  stage: string | null;
  status: string | null;
  district: string | null;
  /** Flagged as in a deprived area ("yes"), or not ("no"). */
  deprived: "yes" | "no" | null;
  /** A reference, or words from the title or the group's name. */
  q: string;
  sort: SortKey;
}

/** Where a page starts: after (next page) or before (previous page) a row's sort key and id. */
export interface Cursor {
  direction: "after" | "before";
  key: string | number;
  id: number;
}

const DISTRICT = /^[EWSN]\d{8}$/;

function positiveInt(value: string | null): number | null {
  if (!value || !/^\d{1,12}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function parseFilter(params: URLSearchParams): ListFilter {
  const stage = params.get("stage");
  const status = params.get("status");
  const district = params.get("district");
  const sort = params.get("sort");
  const deprived = params.get("deprived");
  return {
    fund: positiveInt(params.get("fund")),
    round: positiveInt(params.get("round")),
    stage: STAGES.some((s) => s.value === stage) ? stage : null,
    status: status && LISTED_STATES.includes(status) ? status : null,
    district: district && (DISTRICT.test(district) || district === "none") ? district : null,
    deprived: deprived === "yes" || deprived === "no" ? deprived : null,
    q: (params.get("q") ?? "").trim().slice(0, 100),
    sort: sort && sort in SORTS ? (sort as SortKey) : DEFAULT_SORT,
  };
}

/** The cursor in the URL ("after=<key>~<id>" or "before=…"), when it fits the sort. */
export function parseCursor(params: URLSearchParams, sort: SortKey): Cursor | null {
  for (const direction of ["after", "before"] as const) {
    const raw = params.get(direction);
    if (!raw) continue;
    const cut = raw.lastIndexOf("~");
    const id = positiveInt(raw.slice(cut + 1));
    if (cut < 0 || id === null) return null;
    const text = raw.slice(0, cut);
    const column = SORTS[sort].column;
    if (column === "amount") {
      if (!/^-?\d{1,15}$/.test(text)) return null;
      return { direction, key: Number(text), id };
    }
    if (column === "submitted" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return null;
    if (text.length > 100) return null;
    return { direction, key: text, id };
  }
  return null;
}

export function cursorParam(key: string | number | null, id: number): string {
  return `${key ?? ""}~${id}`;
}

/** The filter as a query string (defaults left out), with extra parameters such as a cursor. */
export function filterQuery(f: ListFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.fund) params.set("fund", String(f.fund));
  if (f.round) params.set("round", String(f.round));
  if (f.stage) params.set("stage", f.stage);
  if (f.status) params.set("status", f.status);
  if (f.district) params.set("district", f.district);
  if (f.deprived) params.set("deprived", f.deprived);
  if (f.q) params.set("q", f.q);
  if (f.sort !== DEFAULT_SORT) params.set("sort", f.sort);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filter in words, for the audit log of an export. */
export function describeFilter(f: ListFilter): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f)) if (v !== null && v !== "" && !(k === "sort" && v === DEFAULT_SORT)) out[k] = v as string | number;
  return out;
}

/**
 * A reference as people type it ("crf-2026-42", " CRF-2026-00042 ") in the form the portal stores
 * (FUND-YYYY-NNNNN), or null when the text is not a reference.
 */
export function asReference(text: string): string | null {
  const m = /^\s*([A-Za-z]{2,6})-(\d{4})-(\d{1,5})\s*$/.exec(text);
  return m ? `${m[1].toUpperCase()}-${m[2]}-${m[3].padStart(5, "0")}` : null;
}
