/**
 * The zod schema of a page, derived from its questions. It reads the page's raw inputs (form fields as
 * the browser sends them: strings, and arrays of strings for checkboxes) and gives either the answers to
 * store or issues whose paths are the field names, so the error summary links to each field. The action
 * uses it; the browser can use the same schema before sending.
 *
 * Field names: a question's id; a date's `<id>-day`, `<id>-month`, `<id>-year`; a yes/no's follow-up
 * `<id>-details`; an address's `<id>-line1`, `-line2`, `-town`, `-postcode`; a repeating question's
 * `<id>-<row>-<column>` (rows from 0).
 */
// zod/mini: the same schema runs in the browser, where the classic API would add ~60 KB to the page.
import * as z from "zod/mini";
import type { Column, Page, Question } from "./definition";
import { shortName } from "./definition";
import { formatPence } from "~/domain/shared/money";
import { normalisePostcode } from "~/domain/shared/postcode";
import { checkWordLimit, parseDate, parseMoney, parseWholeNumber } from "./values";

export type RawInput = Record<string, string | string[] | undefined>;
export type Answers = Record<string, unknown>;

const str = (raw: RawInput, name: string): string => {
  const v = raw[name];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
};
const list = (raw: RawInput, name: string): string[] => {
  const v = raw[name];
  return Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : [];
};

/** The one rule for postcodes (app/domain/shared/postcode.ts), by the name the forms use. */
export const tidyPostcode = normalisePostcode;

/** How many rows a repeating question has in the raw input (the highest row index posted, plus one). */
export function rowCount(raw: RawInput, id: string): number {
  let max = -1;
  for (const key of Object.keys(raw)) {
    const m = new RegExp(`^${id}-(\\d{1,3})-`).exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

type Issue = { field: string; message: string };

function readColumn(col: Column, value: string, field: string, rowLabel: string, issues: Issue[]): unknown {
  const label = `${col.label.toLowerCase()} in ${rowLabel}`;
  if (!value.trim()) {
    if (col.required !== false) issues.push({ field, message: `Enter the ${label}` });
    return null;
  }
  if (col.type === "money") {
    const r = parseMoney(value, `the ${label}`);
    if (!r.ok) issues.push({ field, message: r.message });
    return r.ok ? r.value : null;
  }
  if (col.type === "select") {
    if (!col.options.some((o) => o.value === value)) issues.push({ field, message: `Select the ${label}` });
    return value;
  }
  if (value.length > 500) issues.push({ field, message: `The ${label} must be 500 characters or fewer` });
  return value.trim();
}

/** Reads one question from the raw input: its answer (or undefined when left empty) and any issues. */
export function readQuestion(q: Question, raw: RawInput, issues: Issue[]): unknown {
  const name = shortName(q);
  const need = (field: string, message: string) => {
    if (q.required) issues.push({ field, message });
  };
  switch (q.type) {
    case "text": {
      const v = str(raw, q.id).trim();
      if (!v) return need(q.id, `Enter ${name}`);
      if (v.length > (q.maxLength ?? 200)) issues.push({ field: q.id, message: `${cap(name)} must be ${q.maxLength ?? 200} characters or fewer` });
      return v;
    }
    case "textarea": {
      const v = str(raw, q.id).replace(/\r\n/g, "\n").trim();
      if (!v) return need(q.id, `Enter ${name}`);
      if (q.wordLimit) {
        const r = checkWordLimit(v, q.wordLimit, name);
        if (!r.ok) issues.push({ field: q.id, message: r.message });
      }
      if (v.length > 20_000) issues.push({ field: q.id, message: `${cap(name)} is too long` });
      return v;
    }
    case "number": {
      const v = str(raw, q.id);
      if (!v.trim()) return need(q.id, `Enter ${name}`);
      const r = parseWholeNumber(v, name, { min: q.min, max: q.max });
      if (!r.ok) issues.push({ field: q.id, message: r.message });
      return r.ok ? r.value : undefined;
    }
    case "money": {
      const v = str(raw, q.id);
      if (!v.trim()) return need(q.id, `Enter ${name}`);
      const r = parseMoney(v, name, { minPence: q.minPence, maxPence: q.maxPence });
      if (!r.ok) issues.push({ field: q.id, message: r.message });
      return r.ok ? r.value : undefined;
    }
    case "date": {
      const parts = { day: str(raw, `${q.id}-day`), month: str(raw, `${q.id}-month`), year: str(raw, `${q.id}-year`) };
      if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) return need(`${q.id}-day`, `Enter ${name}`);
      const r = parseDate(parts, name);
      if (!r.ok) issues.push({ field: `${q.id}-${r.field ?? "day"}`, message: r.message });
      return r.ok ? r.value : undefined;
    }
    case "radios":
    case "select": {
      const v = str(raw, q.id);
      if (!v) return need(q.id, `Select ${name}`);
      if (!q.options.some((o) => o.value === v)) {
        issues.push({ field: q.id, message: `Select ${name}` });
        return undefined;
      }
      return v;
    }
    case "checkboxes": {
      const chosen = [...new Set(list(raw, q.id))];
      if (chosen.length === 0) return need(q.id, `Select ${name}`);
      if (chosen.some((v) => !q.options.some((o) => o.value === v))) {
        issues.push({ field: q.id, message: `Select ${name}` });
        return undefined;
      }
      return q.options.map((o) => o.value).filter((v) => chosen.includes(v)); // in the form's order
    }
    case "yes_no": {
      const v = str(raw, q.id);
      if (!v) return need(q.id, `Select yes or no`);
      if (v !== "yes" && v !== "no") {
        issues.push({ field: q.id, message: `Select yes or no` });
        return undefined;
      }
      if (q.followUp && q.followUp.when === v) {
        const details = str(raw, `${q.id}-details`).trim();
        const label = shortName(q.followUp);
        if (!details) issues.push({ field: `${q.id}-details`, message: `Enter ${label}` });
        else if (q.followUp.wordLimit) {
          const r = checkWordLimit(details, q.followUp.wordLimit, label);
          if (!r.ok) issues.push({ field: `${q.id}-details`, message: r.message });
        }
        return { answer: v, details };
      }
      return { answer: v };
    }
    case "postcode": {
      const v = str(raw, q.id);
      if (!v.trim()) return need(q.id, `Enter ${name}`);
      const pc = tidyPostcode(v);
      if (!pc) issues.push({ field: q.id, message: "Enter a real postcode, like PE13 1JR" });
      return pc ?? undefined;
    }
    case "address": {
      const line1 = str(raw, `${q.id}-line1`).trim();
      const line2 = str(raw, `${q.id}-line2`).trim();
      const town = str(raw, `${q.id}-town`).trim();
      const postcodeText = str(raw, `${q.id}-postcode`);
      if (!line1 && !town && !postcodeText.trim()) return need(`${q.id}-line1`, `Enter ${name}`);
      if (!line1) issues.push({ field: `${q.id}-line1`, message: "Enter address line 1, typically the building and street" });
      if (!town) issues.push({ field: `${q.id}-town`, message: "Enter town or city" });
      const postcode = tidyPostcode(postcodeText);
      if (!postcode) issues.push({ field: `${q.id}-postcode`, message: "Enter a real postcode, like PE13 1JR" });
      return { line1, line2, town, postcode };
    }
    case "repeating": {
      const rows: Record<string, unknown>[] = [];
      const count = Math.min(rowCount(raw, q.id), q.maxRows ?? 50);
      for (let i = 0; i < count; i++) {
        const values = q.columns.map((c) => str(raw, `${q.id}-${i}-${c.id}`));
        if (values.every((v) => !v.trim())) continue; // an empty row is no row
        const row: Record<string, unknown> = {};
        q.columns.forEach((c, j) => {
          row[c.id] = readColumn(c, values[j], `${q.id}-${i}-${c.id}`, `row ${rows.length + 1}`, issues);
        });
        rows.push(row);
      }
      if (rows.length === 0) return need(`${q.id}-0-${q.columns[0].id}`, `Enter at least one ${q.addLabel.replace(/^Add (another|a|an) /i, "")}`);
      if (q.minRows && rows.length < q.minRows) issues.push({ field: `${q.id}-0-${q.columns[0].id}`, message: `Enter at least ${q.minRows} rows` });
      return rows;
    }
    case "file":
      return undefined;
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The zod schema of a page: raw inputs in, answers out (only the page's own questions are read). */
export function pageSchema(page: Page) {
  return z.pipe(
    z.record(z.string(), z.optional(z.union([z.string(), z.array(z.string())]))),
    z.transform((raw: RawInput, ctx) => {
      const issues: Issue[] = [];
      const answers: Answers = {};
      for (const q of page.questions) {
        const value = readQuestion(q, raw, issues);
        if (value !== undefined) answers[q.id] = value;
      }
      for (const i of issues) ctx.issues.push({ code: "custom", path: [i.field], message: i.message, input: raw });
      return answers;
    }),
  );
}

/** Checks a page's raw input: the answers, or the message for each field (first message per field). */
export function readPage(page: Page, raw: RawInput): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> } {
  const result = pageSchema(page).safeParse(raw);
  if (result.success) return { ok: true, answers: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * Rules across questions: a repeating question whose money column must add up to another answer (which
 * may be on another page of the section, so the caller passes everything known).
 */
export function checkTotals(page: Page, answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of page.questions) {
    if (q.type !== "repeating" || !q.mustTotal) continue;
    const rows = answers[q.id] as Record<string, unknown>[] | undefined;
    const target = answers[q.mustTotal.question];
    if (!rows || typeof target !== "number") continue;
    const total = rows.reduce((sum, r) => sum + (typeof r[q.mustTotal!.column] === "number" ? (r[q.mustTotal!.column] as number) : 0), 0);
    if (total !== target) {
      errors[`${q.id}-0-${q.columns[0].id}`] = `The items must add up to ${formatPence(target)}, the amount you are asking for. They add up to ${formatPence(total)}`;
    }
  }
  return errors;
}
