/** The form editor's rules: operations on a draft, reading a question, what stops publishing, which rounds move. */
import { describe, expect, it } from "vitest";
import { FORMS } from "~db/seeds/forms";
import { allQuestions, type FormDefinition, type Question } from "~/domain/forms/definition";
import {
  addQuestion,
  addSection,
  keyFrom,
  moveQuestion,
  moveSection,
  parseIntent,
  protectedReason,
  publishProblems,
  readQuestion,
  readSectionTitle,
  removeQuestion,
  removeSection,
  renameSection,
  replaceQuestion,
  roundsToMove,
  unusedKey,
  usedKeys,
} from "~/domain/forms/editor";
import { pageSchema } from "~/domain/forms/schema";

const crf: FormDefinition = { sections: FORMS.find((f) => f.fundCode === "CRF")!.sections };
const full: FormDefinition = { sections: FORMS.find((f) => f.fundCode === "CIF" && f.stage === "full")!.sections };
const ids = (f: FormDefinition, section: string) => f.sections.find((s) => s.key === section)!.pages.flatMap((p) => p.questions.map((q) => q.id));
const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

describe("reading a question from the editor", () => {
  const used = usedKeys([crf]);

  it("makes a long-text question with a word limit and an id from its words, never one used before", () => {
    const r = ok(readQuestion({ label: "How will volunteers be involved?", hint: "Who, and how often", required: "yes", wordLimit: "150" }, { type: "textarea", form: crf, used }));
    expect(r.question).toEqual({ id: "how_will_volunteers_be", type: "textarea", label: "How will volunteers be involved?", hint: "Who, and how often", required: true, wordLimit: 150 });
    // The applicant's page schema takes it as any other question.
    const schema = pageSchema({ key: "p", questions: [r.question] });
    expect(schema.safeParse({ how_will_volunteers_be: "" }).success).toBe(false);
  });

  it("says what is wrong, GOV.UK style: an empty question, a word limit that is not a positive whole number", () => {
    for (const wordLimit of ["0", "-3", "2.5", "lots"]) {
      const r = readQuestion({ label: "", required: "yes", wordLimit }, { type: "textarea", form: crf, used });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual({ label: "Enter the question", wordLimit: "The word limit must be a whole number greater than 0, like 250" });
    }
    const r = readQuestion({ label: "Why?", required: "" }, { type: "text", form: crf, used });
    expect(!r.ok && r.errors.required).toBe("Select yes if the question must be answered");
  });

  it("refuses a choice question without options, or with the same option twice", () => {
    const none = readQuestion({ label: "Which days?", required: "yes", options: "\n  \n" }, { type: "radios", form: crf, used });
    expect(!none.ok && none.errors.options).toBe("Enter at least 2 options, one on each line");
    const oneBox = readQuestion({ label: "Agree?", required: "yes", options: "" }, { type: "checkboxes", form: crf, used });
    expect(!oneBox.ok && oneBox.errors.options).toBe("Enter at least one option");
    const twice = readQuestion({ label: "Which days?", required: "yes", options: "Monday\nmonday" }, { type: "select", form: crf, used });
    expect(!twice.ok && twice.errors.options).toContain("is in the list twice");
  });

  it("refuses an id another question of the fund's forms has (or had), or a badly formed one", () => {
    const dup = readQuestion({ id: "project_title", label: "Name", required: "yes" }, { type: "text", form: crf, used });
    expect(!dup.ok && dup.errors.id).toContain("already used");
    const removedEarlier = readQuestion({ id: "old_question", label: "Name", required: "yes" }, { type: "text", form: crf, used: new Set([...used, "old_question"]) });
    expect(!removedEarlier.ok && removedEarlier.errors.id).toContain("already used");
    const bad = readQuestion({ id: "Has Spaces", label: "Name", required: "yes" }, { type: "text", form: crf, used });
    expect(!bad.ok && bad.errors.id).toContain("lower-case letters");
    expect(ok(readQuestion({ label: "Project title", required: "no" }, { type: "text", form: crf, used })).question.id).toBe("project_title_2");
  });

  it("keeps an option's stored value while its words stay, and the question's bound column and type", () => {
    const ages = allQuestions(crf).find((q) => q.question.id === "age_groups")!.question;
    const r = ok(readQuestion({ label: "Who benefits?", required: "yes", options: "Adults (19 and over)\nOlder people (65 and over)" }, { existing: ages, form: crf, used }));
    expect(r.question.type).toBe("checkboxes");
    expect(r.question.type === "checkboxes" && r.question.options).toEqual([
      { value: "19_plus", label: "Adults (19 and over)" },
      { value: "older_people_65_and", label: "Older people (65 and over)" },
    ]);
    const amount = allQuestions(crf).find((q) => q.question.id === "amount_requested")!.question;
    const changed = ok(readQuestion({ label: "How much do you need?", required: "yes" }, { existing: amount, form: crf, used }));
    expect(changed.question).toMatchObject({ id: "amount_requested", type: "money", bind: "amount_requested", maxPence: 100_000, label: "How much do you need?" });
  });

  it("will not make a question the fund needs optional", () => {
    const amount = allQuestions(crf).find((q) => q.question.id === "amount_requested")!.question;
    const r = readQuestion({ label: "How much?", required: "no" }, { existing: amount, form: crf, used });
    expect(!r.ok && r.errors.required).toBe("This question must be answered: the portal takes the amount requested from this question");
  });
});

describe("changing a draft", () => {
  const q: Question = { id: "volunteers", type: "textarea", label: "How will volunteers help?", required: true, wordLimit: 150 };

  it("adds a question on a page of its own at the end of a section, leaving the form it was given alone", () => {
    const before = JSON.stringify(crf);
    const after = ok(addQuestion(crf, "activity", q)).form;
    expect(ids(after, "activity").at(-1)).toBe("volunteers");
    expect(after.sections.find((s) => s.key === "activity")!.pages.at(-1)).toEqual({ key: "volunteers", questions: [q] });
    expect(JSON.stringify(crf)).toBe(before);
    expect(addQuestion(after, "activity", q).ok).toBe(false); // the same id twice
    expect(addQuestion(crf, "nowhere", q).ok).toBe(false);
  });

  it("changes a question's words in place, but never its type", () => {
    const after = ok(addQuestion(crf, "activity", q)).form;
    const reworded = ok(replaceQuestion(after, { ...q, label: "How will volunteers be involved?" })).form;
    expect(allQuestions(reworded).find((x) => x.question.id === "volunteers")!.question.label).toBe("How will volunteers be involved?");
    expect(replaceQuestion(after, { id: "volunteers", type: "text", label: "x" }).ok).toBe(false);
  });

  it("moves a question up and down its section (with its page), and does nothing past either end", () => {
    const after = ok(addQuestion(crf, "activity", q)).form;
    const start = ids(after, "activity");
    const up = ok(moveQuestion(after, "volunteers", "up")).form;
    expect(ids(up, "activity")).toEqual([...start.slice(0, -2), "volunteers", start.at(-2)]);
    expect(ok(moveQuestion(up, "volunteers", "down")).form).toEqual(after);
    expect(ok(moveQuestion(after, "volunteers", "down")).form).toEqual(after);
  });

  it("moves a question within a page of several questions", () => {
    const contact = crf.sections[0].pages[0].questions.map((x) => x.id);
    const moved = ok(moveQuestion(crf, contact[1], "up")).form;
    expect(moved.sections[0].pages[0].questions.map((x) => x.id)).toEqual([contact[1], contact[0], ...contact.slice(2)]);
  });

  it("removes a question (and its page), but not one the fund needs, saying why", () => {
    const after = ok(addQuestion(crf, "activity", q)).form;
    expect(ids(ok(removeQuestion(after, "volunteers")).form, "activity")).toEqual(ids(crf, "activity"));
    const refusals = ["project_title", "amount_requested", "project_postcode", "declarations"].map((id) => removeQuestion(crf, id));
    expect(refusals.map((r) => !r.ok && r.message)).toEqual([
      "“What is the name of your activity?” cannot be removed. The portal takes the application's title from this question.",
      "“How much are you asking for?” cannot be removed. The portal takes the amount requested from this question.",
      "“What is the postcode where the activity will happen?” cannot be removed. The portal takes the project's postcode, which chooses the district from this question.",
      "“Declarations” cannot be removed. The fund needs this question on every application.",
    ]);
    // A question another adds up to (the Innovation Fund's budget lines total the amount) is needed too.
    expect(protectedReason(full, { id: "amount_requested", type: "money", label: "x" })).toContain("must add up to");
  });

  it("adds, renames, moves and removes sections; a section with a question the fund needs stays", () => {
    const added = addSection(crf, "Volunteers", usedKeys([crf]));
    expect(added.key).toBe("volunteers");
    const form = ok(added).form;
    expect(form.sections.at(-1)).toEqual({ key: "volunteers", title: "Volunteers", pages: [] });
    expect(ok(renameSection(form, "volunteers", "Your volunteers")).form.sections.at(-1)!.title).toBe("Your volunteers");
    expect(ok(moveSection(form, "volunteers", "up")).form.sections.map((s) => s.key).slice(-2)).toEqual(["volunteers", "declarations"]);
    expect(ok(removeSection(form, "volunteers")).form).toEqual(crf);
    const refused = removeSection(crf, "budget");
    expect(!refused.ok && refused.message).toContain("cannot be removed: it has “How much are you asking for?”");
    // A section key is never one the application's own pages use, nor one used before.
    expect(addSection(crf, "Documents", new Set()).key).toBe("documents_2");
    expect(readSectionTitle({ title: "  " })).toEqual({ ok: false, errors: { title: "Enter the section's title" } });
  });
});

describe("keys", () => {
  it("come from words, lower-case with underscores, and skip any used or reserved", () => {
    expect(keyFrom("What's the Łódź café's 2nd goal?")).toBe("what_s_the_lodz_cafe_s_2nd");
    expect(keyFrom("2024 plans")).toBe("q_2024_plans");
    expect(unusedKey("version", new Set())).toBe("version_2");
    expect(unusedKey("plan", new Set(["plan", "plan_2"]))).toBe("plan_3");
  });
});

describe("publishing", () => {
  it("is allowed for the seeded forms as they are", () => {
    for (const f of FORMS) expect(publishProblems(f, f)).toEqual([]);
  });

  it("is stopped by an empty section, a duplicate id, a choice without options, a bad word limit or a missing needed question", () => {
    const broken: FormDefinition = {
      sections: [
        { key: "a", title: "A", pages: [] },
        {
          key: "b",
          title: "B",
          pages: [
            { key: "p1", questions: [{ id: "x", type: "text", label: "X" }] },
            { key: "p2", questions: [{ id: "x", type: "radios", label: "Pick", options: [] }] },
            { key: "p3", questions: [{ id: "w", type: "textarea", label: "", wordLimit: 0 }] },
          ],
        },
      ],
    };
    expect(publishProblems(broken, crf).map((p) => p.message)).toEqual([
      "The section “A” has no questions: add one, or remove the section",
      "Two questions have the id x: each question needs its own",
      "“Pick” needs at least 2 options",
      "A question in “B” has no words: enter the question",
      "The word limit of “” must be a whole number greater than 0",
      ...["What is the name of your activity?", "What is the postcode where the activity will happen?", "How much are you asking for?", "Declarations"].map((l) => `“${l}” is missing: the fund needs it`),
    ]);
  });

  it("moves rounds not yet open (with no applications) to the new version; open, closed and used rounds keep theirs", () => {
    const now = "2026-12-01T10:00:00.000Z";
    const rounds = [
      { id: 1, opensAt: "2026-04-01T00:00:00.000Z", formId: 10, hasApplications: true },
      { id: 2, opensAt: "2026-11-30T00:00:00.000Z", formId: 10, hasApplications: false },
      { id: 3, opensAt: "2027-01-01T00:00:00.000Z", formId: 10, hasApplications: false },
      { id: 4, opensAt: "2027-02-01T00:00:00.000Z", formId: 10, hasApplications: true },
      { id: 5, opensAt: "2027-03-01T00:00:00.000Z", formId: null, hasApplications: false },
      { id: 6, opensAt: "2027-03-01T00:00:00.000Z", formId: 11, hasApplications: false },
    ];
    expect(roundsToMove(rounds, 11, now)).toEqual({ move: [3, 5], keep: [1, 2, 4] });
  });
});

describe("the editor page's buttons", () => {
  it("are read strictly", () => {
    expect(parseIntent("move-question:volunteers:up")).toEqual({ op: "move-question", id: "volunteers", direction: "up" });
    expect(parseIntent("remove-section:budget")).toEqual({ op: "remove-section", key: "budget" });
    expect(parseIntent("start")).toEqual({ op: "start" });
    for (const bad of ["", "move-question:x", "remove-question:x:up", "remove-question:X;drop", "publish"]) expect(parseIntent(bad)).toBeNull();
  });
});
