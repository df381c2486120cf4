/**
 * Answers carried from one form to another (an outline proposal into its full application): every answer
 * to a question that both forms ask — the same stable id and the same type — goes into the section of the
 * new form that asks it. Nothing is hard-coded: a fund's forms decide what carries over by sharing ids.
 * Uploads are not carried (documents belong to one application); nor is anything typed but not accepted.
 *
 * Pure: no database, no I/O.
 */
import type { FormDefinition, Question } from "./definition";
import type { Answers } from "./schema";

function questionsById(form: FormDefinition): Map<string, { section: string; question: Question }> {
  const map = new Map<string, { section: string; question: Question }>();
  for (const s of form.sections) for (const p of s.pages) for (const q of p.questions) map.set(q.id, { section: s.key, question: q });
  return map;
}

/** The new form's sections (by key) with the answers carried into them; sections with none are left out. */
export function carryOver(from: FormDefinition, answersBySection: ReadonlyMap<string, Answers>, to: FormDefinition): Map<string, Answers> {
  const source = questionsById(from);
  const out = new Map<string, Answers>();
  for (const [id, target] of questionsById(to)) {
    const found = source.get(id);
    if (!found || found.question.type !== target.question.type || target.question.type === "file") continue;
    const value = answersBySection.get(found.section)?.[id];
    if (value === undefined || value === null) continue;
    const section = out.get(target.section) ?? {};
    section[id] = structuredClone(value);
    out.set(target.section, section);
  }
  return out;
}
