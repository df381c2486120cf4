/** "Check if you can apply" as rules: the seeded questions, asked in order, with the answers in the address. */
import { describe, expect, it } from "vitest";
import { FUNDS } from "~db/seeds/config";
import { answer, answersFrom, nextStep, queryBefore, type EligibilityQuestion } from "~/domain/funds/eligibility";

const reach: EligibilityQuestion[] = FUNDS.find((f) => f.code === "CRF")!.eligibility.map((q) => ({
  key: q.key,
  question: q.question,
  hint: q.hint ?? null,
  options: q.options,
  excluding: q.excluding,
  ineligibleMessage: q.ineligibleMessage,
}));

describe("check if you can apply", () => {
  it("asks the questions in order, and says a group can apply when no answer rules it out", () => {
    expect(nextStep(reach, {})).toMatchObject({ kind: "question", index: 0, question: { key: "group_type" } });
    expect(nextStep(reach, { group_type: "charity" })).toMatchObject({ kind: "question", question: { key: "in_cambridgeshire" } });
    expect(nextStep(reach, { group_type: "charity", in_cambridgeshire: "yes", amount: "up_to_1000", purpose: "community_activity" })).toEqual({ kind: "eligible" });
  });

  it("one answer rules a group out, with that question's message", () => {
    const step = nextStep(reach, { group_type: "charity", in_cambridgeshire: "yes", amount: "over_1000" });
    expect(step.kind).toBe("ineligible");
    if (step.kind === "ineligible") expect(step.question.ineligibleMessage).toContain("Cambridgeshire Communities Innovation Fund");
    expect(nextStep(reach, { group_type: "individual" })).toMatchObject({ kind: "ineligible", question: { key: "group_type" } });
  });

  it("reads only real answers to real questions from the address", () => {
    const params = new URLSearchParams("group_type=charity&in_cambridgeshire=maybe&admin=1&amount=up_to_1000");
    expect(answersFrom(params, reach)).toEqual({ group_type: "charity", amount: "up_to_1000" });
  });

  it("a choice that is not one of the options is refused with a message", () => {
    expect(answer(reach[0], "", {})).toEqual({ ok: false, message: "Select the answer that applies to your group" });
    expect(answer(reach[0], "pirate_ship", {})).toMatchObject({ ok: false });
    expect(answer(reach[0], "cic", { in_cambridgeshire: "yes" })).toEqual({ ok: true, answers: { in_cambridgeshire: "yes", group_type: "cic" } });
  });

  it("carries the answers given before a question, in order, for its address", () => {
    const answers = { purpose: "lever_funding", group_type: "school", in_cambridgeshire: "yes" };
    expect(queryBefore(reach, answers, "amount")).toBe("?group_type=school&in_cambridgeshire=yes");
    expect(queryBefore(reach, answers, "group_type")).toBe("");
    expect(queryBefore(reach, answers)).toBe("?group_type=school&in_cambridgeshire=yes&purpose=lever_funding");
  });
});
