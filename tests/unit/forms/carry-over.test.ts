/** The outline's answers carried into the full application, by the questions both forms ask. */
import { describe, expect, it } from "vitest";
import { FORMS } from "~db/seeds/forms";
import { carryOver } from "~/domain/forms/carry-over";
import type { FormDefinition } from "~/domain/forms/definition";

const outline = FORMS.find((f) => f.fundCode === "CIF" && f.stage === "outline")!;
const full = FORMS.find((f) => f.fundCode === "CIF" && f.stage === "full")!;

describe("carrying answers over", () => {
  it("copies every answer to a question both forms ask into the section of the new form that asks it", () => {
    const answers = new Map<string, Record<string, unknown>>([
      ["group", { group_name: "Ramsey Timebank", contact_name: "Maria Costa", contact_phone: "01487 000000" }],
      ["proposal", { project_title: "Timebanks for all", target_area: "Countywide", project_postcode: "PE26 1HA", objective: "Expand timebanks.", target_beneficiaries: "Older people.", summary: "A summary." }],
      ["impact", { resilience: "Neighbours help neighbours.", wellbeing: "Less loneliness." }],
      ["funding", { amount_requested: 2_500_000 }],
    ]);
    const carried = carryOver(outline, answers, full);
    expect(Object.fromEntries(carried)).toEqual({
      group: { group_name: "Ramsey Timebank", contact_name: "Maria Costa", contact_phone: "01487 000000" },
      proposal: { project_title: "Timebanks for all", target_area: "Countywide", objective: "Expand timebanks.", target_beneficiaries: "Older people.", summary: "A summary." },
      budget: { amount_requested: 2_500_000 },
    });
  });

  it("leaves out answers to questions of another type, files, and sections with nothing to carry", () => {
    const from: FormDefinition = { sections: [{ key: "a", title: "A", pages: [{ key: "p", questions: [{ id: "x", type: "text", label: "X" }, { id: "doc", type: "file", label: "Doc" }] }] }] };
    const to: FormDefinition = { sections: [{ key: "b", title: "B", pages: [{ key: "p", questions: [{ id: "x", type: "textarea", label: "X" }, { id: "doc", type: "file", label: "Doc" }] }] }] };
    expect(carryOver(from, new Map([["a", { x: "words", doc: [{ id: 1, name: "c.pdf" }] }]]), to).size).toBe(0);
  });

  it("copies values, so changing the full application never changes the outline", () => {
    const rows = [{ item: "Hall hire", cost: 10_000 }];
    const form: FormDefinition = { sections: [{ key: "s", title: "S", pages: [{ key: "p", questions: [{ id: "rows", type: "repeating", label: "Rows", addLabel: "Add", columns: [{ id: "item", label: "Item", type: "text" }] }] }] }] };
    const carried = carryOver(form, new Map([["s", { rows }]]), form);
    (carried.get("s")!.rows as { item: string }[])[0].item = "changed";
    expect(rows[0].item).toBe("Hall hire");
  });
});
