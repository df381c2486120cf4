/** File questions in the form engine: their answer is the list of documents, kept by the documents service. */
import { describe, expect, it } from "vitest";
import { pageValues, sectionStatus } from "~/domain/forms/answers";
import type { Section } from "~/domain/forms/definition";
import { displayAnswer } from "~/domain/forms/display";
import { checkFiles } from "~/domain/forms/files";
import { readPage } from "~/domain/forms/schema";

const section: Section = {
  key: "documents",
  title: "Your documents",
  pages: [
    { key: "constitution", questions: [{ id: "constitution", type: "file", label: "Upload your constitution", short: "your constitution", required: true }] },
    { key: "quotes", questions: [{ id: "quotes", type: "file", label: "Quotes", maxFiles: 5 }] },
  ],
};
const [constitution, quotes] = section.pages;

describe("file questions", () => {
  it("a required file question is answered by a file that is not infected", () => {
    expect(sectionStatus(section, null)).toBe("not_started");
    expect(sectionStatus(section, { answers: { quotes: [{ id: 2, name: "quote.pdf" }] } })).toBe("in_progress");
    expect(sectionStatus(section, { answers: { constitution: [{ id: 1, name: "rules.pdf", infected: true }] } })).toBe("in_progress");
    expect(sectionStatus(section, { answers: { constitution: [{ id: 1, name: "rules.pdf", infected: true }, { id: 3, name: "rules-clean.pdf" }] } })).toBe("completed");
    expect(sectionStatus(section, { answers: { constitution: [{ id: 3, name: "rules.pdf" }] } })).toBe("completed"); // quotes are optional
  });

  it("says which required file questions still need a file", () => {
    expect(checkFiles(constitution, {})).toEqual({ constitution: "Select your constitution" });
    expect(checkFiles(constitution, { constitution: [{ id: 1, name: "a.pdf", infected: true }] })).toEqual({ constitution: "Select your constitution" });
    expect(checkFiles(constitution, { constitution: [{ id: 1, name: "a.pdf" }] })).toEqual({});
    expect(checkFiles(quotes, {})).toEqual({});
  });

  it("shows the files' names where answers are read", () => {
    const q = constitution.questions[0];
    expect(displayAnswer(q, [{ id: 1, name: "rules.pdf" }, { id: 2, name: "old.pdf", infected: true }])).toEqual(["rules.pdf", "old.pdf (a virus was found: it must be removed)"]);
    expect(displayAnswer(q, undefined)).toEqual([]);
  });

  it("are never read from what a page posts, and show no typed value", () => {
    expect(readPage(constitution, { constitution: "C:\\fakepath\\rules.pdf" })).toEqual({ ok: true, answers: {} });
    expect(pageValues(constitution.questions, { answers: { constitution: [{ id: 1, name: "rules.pdf" }] } })).toEqual({});
  });
});
