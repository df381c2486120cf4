/**
 * Stored answers and the raw inputs a page shows: a saved answer is turned back into what the person
 * typed (money as "1,000.50", a date into its three boxes), and a section's status comes from what is
 * stored. Answers the person typed but that did not pass yet ("Save and come back later" with a mistake)
 * are kept as typed under `_raw`, so nothing typed is lost; a section with any is not complete.
 */
import type { Question, Section } from "./definition";
import type { Answers, RawInput } from "./schema";
import { readQuestion } from "./schema";
import { hasUsableFile } from "./files";

export type SectionStatus = "not_started" | "in_progress" | "completed";

export interface StoredSection {
  answers: Answers & { _raw?: RawInput };
}

/** The fields of one question, from its stored answer. */
export function rawFor(q: Question, answer: unknown): RawInput {
  if (answer === undefined || answer === null) return {};
  switch (q.type) {
    case "money":
      return { [q.id]: typeof answer === "number" ? penceToText(answer) : "" };
    case "number":
      return { [q.id]: String(answer) };
    case "date": {
      const [year, month, day] = String(answer).split("-");
      return { [`${q.id}-day`]: String(Number(day)), [`${q.id}-month`]: String(Number(month)), [`${q.id}-year`]: year };
    }
    case "checkboxes":
      return { [q.id]: Array.isArray(answer) ? answer.map(String) : [] };
    case "yes_no": {
      const a = answer as { answer: string; details?: string };
      return { [q.id]: a.answer, ...(a.details !== undefined ? { [`${q.id}-details`]: a.details } : {}) };
    }
    case "address": {
      const a = answer as { line1: string; line2: string; town: string; postcode: string | null };
      return { [`${q.id}-line1`]: a.line1, [`${q.id}-line2`]: a.line2, [`${q.id}-town`]: a.town, [`${q.id}-postcode`]: a.postcode ?? "" };
    }
    case "file":
      return {}; // files are not typed into the page: the documents service keeps this answer
    case "repeating": {
      const out: RawInput = {};
      (answer as Record<string, unknown>[]).forEach((row, i) => {
        for (const c of q.columns) {
          const v = row[c.id];
          out[`${q.id}-${i}-${c.id}`] = v === null || v === undefined ? "" : c.type === "money" && typeof v === "number" ? penceToText(v) : String(v);
        }
      });
      return out;
    }
    default:
      return { [q.id]: String(answer) };
  }
}

/** 100050 → "1,000.50"; 100000 → "1,000". */
export function penceToText(pence: number): string {
  const pounds = Math.floor(pence / 100).toLocaleString("en-GB");
  return pence % 100 ? `${pounds}.${String(pence % 100).padStart(2, "0")}` : pounds;
}

/** What a page shows: what was typed and not yet accepted, else the stored answers. */
export function pageValues(questions: Question[], stored: StoredSection | null): RawInput {
  const values: RawInput = {};
  for (const q of questions) Object.assign(values, rawFor(q, stored?.answers[q.id]));
  const typed = stored?.answers._raw ?? {};
  for (const [k, v] of Object.entries(typed)) if (questions.some((q) => k === q.id || k.startsWith(`${q.id}-`))) values[k] = v;
  return values;
}

/** Not yet started (nothing stored), completed (every required question answered and nothing pending), or in progress. */
export function sectionStatus(section: Section, stored: StoredSection | null): SectionStatus {
  const answers = stored?.answers ?? {};
  const answered = Object.keys(answers).filter((k) => k !== "_raw");
  const pending = Object.keys(answers._raw ?? {}).length > 0;
  if (answered.length === 0 && !pending) return "not_started";
  if (pending) return "in_progress";
  for (const page of section.pages) {
    for (const q of page.questions) {
      if (!q.required) continue;
      if (q.type === "file") {
        if (!hasUsableFile(answers[q.id])) return "in_progress";
        continue;
      }
      // A stored answer passed when it was saved; check it again, as the form may have changed since.
      const issues: { field: string; message: string }[] = [];
      if (answers[q.id] === undefined || readQuestion(q, rawFor(q, answers[q.id]), issues) === undefined || issues.length) return "in_progress";
    }
  }
  return "completed";
}
