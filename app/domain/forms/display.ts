/** Answers as the check-answers page and staff read them. */
import { formatPence } from "~/domain/shared/money";
import { formatLondonDate } from "~/domain/shared/time";
import type { Question } from "./definition";
import { fileAnswers } from "./files";

/** The lines showing one answer; an empty list when it has none yet. */
export function displayAnswer(q: Question, answer: unknown): string[] {
  if (answer === undefined || answer === null) return [];
  switch (q.type) {
    case "money":
      return [formatPence(answer as number)];
    case "number":
      return [(answer as number).toLocaleString("en-GB")];
    case "date":
      return [formatLondonDate(`${answer as string}T12:00:00.000Z`)];
    case "radios":
    case "select":
      return [q.options.find((o) => o.value === answer)?.label ?? String(answer)];
    case "checkboxes":
      return (answer as string[]).map((v) => q.options.find((o) => o.value === v)?.label ?? v);
    case "yes_no": {
      const a = answer as { answer: string; details?: string };
      return [a.answer === "yes" ? "Yes" : "No", ...(a.details ? [a.details] : [])];
    }
    case "address": {
      const a = answer as { line1: string; line2: string; town: string; postcode: string | null };
      return [a.line1, a.line2, a.town, a.postcode ?? ""].filter(Boolean);
    }
    case "repeating":
      return (answer as Record<string, unknown>[]).map((row) =>
        q.columns
          .map((c) => {
            const v = row[c.id];
            if (v === null || v === undefined || v === "") return null;
            if (c.type === "money") return formatPence(v as number);
            if (c.type === "select") return c.options.find((o) => o.value === v)?.label ?? String(v);
            return String(v);
          })
          .filter(Boolean)
          .join(", "),
      );
    case "file":
      return fileAnswers(answer).map((f) => (f.infected ? `${f.name} (a virus was found: it must be removed)` : f.name));
    default:
      return String(answer).split("\n");
  }
}
