/** References, deadlines and the Reach Fund cap, as DESIGN.md defines them. */
import { describe, expect, it } from "vitest";
import { checkCap, committedPence, deadlineFor, formatReference, isPastDeadline } from "~/domain/applications/submission.rules";
import { progressFor } from "~/domain/applications/progress";
import { APPLICATION_STATES, OUTLINE_STATES } from "~/domain/applications/workflow";

describe("references", () => {
  it("are the fund's code, the financial year's first year and five digits", () => {
    expect(formatReference("CRF", 2026, 42)).toBe("CRF-2026-00042");
    expect(formatReference("CIF", 2027, 99_999)).toBe("CIF-2027-99999");
    expect(() => formatReference("CRF", 2026, 0)).toThrow(RangeError);
    expect(() => formatReference("CRF", 2026, 100_000)).toThrow(RangeError);
  });
});

describe("the Reach Fund cap", () => {
  const cap = 100_000;
  const app = (status: string, requested: number, awarded: number | null = null) => ({ status, amountRequestedPence: requested, amountAwardedPence: awarded });

  it("counts what open applications ask for and what grants gave; drafts, withdrawn, ineligible and declined count nothing", () => {
    expect(
      committedPence([
        app("submitted", 10_000),
        app("more_information", 1_000),
        app("eligible", 100),
        app("in_review", 10),
        app("deferred", 1),
        app("awarded", 90_000, 20_000),
        app("offered", 90_000, 2_000),
        app("accepted", 90_000, 200),
        app("monitoring", 90_000, 20),
        app("closed", 90_000, 2),
        app("draft", 50_000),
        app("withdrawn", 50_000),
        app("ineligible", 50_000),
        app("declined", 50_000),
        app("offer_declined", 50_000, 50_000),
      ]),
    ).toBe(11_111 + 22_222);
  });

  it("allows £1,000 exactly and refuses £1,000.01, saying how much is left", () => {
    expect(checkCap(cap, [app("submitted", 60_000)], 40_000)).toEqual({ ok: true });
    expect(checkCap(cap, [app("submitted", 60_000)], 40_001)).toEqual({ ok: false, remainingPence: 40_000, committedPence: 60_000 });
    expect(checkCap(cap, [app("awarded", 90_000, 100_000)], 1)).toEqual({ ok: false, remainingPence: 0, committedPence: 100_000 });
    expect(checkCap(null, [app("awarded", 90_000, 100_000)], 5_000_000)).toEqual({ ok: true });
  });
});

describe("deadlines", () => {
  const round = { roundClosesAt: "2027-03-31T16:00:00.000Z", roundFullApplicationDeadline: "2027-06-15T16:00:00.000Z", applicationDeadline: null, extensionClosesAt: null };
  it("is the round's closing time, the full-application deadline for full applications, or an application's own", () => {
    expect(deadlineFor({ ...round, stage: "single" })).toEqual({ closesAt: round.roundClosesAt, extended: false });
    expect(deadlineFor({ ...round, stage: "full" })).toEqual({ closesAt: round.roundFullApplicationDeadline, extended: false });
    expect(deadlineFor({ ...round, stage: "full", applicationDeadline: "2027-07-01T16:00:00.000Z" }).closesAt).toBe("2027-07-01T16:00:00.000Z");
  });
  it("an extension moves it later, never earlier", () => {
    expect(deadlineFor({ ...round, stage: "single", extensionClosesAt: "2027-04-14T16:00:00.000Z" })).toEqual({ closesAt: "2027-04-14T16:00:00.000Z", extended: true });
    expect(deadlineFor({ ...round, stage: "single", extensionClosesAt: "2027-01-01T16:00:00.000Z" })).toEqual({ closesAt: round.roundClosesAt, extended: false });
  });
  it("a round is open until, not including, its closing time", () => {
    expect(isPastDeadline("2027-03-31T16:00:00.000Z", "2027-03-31T15:59:59.999Z")).toBe(false);
    expect(isPastDeadline("2027-03-31T16:00:00.000Z", "2027-03-31T16:00:00.000Z")).toBe(true);
  });
});

describe("what a group is told", () => {
  it("every state of every stage has a tag and a next step in plain words", () => {
    for (const [stage, states] of [["single", APPLICATION_STATES], ["full", APPLICATION_STATES], ["outline", OUTLINE_STATES]] as const) {
      for (const state of states) {
        const p = progressFor(stage, state);
        expect(p.tag.text, `${stage} ${state}`).toMatch(/^[A-Z]/);
        expect(p.tag.classes).toMatch(/^govuk-tag--/);
        expect(p.next, `${stage} ${state}`).toMatch(/^[A-Z].+\.$/);
      }
    }
    expect(progressFor("single", "draft", "5pm on 31 March 2027").next).toContain("by 5pm on 31 March 2027");
  });
});
