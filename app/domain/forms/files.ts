/**
 * A file question's stored answer: the question's documents (id and name), kept in step with the
 * documents table by the documents service in the same transaction, so a section's status, the answer as
 * shown and check-answers stay pure functions of the stored answers.
 */
import type { Page } from "./definition";

export interface FileAnswer {
  id: number;
  name: string;
  /** Set when the scanner found a virus: such a file answers nothing and cannot be downloaded. */
  infected?: true;
}

export function fileAnswers(value: unknown): FileAnswer[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is FileAnswer => !!v && typeof v === "object" && typeof (v as FileAnswer).id === "number" && typeof (v as FileAnswer).name === "string");
}

/** A file question is answered by at least one file that is not infected. */
export function hasUsableFile(value: unknown): boolean {
  return fileAnswers(value).some((f) => !f.infected);
}

/** "Select a file" (GOV.UK's words), or "Select <short>" when the question names what it wants. */
export function selectFileMessage(q: { short?: string }): string {
  return q.short ? `Select ${q.short}` : "Select a file";
}

/** The page's required file questions that have no usable file yet, with their message. */
export function checkFiles(page: Page, answers: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of page.questions) {
    if (q.type === "file" && q.required && !hasUsableFile(answers[q.id])) errors[q.id] = selectFileMessage(q);
  }
  return errors;
}
