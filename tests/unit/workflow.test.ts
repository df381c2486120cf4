/**
 * Every transition of ../shared/DESIGN.md, written out here independently of the module, and every other
 * (stage, state, action, actor) combination checked to be refused.
 */
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  WORKFLOW_ACTORS,
  availableTransitions,
  checkTransition,
  isEditable,
  isFinal,
  statesFor,
  type Stage,
  type WorkflowActor,
} from "~/domain/applications/workflow";

type Row = [from: string, action: string, to: string, by: WorkflowActor[]];

const A: WorkflowActor[] = ["administrator"];
const L: WorkflowActor[] = ["applicant_lead"];

/** Submitting and screening are the same at every stage. */
const SCREENING_ALLOWED: Row[] = [
  ["draft", "submit", "submitted", L],
  ["submitted", "mark_eligible", "eligible", A],
  ["submitted", "mark_ineligible", "ineligible", A],
  ["submitted", "request_information", "more_information", A],
  ["eligible", "request_information", "more_information", A],
  ["more_information", "resubmit", "submitted", L],
];

const APPLICATION_ALLOWED: Row[] = [
  ...SCREENING_ALLOWED,
  ["eligible", "open_panel", "in_review", A],
  ["in_review", "award", "awarded", A],
  ["in_review", "decline", "declined", A],
  ["in_review", "defer", "deferred", A],
  ["deferred", "return_to_panel", "in_review", A],
  ["awarded", "issue_letter", "offered", A],
  ["offered", "accept_offer", "accepted", L],
  ["offered", "decline_offer", "offer_declined", L],
  ["accepted", "start_monitoring", "monitoring", ["administrator", "system"]],
  ["monitoring", "accept_report", "closed", A],
  ...["draft", "submitted", "more_information", "eligible", "in_review", "deferred"].map(
    (from): Row => [from, "withdraw", "withdrawn", L],
  ),
];

const OUTLINE_ALLOWED: Row[] = [
  ...SCREENING_ALLOWED,
  ["eligible", "invite", "invited", A],
  ["eligible", "advise_strengthening", "strengthen", A],
  ["eligible", "signpost", "signposted", A],
  ["eligible", "decline_outline", "declined", A],
  ...["draft", "submitted", "more_information", "eligible"].map((from): Row => [from, "withdraw", "withdrawn", L]),
];

const EXPECTED: Record<Stage, Row[]> = { single: APPLICATION_ALLOWED, full: APPLICATION_ALLOWED, outline: OUTLINE_ALLOWED };

function expected(stage: Stage, from: string, action: string, actor: WorkflowActor): Row | undefined {
  return EXPECTED[stage].find((r) => r[0] === from && r[1] === action && r[3].includes(actor));
}

describe.each(["single", "full", "outline"] as Stage[])("the %s workflow", (stage) => {
  const combos = statesFor(stage).flatMap((from) =>
    ACTIONS.flatMap((action) => WORKFLOW_ACTORS.map((actor) => ({ from, action, actor }))),
  );

  it("allows exactly the transitions of the design, to the right state, and refuses every other", () => {
    let allowed = 0;
    for (const { from, action, actor } of combos) {
      const row = expected(stage, from, action, actor);
      const result = checkTransition(stage, from, action, [actor], "a reason");
      if (row) {
        allowed++;
        expect(result, `${stage}: ${actor} ${action} from ${from}`).toMatchObject({ ok: true, transition: { to: row[2] } });
      } else {
        expect(result.ok, `${stage}: ${actor} must not ${action} from ${from}`).toBe(false);
      }
    }
    expect(allowed).toBe(EXPECTED[stage].reduce((n, r) => n + r[3].length, 0));
  });

  it("says why a transition is refused", () => {
    expect(checkTransition(stage, "draft", "fly_to_the_moon", ["administrator"])).toMatchObject({ ok: false, reason: "unknown_action" });
    expect(checkTransition(stage, "draft", "mark_eligible", ["administrator"])).toMatchObject({
      ok: false,
      reason: "wrong_state",
      message: "Mark as eligible is not possible while the application is draft.",
    });
    expect(checkTransition(stage, "submitted", "mark_eligible", ["applicant_lead"])).toMatchObject({
      ok: false,
      reason: "not_permitted",
    });
    expect(checkTransition(stage, "draft", "submit", [])).toMatchObject({ ok: false, reason: "not_permitted" });
  });

  it("requires a reason for screening out and for asking for more information", () => {
    expect(checkTransition(stage, "submitted", "mark_ineligible", ["administrator"], "  ")).toMatchObject({
      ok: false,
      reason: "reason_required",
    });
    expect(checkTransition(stage, "submitted", "request_information", ["administrator"])).toMatchObject({
      ok: false,
      reason: "reason_required",
    });
    expect(checkTransition(stage, "submitted", "mark_ineligible", ["administrator"], "Outside Cambridgeshire").ok).toBe(true);
  });

  it("emails the group on submission and tells the fund's administrators", () => {
    const result = checkTransition(stage, "draft", "submit", ["applicant_lead"]);
    if (!result.ok) throw new Error(result.message);
    expect(result.transition.notifications).toEqual([
      { template: "application-received", to: "group" },
      { template: "new-submission", to: "fund_administrators" },
    ]);
  });

  it("sends a notification to the group for every decision it makes", () => {
    for (const row of EXPECTED[stage]) {
      const result = checkTransition(stage, row[0], row[1], row[3], "reason");
      if (!result.ok) throw new Error(result.message);
      if (result.transition.decision) {
        expect(result.transition.notifications.some((n) => n.to === "group"), row[1]).toBe(true);
      }
    }
  });

  it("lets the group edit only drafts and applications returned for more information", () => {
    const editable = statesFor(stage).filter(isEditable);
    expect(editable).toEqual(["draft", "more_information"]);
  });

  it("lists what an actor can do now", () => {
    expect(availableTransitions(stage, "submitted", ["administrator"]).map((t) => t.action).sort()).toEqual(
      ["mark_eligible", "mark_ineligible", "request_information"].sort(),
    );
    expect(availableTransitions(stage, "submitted", ["applicant_lead"]).map((t) => t.action)).toEqual(["withdraw"]);
  });
});

describe("final states", () => {
  it("nothing leaves a closed, withdrawn, declined or offer-declined application", () => {
    for (const s of ["closed", "withdrawn", "declined", "offer_declined", "ineligible"] as const) {
      expect(isFinal("single", s), s).toBe(true);
    }
    expect(isFinal("single", "deferred")).toBe(false);
  });

  it("an outline's outcomes are final for that record (a revised outline or full application is a new record)", () => {
    for (const s of ["invited", "strengthen", "signposted", "declined", "withdrawn", "ineligible"] as const) {
      expect(isFinal("outline", s), s).toBe(true);
    }
  });
});
