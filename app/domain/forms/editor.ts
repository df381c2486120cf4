/**
 * The form editor's rules: what an administrator may do to the working draft of a fund stage's form, each
 * an operation from one definition to the next (never changing the one it is given), how a question typed
 * into the editor is read and checked, whether a whole definition may be published, and which rounds move
 * to a newly published version. Pure: the service (editor.server.ts) loads and stores; this decides.
 *
 * Answers are never lost: an operation only ever changes the draft, old versions (and the answers given
 * under them) are untouched, and a new question or section gets a key no version of the fund's forms has
 * ever used, so an old answer can never be read as the answer to a different question.
 */
import type { FormDefinition, Option, Page, Question, Section } from "./definition";
import { RESERVED_SECTION_KEYS, allQuestions } from "./definition";

export type Raw = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type Outcome = { ok: true; form: FormDefinition } | { ok: false; message: string };

/** The kinds of question the editor offers (a repeating table is set up in code: its columns need more). */
export const EDITABLE_TYPES = [
  { value: "text", label: "Short text", hint: "A name, a line of text" },
  { value: "textarea", label: "Long text", hint: "A paragraph or more, with a word limit" },
  { value: "number", label: "Whole number", hint: "How many people, sessions" },
  { value: "money", label: "Amount of money", hint: "In pounds and pence" },
  { value: "date", label: "Date", hint: "Day, month and year" },
  { value: "radios", label: "One choice from a list (radios)" },
  { value: "checkboxes", label: "Any choices from a list (checkboxes)" },
  { value: "select", label: "One choice from a long list (drop-down)" },
  { value: "yes_no", label: "Yes or no" },
  { value: "postcode", label: "Postcode" },
  { value: "address", label: "Address" },
  { value: "file", label: "File upload", hint: "Documents the group sends" },
] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number]["value"];

export function isEditableType(t: string): t is EditableType {
  return EDITABLE_TYPES.some((x) => x.value === t);
}

export function typeName(t: string): string {
  return EDITABLE_TYPES.find((x) => x.value === t)?.label ?? (t === "repeating" ? "Table of rows" : t);
}

const CHOICE_TYPES = new Set(["radios", "checkboxes", "select"]);
/** Field names a question page already uses for itself: no question may be called one of them. */
const RESERVED_IDS = new Set(["csrf", "intent", "version", "website", "return", "uploaded", "removed"]);
const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const WORD_LIMIT_MAX = 5000;
const BIND_NAMES: Record<string, string> = {
  title: "the application's title",
  amount_requested: "the amount requested",
  project_postcode: "the project's postcode, which chooses the district",
  district: "the district",
};

/** Why the fund needs a question, or null when the editor may remove it. */
export function protectedReason(form: FormDefinition, q: Question): string | null {
  if (q.bind) return `The portal takes ${BIND_NAMES[q.bind] ?? q.bind} from this question`;
  if (q.locked) return "The fund needs this question on every application";
  const totals = allQuestions(form).find(({ question }) => question.type === "repeating" && question.mustTotal?.question === q.id);
  if (totals) return `“${totals.question.label}” must add up to this question's answer`;
  return null;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Keys: made from words, never one used before

/** Every question id, page key and section key any of these versions has used (reading page keys as ids). */
export function usedKeys(forms: readonly FormDefinition[]): Set<string> {
  const used = new Set<string>();
  for (const f of forms) {
    for (const s of f.sections) {
      used.add(s.key);
      for (const p of s.pages) {
        used.add(p.key.replace(/-/g, "_"));
        for (const q of p.questions) used.add(q.id);
      }
    }
  }
  return used;
}

/** Lower-case words joined by underscores, from some text: "How many volunteers?" → "how_many_volunteers". */
export function keyFrom(text: string, max = 30): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Letters that do not come apart into a letter and an accent.
    .replace(/ł/g, "l")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let key = "";
  for (const w of words) {
    const next = key ? `${key}_${w}` : w;
    if (next.length > max) break;
    key = next;
  }
  if (!key) key = (words[0] ?? "").slice(0, max);
  return /^[a-z]/.test(key) ? key : `q_${key}`.replace(/_$/, "");
}

/** `base`, or `base_2`, `base_3`… : the first that is neither used nor reserved. */
export function unusedKey(base: string, used: ReadonlySet<string>): string {
  const ok = (k: string) => !used.has(k) && !RESERVED_IDS.has(k) && !RESERVED_SECTION_KEYS.includes(k);
  if (ok(base)) return base;
  for (let n = 2; ; n++) if (ok(`${base}_${n}`)) return `${base}_${n}`;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Reading a question from the editor's form

export interface QuestionFormContext {
  /** The question being changed; absent for a new one. */
  existing?: Question;
  /** The type chosen for a new question. */
  type?: EditableType;
  /** The form it belongs to (the draft), for protected questions. */
  form: FormDefinition;
  /** Keys used by any version of the fund's forms: a new question's id may be none of them. */
  used: ReadonlySet<string>;
}

/** What the editor's question page shows for a question: its fields as text. */
export function questionFields(q: Question): Raw {
  const out: Raw = { label: q.label, short: q.short ?? "", hint: q.hint ?? "", required: q.required ? "yes" : "no" };
  if (q.type === "textarea") out.wordLimit = q.wordLimit ? String(q.wordLimit) : "";
  if (q.type === "radios" || q.type === "checkboxes" || q.type === "select") out.options = q.options.map((o) => o.label).join("\n");
  return out;
}

function optionsFrom(text: string, existing: readonly Option[]): { options: Option[]; error: string | null } {
  const labels = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const l of labels) {
    if (l.length > 200) return { options: [], error: "Each option must be 200 characters or fewer" };
    if (seen.has(l.toLowerCase())) return { options: [], error: `“${l}” is in the list twice: each option must be different` };
    seen.add(l.toLowerCase());
  }
  // An option keeps its stored value while its words stay the same; a new one gets a value not yet used.
  const values = new Set<string>();
  const options = labels.map((label) => {
    const same = existing.find((o) => o.label.trim().toLowerCase() === label.toLowerCase() && !values.has(o.value));
    const value = same ? same.value : unusedKey(keyFrom(label, 20), new Set([...values, ...existing.map((o) => o.value)]));
    values.add(value);
    return { ...(same ?? {}), value, label };
  });
  return { options, error: null };
}

/**
 * A question from the editor's fields: the question to store, or messages keyed by field. A new question
 * gets its id from the `id` field, or from its words; the type of an existing question never changes (its
 * answers have that shape). Settings the editor does not show (a bound column, money limits) are kept.
 */
export function readQuestion(raw: Raw, ctx: QuestionFormContext): { ok: true; question: Question } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const get = (k: string) => (raw[k] ?? "").replace(/\r\n/g, "\n").trim();
  const type = ctx.existing?.type ?? ctx.type;
  if (!type) return { ok: false, errors: { type: "Select the type of question" } };

  const label = get("label");
  if (!label) errors.label = "Enter the question";
  else if (label.length > 300) errors.label = "The question must be 300 characters or fewer";
  const short = get("short");
  if (short.length > 120) errors.short = "How messages name the question must be 120 characters or fewer";
  const hint = get("hint");
  if (hint.length > 600) errors.hint = "The hint must be 600 characters or fewer";
  const requiredText = raw.required ?? "";
  if (requiredText !== "yes" && requiredText !== "no") errors.required = "Select yes if the question must be answered";
  let required = requiredText === "yes";
  const reason = ctx.existing ? protectedReason(ctx.form, ctx.existing) : null;
  if (reason && ctx.existing?.required && !required) {
    errors.required = `This question must be answered: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
    required = true;
  }

  let id = ctx.existing?.id ?? "";
  if (!ctx.existing) {
    const typed = get("id");
    if (typed) {
      if (!ID_PATTERN.test(typed)) errors.id = "The question's id must start with a letter and use only lower-case letters, numbers and underscores (up to 40)";
      else if (ctx.used.has(typed) || RESERVED_IDS.has(typed) || RESERVED_SECTION_KEYS.includes(typed))
        errors.id = `The id ${typed} is already used by a question of this fund's forms (ids are never reused, so answers are never mixed up): choose another`;
      id = typed;
    } else if (label) id = unusedKey(keyFrom(label), ctx.used);
  }

  const base = { ...(ctx.existing ?? {}), id, label, required } as Question & Record<string, unknown>;
  if (short) base.short = short;
  else delete base.short;
  if (hint) base.hint = hint;
  else delete base.hint;

  let question: Question;
  if (type === "textarea") {
    const text = get("wordLimit");
    let wordLimit: number | undefined;
    if (text) {
      if (!/^\d+$/.test(text) || Number(text) < 1) errors.wordLimit = "The word limit must be a whole number greater than 0, like 250";
      else if (Number(text) > WORD_LIMIT_MAX) errors.wordLimit = `The word limit must be ${WORD_LIMIT_MAX.toLocaleString("en-GB")} or fewer`;
      else wordLimit = Number(text);
    }
    const { wordLimit: _old, ...rest } = base as Question & { wordLimit?: number };
    question = { ...rest, type: "textarea", ...(wordLimit ? { wordLimit } : {}) } as Question;
  } else if (CHOICE_TYPES.has(type)) {
    const existing = ctx.existing && "options" in ctx.existing ? ctx.existing.options : [];
    const { options, error } = optionsFrom(raw.options ?? "", existing);
    const least = type === "checkboxes" ? 1 : 2;
    if (error) errors.options = error;
    else if (options.length < least) errors.options = least === 1 ? "Enter at least one option" : "Enter at least 2 options, one on each line";
    question = { ...base, type, options } as Question;
  } else {
    question = { ...base, type } as Question;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, question };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Operations on a definition

function locate(form: FormDefinition, id: string) {
  for (const [si, s] of form.sections.entries()) {
    for (const [pi, p] of s.pages.entries()) {
      const qi = p.questions.findIndex((q) => q.id === id);
      if (qi >= 0) return { si, pi, qi, section: s, page: p, question: p.questions[qi] };
    }
  }
  return null;
}

const withSection = (form: FormDefinition, si: number, section: Section): FormDefinition => ({ ...form, sections: form.sections.map((s, i) => (i === si ? section : s)) });
const swap = <T>(list: readonly T[], a: number, b: number): T[] => {
  const out = [...list];
  [out[a], out[b]] = [out[b], out[a]];
  return out;
};

export function findQuestion(form: FormDefinition, id: string): { section: Section; page: Page; question: Question } | null {
  const at = locate(form, id);
  return at ? { section: at.section, page: at.page, question: at.question } : null;
}

/** A new question on a page of its own at the end of a section (GOV.UK: one question to a page). */
export function addQuestion(form: FormDefinition, sectionKey: string, q: Question): Outcome {
  const si = form.sections.findIndex((s) => s.key === sectionKey);
  if (si < 0) return { ok: false, message: "That section is no longer in the form" };
  if (locate(form, q.id)) return { ok: false, message: `The form already has a question with the id ${q.id}` };
  const section = form.sections[si];
  const pageKeys = new Set(section.pages.map((p) => p.key));
  let key = q.id.replace(/_/g, "-");
  for (let n = 2; pageKeys.has(key); n++) key = `${q.id.replace(/_/g, "-")}-${n}`;
  return { ok: true, form: withSection(form, si, { ...section, pages: [...section.pages, { key, questions: [q] }] }) };
}

/** The question with this id, changed (same id, same type, same place). */
export function replaceQuestion(form: FormDefinition, q: Question): Outcome {
  const at = locate(form, q.id);
  if (!at) return { ok: false, message: "That question is no longer in the form" };
  if (at.question.type !== q.type) return { ok: false, message: "A question's type cannot change" };
  const page = { ...at.page, questions: at.page.questions.map((x, i) => (i === at.qi ? q : x)) };
  return { ok: true, form: withSection(form, at.si, { ...at.section, pages: at.section.pages.map((p, i) => (i === at.pi ? page : p)) }) };
}

/** Removes a question (and its page, if it was the page's only one); a question the fund needs stays. */
export function removeQuestion(form: FormDefinition, id: string): Outcome {
  const at = locate(form, id);
  if (!at) return { ok: false, message: "That question is no longer in the form" };
  const reason = protectedReason(form, at.question);
  if (reason) return { ok: false, message: `“${at.question.label}” cannot be removed. ${reason}.` };
  const questions = at.page.questions.filter((q) => q.id !== id);
  const pages = questions.length ? at.section.pages.map((p, i) => (i === at.pi ? { ...p, questions } : p)) : at.section.pages.filter((_, i) => i !== at.pi);
  return { ok: true, form: withSection(form, at.si, { ...at.section, pages }) };
}

/**
 * Moves a question one place up or down its section. Within a page of several questions it changes places
 * with its neighbour; a question alone on its page (or at the edge of its page) moves with its page.
 */
export function moveQuestion(form: FormDefinition, id: string, direction: "up" | "down"): Outcome {
  const at = locate(form, id);
  if (!at) return { ok: false, message: "That question is no longer in the form" };
  const step = direction === "up" ? -1 : 1;
  const inPage = at.qi + step;
  if (inPage >= 0 && inPage < at.page.questions.length) {
    const page = { ...at.page, questions: swap(at.page.questions, at.qi, inPage) };
    return { ok: true, form: withSection(form, at.si, { ...at.section, pages: at.section.pages.map((p, i) => (i === at.pi ? page : p)) }) };
  }
  const to = at.pi + step;
  if (to < 0 || to >= at.section.pages.length) return { ok: true, form }; // already first (or last): nothing to do
  return { ok: true, form: withSection(form, at.si, { ...at.section, pages: swap(at.section.pages, at.pi, to) }) };
}

export function readSectionTitle(raw: Raw): { ok: true; title: string } | { ok: false; errors: FieldErrors } {
  const title = (raw.title ?? "").trim();
  if (!title) return { ok: false, errors: { title: "Enter the section's title" } };
  if (title.length > 100) return { ok: false, errors: { title: "The section's title must be 100 characters or fewer" } };
  return { ok: true, title };
}

/** A new, empty section at the end, keyed by its words (a key never used before). */
export function addSection(form: FormDefinition, title: string, used: ReadonlySet<string>): Outcome & { key?: string } {
  const key = unusedKey(keyFrom(title), new Set([...used, ...form.sections.map((s) => s.key)]));
  return { ok: true, form: { ...form, sections: [...form.sections, { key, title, pages: [] }] }, key };
}

/** A section's new title; its key (and so its answers and addresses) stays. */
export function renameSection(form: FormDefinition, key: string, title: string): Outcome {
  const si = form.sections.findIndex((s) => s.key === key);
  if (si < 0) return { ok: false, message: "That section is no longer in the form" };
  return { ok: true, form: withSection(form, si, { ...form.sections[si], title }) };
}

export function removeSection(form: FormDefinition, key: string): Outcome {
  const section = form.sections.find((s) => s.key === key);
  if (!section) return { ok: false, message: "That section is no longer in the form" };
  const kept = section.pages.flatMap((p) => p.questions).find((q) => protectedReason(form, q));
  if (kept) return { ok: false, message: `The section “${section.title}” cannot be removed: it has “${kept.label}”, which the fund needs. ${protectedReason(form, kept)}.` };
  return { ok: true, form: { ...form, sections: form.sections.filter((s) => s.key !== key) } };
}

export function moveSection(form: FormDefinition, key: string, direction: "up" | "down"): Outcome {
  const si = form.sections.findIndex((s) => s.key === key);
  if (si < 0) return { ok: false, message: "That section is no longer in the form" };
  const to = si + (direction === "up" ? -1 : 1);
  if (to < 0 || to >= form.sections.length) return { ok: true, form };
  return { ok: true, form: { ...form, sections: swap(form.sections, si, to) } };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// May it be published?

export interface Problem {
  /** Where the editor shows it: a section's or question's anchor. */
  href: string;
  message: string;
}

/**
 * What stops a draft being published: every section has a question, every question has words, ids are
 * unique and well-formed, choices have options, word limits are positive whole numbers, and every question
 * the fund needs in the published version is still there.
 */
export function publishProblems(draft: FormDefinition, published: FormDefinition | null): Problem[] {
  const problems: Problem[] = [];
  if (draft.sections.length === 0) problems.push({ href: "#sections", message: "The form has no sections: add one" });
  const sectionKeys = new Set<string>();
  const ids = new Set<string>();
  for (const s of draft.sections) {
    const at = `#section-${s.key}`;
    if (sectionKeys.has(s.key)) problems.push({ href: at, message: `Two sections have the key ${s.key}` });
    sectionKeys.add(s.key);
    if (RESERVED_SECTION_KEYS.includes(s.key)) problems.push({ href: at, message: `A section may not have the key ${s.key}` });
    if (!s.title.trim()) problems.push({ href: at, message: "A section has no title" });
    if (s.pages.every((p) => p.questions.length === 0)) problems.push({ href: at, message: `The section “${s.title}” has no questions: add one, or remove the section` });
    const pageKeys = new Set<string>();
    for (const p of s.pages) {
      if (pageKeys.has(p.key)) problems.push({ href: at, message: `Two pages of “${s.title}” have the key ${p.key}` });
      pageKeys.add(p.key);
      for (const q of p.questions) {
        const qa = `#question-${q.id}`;
        if (ids.has(q.id)) problems.push({ href: qa, message: `Two questions have the id ${q.id}: each question needs its own` });
        ids.add(q.id);
        if (!ID_PATTERN.test(q.id) && !/^[a-z][a-z0-9_]*$/.test(q.id)) problems.push({ href: qa, message: `The question id ${q.id} is not valid` });
        if (!q.label.trim()) problems.push({ href: qa, message: `A question in “${s.title}” has no words: enter the question` });
        if ((q.type === "radios" || q.type === "select") && q.options.length < 2) problems.push({ href: qa, message: `“${q.label}” needs at least 2 options` });
        if (q.type === "checkboxes" && q.options.length < 1) problems.push({ href: qa, message: `“${q.label}” needs at least one option` });
        if (q.type === "textarea" && q.wordLimit !== undefined && (!Number.isSafeInteger(q.wordLimit) || q.wordLimit < 1))
          problems.push({ href: qa, message: `The word limit of “${q.label}” must be a whole number greater than 0` });
      }
    }
  }
  if (published) {
    for (const { question } of allQuestions(published)) {
      if (protectedReason(published, question) && !ids.has(question.id)) {
        problems.push({ href: "#sections", message: `“${question.label}” is missing: the fund needs it` });
      }
    }
  }
  return problems;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Which rounds take the new version

export interface RoundPin {
  id: number;
  opensAt: string;
  /** The version of this stage's form the round uses now (null: none yet). */
  formId: number | null;
  /** Groups have started applications in it (they use its version). */
  hasApplications: boolean;
}

/**
 * A round that has not opened yet (and that no group has applied to: a round's opening can be moved)
 * takes the new version; a round already open, or closed, keeps the one it opened with, as do the
 * applications in it.
 */
export function roundsToMove(rounds: readonly RoundPin[], newFormId: number, nowIso: string): { move: number[]; keep: number[] } {
  const move: number[] = [];
  const keep: number[] = [];
  for (const r of rounds) {
    if (r.formId === newFormId) continue;
    if (r.opensAt > nowIso && !r.hasApplications) move.push(r.id);
    else keep.push(r.id);
  }
  return { move, keep };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// The editor page's buttons, as they are posted: `move-question:<id>:up`, `remove-section:<key>`…

export type EditorIntent =
  | { op: "start" }
  | { op: "discard" }
  | { op: "move-question"; id: string; direction: "up" | "down" }
  | { op: "remove-question"; id: string }
  | { op: "move-section"; key: string; direction: "up" | "down" }
  | { op: "remove-section"; key: string };

export function parseIntent(intent: string): EditorIntent | null {
  if (intent === "start" || intent === "discard") return { op: intent };
  const m = /^(move-question|remove-question|move-section|remove-section):([a-z][a-z0-9_]{0,59})(?::(up|down))?$/.exec(intent);
  if (!m) return null;
  const [, op, key, direction] = m;
  if (op.startsWith("move") !== (direction !== undefined)) return null;
  if (op === "move-question") return { op, id: key, direction: direction as "up" | "down" };
  if (op === "remove-question") return { op, id: key };
  if (op === "move-section") return { op, key, direction: direction as "up" | "down" };
  return { op: "remove-section", key };
}
