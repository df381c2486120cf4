/**
 * A form as data: sections → pages → questions. Every form the portal shows (applications, reports,
 * scoring sheets) is one of these, stored as a versioned row in form_definitions. Question ids are stable:
 * answers are stored under them, so rewording a question never loses an answer.
 *
 * Pure: used on the server (the action is authoritative) and, for the same rules, in the browser.
 */

export type Bind = "title" | "amount_requested" | "project_postcode" | "district";

interface Base {
  id: string;
  /** What the page shows. */
  label: string;
  /** The question in a sentence's middle, for messages: "Enter <short>". Defaults to the label, lower-cased. */
  short?: string;
  hint?: string;
  required?: boolean;
  /** Keeps one of the application's own columns in step with this answer (DESIGN.md). */
  bind?: Bind;
  /**
   * The fund needs this question though no column is bound to it (the declarations, a savings plan): the
   * form editor, like a bound question, will not remove it or make it optional.
   */
  locked?: boolean;
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export type Question =
  | (Base & { type: "text"; maxLength?: number; autocomplete?: string; width?: "10" | "20" | "full" })
  | (Base & { type: "textarea"; wordLimit?: number })
  | (Base & { type: "number"; min?: number; max?: number; suffix?: string })
  | (Base & { type: "money"; minPence?: number; maxPence?: number })
  | (Base & { type: "date" })
  | (Base & { type: "radios" | "select"; options: Option[] })
  | (Base & { type: "checkboxes"; options: Option[] })
  | (Base & { type: "yes_no"; followUp?: { label: string; short?: string; hint?: string; wordLimit?: number; when: "yes" | "no" } })
  | (Base & { type: "postcode" })
  | (Base & { type: "address" })
  | (Base & {
      type: "repeating";
      columns: Column[];
      minRows?: number;
      maxRows?: number;
      addLabel: string;
      /** The rows' money column must add up to another question's answer (budget lines to the request). */
      mustTotal?: { column: string; question: string };
    })
  | (Base & {
      type: "file";
      /** The most files the question takes (default 10). Each is one upload; the answer lists them. */
      maxFiles?: number;
    });

/** A column of a repeating question: the simple types only. */
export type Column =
  | { id: string; label: string; type: "text"; required?: boolean }
  | { id: string; label: string; type: "money"; required?: boolean }
  | { id: string; label: string; type: "select"; options: Option[]; required?: boolean };

export interface Page {
  key: string;
  /** The page's heading when it has several questions; a single question's label is its heading. */
  title?: string;
  questions: Question[];
}

export interface Section {
  key: string;
  title: string;
  /** Answers the portal fills in from elsewhere (the group's profile) before the person starts. */
  prefill?: "organisation";
  pages: Page[];
}

export interface FormDefinition {
  sections: Section[];
}

/**
 * Section keys that would collide with an application's own pages (/applications/:id/<key>/…): a form
 * may not use them.
 */
export const RESERVED_SECTION_KEYS: readonly string[] = ["documents", "pdf", "check", "full", "submitted", "withdraw"];

export function shortName(q: { label: string; short?: string }): string {
  if (q.short) return q.short;
  const text = q.label.replace(/[?.]$/, "");
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function findPage(form: FormDefinition, sectionKey: string, pageKey: string): { section: Section; page: Page; index: number } | null {
  const section = form.sections.find((s) => s.key === sectionKey);
  const index = section ? section.pages.findIndex((p) => p.key === pageKey) : -1;
  return section && index >= 0 ? { section, page: section.pages[index], index } : null;
}

export function allQuestions(form: FormDefinition): { section: Section; page: Page; question: Question }[] {
  return form.sections.flatMap((section) => section.pages.flatMap((page) => page.questions.map((question) => ({ section, page, question }))));
}
