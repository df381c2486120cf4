/**
 * "Check if you can apply": a fund's eligibility questions are configuration (eligibility_questions), each
 * with the answers that rule a group out and the message that says why and where else to look. The answers
 * so far travel in the page's address, so nothing is stored about someone who is only looking.
 *
 * Pure: no database, no I/O.
 */
export interface EligibilityQuestion {
  key: string;
  question: string;
  hint: string | null;
  options: { value: string; label: string }[];
  /** Answers that rule a group out. */
  excluding: string[];
  ineligibleMessage: string;
}

export type EligibilityAnswers = Record<string, string>;

export type EligibilityStep =
  | { kind: "question"; question: EligibilityQuestion; index: number }
  | { kind: "ineligible"; question: EligibilityQuestion }
  | { kind: "eligible" };

/** The answers in an address's query that are real answers to real questions; anything else is dropped. */
export function answersFrom(params: URLSearchParams, questions: readonly EligibilityQuestion[]): EligibilityAnswers {
  const out: EligibilityAnswers = {};
  for (const q of questions) {
    const v = params.get(q.key);
    if (v !== null && q.options.some((o) => o.value === v)) out[q.key] = v;
  }
  return out;
}

/** Where someone with these answers is: the first question not answered, ruled out by an answer, or able to apply. */
export function nextStep(questions: readonly EligibilityQuestion[], answers: EligibilityAnswers): EligibilityStep {
  for (const [index, question] of questions.entries()) {
    const answer = answers[question.key];
    if (answer === undefined) return { kind: "question", question, index };
    if (question.excluding.includes(answer)) return { kind: "ineligible", question };
  }
  return { kind: "eligible" };
}

export type AnswerResult = { ok: true; answers: EligibilityAnswers } | { ok: false; message: string };

/**
 * Takes one answer. The questions are configuration, worded by each fund, so the message for a missing
 * choice is the same for all of them; it sits beside the question it is about.
 */
export function answer(question: EligibilityQuestion, value: string, answers: EligibilityAnswers): AnswerResult {
  if (!question.options.some((o) => o.value === value)) return { ok: false, message: "Select the answer that applies to your group" };
  return { ok: true, answers: { ...answers, [question.key]: value } };
}

/** The answers given before `key` (in the questions' order), as a query string ("" when none). */
export function queryBefore(questions: readonly EligibilityQuestion[], answers: EligibilityAnswers, key?: string): string {
  const params = new URLSearchParams();
  for (const q of questions) {
    if (q.key === key) break;
    if (answers[q.key] !== undefined) params.set(q.key, answers[q.key]);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

