/** The form engine's reading of every question type, from the raw fields a browser sends. */
import { describe, expect, it } from "vitest";
import type { Page, Question, Section } from "~/domain/forms/definition";
import { pageValues, rawFor, sectionStatus } from "~/domain/forms/answers";
import { pageSchema, readPage, tidyPostcode } from "~/domain/forms/schema";

const page = (...questions: Question[]): Page => ({ key: "p", questions });

describe("reading a page", () => {
  it("text: trimmed, required, at most its length", () => {
    const p = page({ id: "title", type: "text", label: "What is the name of your project?", required: true, maxLength: 10 });
    expect(readPage(p, { title: "  Larder  " })).toEqual({ ok: true, answers: { title: "Larder" } });
    expect(readPage(p, { title: " " })).toEqual({ ok: false, errors: { title: "Enter what is the name of your project" } });
    expect(readPage(p, { title: "x".repeat(11) })).toEqual({ ok: false, errors: { title: "What is the name of your project must be 10 characters or fewer" } });
  });

  it("uses a question's short name in messages when it has one", () => {
    const p = page({ id: "title", type: "text", label: "What is the name of your project?", short: "the name of your project", required: true });
    expect(readPage(p, {})).toEqual({ ok: false, errors: { title: "Enter the name of your project" } });
  });

  it("textarea: counts words as a person would, and keeps line breaks", () => {
    const p = page({ id: "summary", type: "textarea", label: "Summary", short: "your summary", required: true, wordLimit: 3 });
    expect(readPage(p, { summary: "one\r\ntwo three" })).toEqual({ ok: true, answers: { summary: "one\ntwo three" } });
    expect(readPage(p, { summary: "one two three four" })).toEqual({ ok: false, errors: { summary: "Your summary must be 3 words or fewer. You have 1 word too many" } });
  });

  it("number and money: strict", () => {
    const p = page(
      { id: "people", type: "number", label: "How many people?", short: "how many people", required: true, min: 1 },
      { id: "amount", type: "money", label: "How much?", short: "the amount", required: true, maxPence: 100_000 },
    );
    expect(readPage(p, { people: "1,200", amount: "£1,000.00" })).toEqual({ ok: true, answers: { people: 1200, amount: 100_000 } });
    expect(readPage(p, { people: "2.5", amount: "1000.01" })).toEqual({
      ok: false,
      errors: { people: "How many people must be a whole number, like 25", amount: "The amount must be £1,000 or less" },
    });
  });

  it("date: three boxes, a real date, the error on the box that is wrong", () => {
    const p = page({ id: "start", type: "date", label: "When will it start?", short: "the start date", required: true });
    expect(readPage(p, { "start-day": "1", "start-month": "4", "start-year": "2027" })).toEqual({ ok: true, answers: { start: "2027-04-01" } });
    expect(readPage(p, { "start-day": "31", "start-month": "2", "start-year": "2027" })).toEqual({ ok: false, errors: { "start-day": "The start date must be a real date" } });
    expect(readPage(p, { "start-day": "1", "start-month": "2", "start-year": "" })).toEqual({ ok: false, errors: { "start-year": "The start date must include a year" } });
  });

  it("radios, select and checkboxes: only the options offered", () => {
    const options = [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ];
    const p = page(
      { id: "one", type: "radios", label: "One", required: true, options },
      { id: "many", type: "checkboxes", label: "Many", required: true, options },
    );
    expect(readPage(p, { one: "b", many: ["b", "a", "b"] })).toEqual({ ok: true, answers: { one: "b", many: ["a", "b"] } });
    expect(readPage(p, { one: "z", many: ["a", "<script>"] })).toEqual({ ok: false, errors: { one: "Select one", many: "Select many" } });
    expect(readPage(p, {})).toEqual({ ok: false, errors: { one: "Select one", many: "Select many" } });
  });

  it("yes/no with a follow-up asked only for the answer that needs it", () => {
    const p = page({
      id: "policy",
      type: "yes_no",
      label: "Do you have a safeguarding policy?",
      required: true,
      followUp: { label: "When will you have one?", short: "when you will have one", when: "no", wordLimit: 20 },
    });
    expect(readPage(p, { policy: "yes", "policy-details": "ignored" })).toEqual({ ok: true, answers: { policy: { answer: "yes" } } });
    expect(readPage(p, { policy: "no" })).toEqual({ ok: false, errors: { "policy-details": "Enter when you will have one" } });
    expect(readPage(p, { policy: "no", "policy-details": "By March" })).toEqual({ ok: true, answers: { policy: { answer: "no", details: "By March" } } });
    expect(readPage(p, {})).toEqual({ ok: false, errors: { policy: "Select yes or no" } });
  });

  it("postcode and address: tidied, and refused when not a postcode", () => {
    expect(tidyPostcode("pe131jr")).toBe("PE13 1JR");
    expect(tidyPostcode("PE13  1JR")).toBe("PE13 1JR");
    expect(tidyPostcode("not a postcode")).toBeNull();
    const p = page({ id: "where", type: "address", label: "Where will it happen?", short: "the address", required: true });
    expect(readPage(p, { "where-line1": "Village Hall", "where-town": "Histon", "where-postcode": "cb249lu" })).toEqual({
      ok: true,
      answers: { where: { line1: "Village Hall", line2: "", town: "Histon", postcode: "CB24 9LU" } },
    });
    expect(readPage(p, { "where-line1": "Village Hall", "where-postcode": "nowhere" })).toEqual({
      ok: false,
      errors: { "where-town": "Enter town or city", "where-postcode": "Enter a real postcode, like PE13 1JR" },
    });
  });

  it("repeating rows: empty rows dropped, each cell checked, messages name the row", () => {
    const p = page({
      id: "budget",
      type: "repeating",
      label: "Budget",
      required: true,
      addLabel: "Add another item",
      columns: [
        { id: "item", label: "Item", type: "text" },
        { id: "cost", label: "Cost", type: "money" },
      ],
    });
    expect(readPage(p, { "budget-0-item": "Hall hire", "budget-0-cost": "250", "budget-1-item": "", "budget-1-cost": "", "budget-2-item": "Food", "budget-2-cost": "£100.50" })).toEqual({
      ok: true,
      answers: { budget: [{ item: "Hall hire", cost: 25_000 }, { item: "Food", cost: 10_050 }] },
    });
    expect(readPage(p, { "budget-0-item": "Hall hire", "budget-0-cost": "lots" })).toEqual({
      ok: false,
      errors: { "budget-0-cost": "The cost in row 1 must be an amount of money, like £1,000 or £1,000.50" },
    });
    expect(readPage(p, {})).toEqual({ ok: false, errors: { "budget-0-item": "Enter at least one item" } });
  });

  it("reads only its own questions: other posted fields are ignored", () => {
    const p = page({ id: "title", type: "text", label: "Title", required: true });
    expect(readPage(p, { title: "A", status: "awarded", organisation_id: "7" })).toEqual({ ok: true, answers: { title: "A" } });
  });

  it("is a zod schema whose issues are keyed by field name", () => {
    const result = pageSchema(page({ id: "amount", type: "money", label: "Amount", required: true })).safeParse({ amount: "1e309" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["amount"]]);
  });
});

describe("stored answers", () => {
  const section: Section = {
    key: "funding",
    title: "Funding",
    pages: [
      { key: "amount", questions: [{ id: "amount", type: "money", label: "Amount", required: true }] },
      { key: "start", questions: [{ id: "start", type: "date", label: "Start", required: false }] },
    ],
  };

  it("turn back into what the person typed", () => {
    expect(rawFor(section.pages[0].questions[0], 100_050)).toEqual({ amount: "1,000.50" });
    expect(rawFor(section.pages[1].questions[0], "2027-04-01")).toEqual({ "start-day": "1", "start-month": "4", "start-year": "2027" });
  });

  it("show what was typed but not yet accepted, over what is stored", () => {
    expect(pageValues(section.pages[0].questions, { answers: { amount: 500, _raw: { amount: "five hundred" } } })).toEqual({ amount: "five hundred" });
  });

  it("give each section its status", () => {
    expect(sectionStatus(section, null)).toBe("not_started");
    expect(sectionStatus(section, { answers: {} })).toBe("not_started");
    expect(sectionStatus(section, { answers: { start: "2027-04-01" } })).toBe("in_progress");
    expect(sectionStatus(section, { answers: { amount: 500, _raw: { "start-day": "31" } } })).toBe("in_progress");
    expect(sectionStatus(section, { answers: { amount: 500 } })).toBe("completed");
  });
});

describe("rules across questions", () => {
  const budget: Page = {
    key: "lines",
    questions: [
      {
        id: "budget_lines",
        type: "repeating",
        label: "Budget",
        required: true,
        addLabel: "Add another item",
        columns: [
          { id: "item", label: "Item", type: "text" },
          { id: "cost", label: "Cost", type: "money" },
        ],
        mustTotal: { column: "cost", question: "amount_requested" },
      },
    ],
  };

  it("budget lines must add up to the amount asked for", async () => {
    const { checkTotals } = await import("~/domain/forms/schema");
    const lines = [{ item: "Hall", cost: 60_000 }, { item: "Food", cost: 35_000 }];
    expect(checkTotals(budget, { budget_lines: lines, amount_requested: 95_000 })).toEqual({});
    expect(checkTotals(budget, { budget_lines: lines, amount_requested: 100_000 })).toEqual({
      "budget_lines-0-item": "The items must add up to £1,000, the amount you are asking for. They add up to £950",
    });
    expect(checkTotals(budget, { budget_lines: lines })).toEqual({}); // nothing to compare with yet
  });
});
