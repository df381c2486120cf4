/**
 * Every answer of a form, section by section, as people read it (through `displayAnswer`): what the staff
 * view of an application shows. An upload question shows its files' names (the documents' own list, with
 * their virus check, is beside it). Pure.
 */
import type { FormDefinition } from "./definition";
import { displayAnswer } from "./display";
import type { Answers } from "./schema";

export interface AnsweredSection {
  key: string;
  title: string;
  rows: { questionId: string; label: string; lines: string[] }[];
}

export function answeredSections(form: FormDefinition, answersBySection: ReadonlyMap<string, Answers>): AnsweredSection[] {
  return form.sections.map((s) => {
    const answers = answersBySection.get(s.key) ?? {};
    return {
      key: s.key,
      title: s.title,
      rows: s.pages.flatMap((p) =>
        p.questions.map((q) => ({ questionId: q.id, label: q.label, lines: displayAnswer(q, answers[q.id]) })),
      ),
    };
  });
}
