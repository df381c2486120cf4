/** The forms the portal ships with are well-formed, and the Reach Fund's asks what the issue asks. */
import { describe, expect, it } from "vitest";
import { FORMS } from "~db/seeds/forms";
import { RESERVED_SECTION_KEYS, allQuestions } from "~/domain/forms/definition";
import { displayAnswer } from "~/domain/forms/display";

describe.each(FORMS.map((f) => [`${f.fundCode} ${f.stage}`, f] as const))("the %s form", (_name, form) => {
  it("has unique section keys, page keys within a section, and question ids", () => {
    const sections = form.sections.map((s) => s.key);
    expect(new Set(sections).size).toBe(sections.length);
    for (const s of form.sections) expect(new Set(s.pages.map((p) => p.key)).size).toBe(s.pages.length);
    const ids = allQuestions(form).map((q) => q.question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    // A section's pages live at /applications/:id/<section>/<page>: no key may be one of the application's own pages.
    for (const key of sections) expect(RESERVED_SECTION_KEYS).not.toContain(key);
  });

  it("keeps the application's title and amount in step", () => {
    const binds = allQuestions(form).map((q) => q.question.bind).filter(Boolean);
    expect(binds).toEqual(expect.arrayContaining(["title", "amount_requested"]));
  });
});

describe("the Reach Fund form", () => {
  const crf = FORMS.find((f) => f.fundCode === "CRF")!;

  it("has the sections the fund asks for, in order", () => {
    expect(crf.sections.map((s) => s.title)).toEqual(["About your group", "Your activity", "Who benefits", "Where it happens", "Your budget", "Other funding", "Declarations"]);
  });

  it("asks about both age groups, caps the request at £1,000 and binds the project postcode", () => {
    const q = Object.fromEntries(allQuestions(crf).map(({ question }) => [question.id, question]));
    expect(q.age_groups.type === "checkboxes" && q.age_groups.options.map((o) => o.label)).toEqual(["Children and young people (0 to 18)", "Adults (19 and over)"]);
    expect(q.amount_requested.type === "money" && q.amount_requested.maxPence).toBe(100_000);
    expect(q.project_postcode.bind).toBe("project_postcode");
    expect(q.other_funding.type === "repeating" && q.other_funding.columns.map((c) => c.id)).toEqual(["funder", "amount", "status"]);
  });

  it("shows answers the way people read them", () => {
    const q = Object.fromEntries(allQuestions(crf).map(({ question }) => [question.id, question]));
    expect(displayAnswer(q.amount_requested, 100_000)).toEqual(["£1,000"]);
    expect(displayAnswer(q.start_date, "2027-04-01")).toEqual(["1 April 2027"]);
    expect(displayAnswer(q.age_groups, ["0_18", "19_plus"])).toEqual(["Children and young people (0 to 18)", "Adults (19 and over)"]);
    expect(displayAnswer(q.other_funding, [{ funder: "Parish council", amount: 25_000, status: "secured" }])).toEqual(["Parish council, £250, Secured"]);
    expect(displayAnswer(q.group_bank_account, { answer: "no", details: "Through our parish council" })).toEqual(["No", "Through our parish council"]);
  });
});

describe("the eligibility question about the type of group", () => {
  it("answers with the portal's organisation types, so an answer can fill in the group's profile", async () => {
    const { FUNDS } = await import("~db/seeds/config");
    const { ORG_TYPES } = await import("~/domain/organisations/identifiers");
    const types = new Set<string>(ORG_TYPES.map((t) => t.value));
    for (const fund of FUNDS) {
      const q = fund.eligibility.find((e) => e.key === "group_type")!;
      expect(q.options.map((o) => o.value).filter((v) => !types.has(v))).toEqual(["individual"]);
    }
  });
});
