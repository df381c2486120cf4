/**
 * The policy module against a cast of people and a written-out expectation for every action, so that a
 * rule that widens (an applicant reading another group's application, an adviser scoring) fails here.
 */
import { describe, expect, it } from "vitest";
import {
  assertCan,
  can,
  coordinatorDistricts,
  ForbiddenError,
  workflowActorsFor,
  type Actor,
  type ApplicationAction,
  type ApplicationFacts,
  type FundAction,
  type OrganisationAction,
  type OrganisationFacts,
  type RoundAction,
  type ServiceAction,
} from "~/domain/access/policy";

const FUND = 1;
const OTHER_FUND = 2;
const ROUND = 10;
const OTHER_ROUND = 11;
const GROUP = 100;
const OTHER_GROUP = 200;
const FENLAND = "E07000010";
const CAMBRIDGE = "E07000008";

const cast = {
  groupAdmin: { userId: 1, grants: [], memberships: [{ organisationId: GROUP, role: "admin" }] },
  leadMember: { userId: 2, grants: [], memberships: [{ organisationId: GROUP, role: "member" }] },
  member: { userId: 3, grants: [], memberships: [{ organisationId: GROUP, role: "member" }] },
  otherGroupAdmin: { userId: 4, grants: [], memberships: [{ organisationId: OTHER_GROUP, role: "admin" }] },
  fundAdmin: { userId: 5, grants: [{ role: "administrator", scope: "fund", fundId: FUND }], memberships: [] },
  otherFundAdmin: { userId: 6, grants: [{ role: "administrator", scope: "fund", fundId: OTHER_FUND }], memberships: [] },
  coordinator: { userId: 7, grants: [{ role: "coordinator", scope: "district", districtCode: FENLAND }], memberships: [] },
  otherCoordinator: { userId: 8, grants: [{ role: "coordinator", scope: "district", districtCode: CAMBRIDGE }], memberships: [] },
  panelMember: { userId: 9, grants: [{ role: "panel_member", scope: "round", roundId: ROUND }], memberships: [] },
  otherPanelMember: { userId: 10, grants: [{ role: "panel_member", scope: "round", roundId: OTHER_ROUND }], memberships: [] },
  adviser: { userId: 11, grants: [{ role: "adviser", scope: "round", roundId: ROUND }], memberships: [] },
  serviceAdmin: { userId: 12, grants: [{ role: "service_admin", scope: "all" }], memberships: [] },
  nobody: { userId: 13, grants: [], memberships: [] },
} satisfies Record<string, Actor>;

type Who = keyof typeof cast;
const EVERYONE = Object.keys(cast) as Who[];

function application(status: string): ApplicationFacts {
  return {
    kind: "application",
    id: 1000,
    organisationId: GROUP,
    fundId: FUND,
    roundId: ROUND,
    districtCode: FENLAND,
    organisationDistrictCode: FENLAND,
    leadContactUserId: cast.leadMember.userId,
    status,
  };
}

const GROUP_PEOPLE: Who[] = ["groupAdmin", "leadMember", "member"];
const ADMINS: Who[] = ["fundAdmin", "serviceAdmin"];

/** Who may do each action to an application, by status. */
const APPLICATION_EXPECTED: Record<string, Partial<Record<ApplicationAction, Who[]>>> = {
  draft: {
    "application.view": [...GROUP_PEOPLE, ...ADMINS, "coordinator"],
    "application.edit": GROUP_PEOPLE,
    "application.submit": ["groupAdmin", "leadMember"],
    "application.withdraw": ["groupAdmin", "leadMember"],
    "application.change_lead": ["groupAdmin"],
    "application.screen": ADMINS,
    "application.decide": ADMINS,
    "application.view_notes": ADMINS,
    "application.advise": [...ADMINS, "coordinator"],
    "application.coordinate": ["coordinator"],
    "application.reply_to_advice": GROUP_PEOPLE,
    "application.score": [],
  },
  in_review: {
    "application.view": [...GROUP_PEOPLE, ...ADMINS, "coordinator", "panelMember", "adviser"],
    "application.edit": [],
    "application.submit": ["groupAdmin", "leadMember"],
    "application.withdraw": ["groupAdmin", "leadMember"],
    "application.change_lead": ["groupAdmin"],
    "application.screen": ADMINS,
    "application.decide": ADMINS,
    "application.view_notes": ADMINS,
    "application.view_as_staff": ADMINS,
    "application.add_note": ADMINS,
    "application.advise": [...ADMINS, "coordinator", "adviser"],
    "application.coordinate": ["coordinator"],
    "application.reply_to_advice": GROUP_PEOPLE,
    "application.score": ["panelMember"],
  },
  more_information: {
    "application.view": [...GROUP_PEOPLE, ...ADMINS, "coordinator"],
    "application.edit": GROUP_PEOPLE,
    "application.score": [],
  },
  awarded: {
    "application.view": [...GROUP_PEOPLE, ...ADMINS, "coordinator", "panelMember", "adviser"],
    "application.edit": [],
    "application.score": [],
  },
};

describe("applications", () => {
  for (const [status, actions] of Object.entries(APPLICATION_EXPECTED)) {
    for (const [action, allowed] of Object.entries(actions) as [ApplicationAction, Who[]][]) {
      it(`${action} on a ${status} application: only ${allowed.join(", ") || "nobody"}`, () => {
        for (const who of EVERYONE) {
          expect(can(cast[who], action, application(status)), `${who} ${action} (${status})`).toBe(allowed.includes(who));
        }
        expect(can(null, action, application(status)), "someone not signed in").toBe(false);
      });
    }
  }

  it("a coordinator sees the applications whose activity is in their district, falling back to the group's", () => {
    const inCambridge = { ...application("submitted"), districtCode: CAMBRIDGE }; // a Fenland group, working in Cambridge
    expect(can(cast.otherCoordinator, "application.view", inCambridge)).toBe(true);
    expect(can(cast.coordinator, "application.view", inCambridge)).toBe(false);
    const notYetPlaced = { ...application("draft"), districtCode: null };
    expect(can(cast.coordinator, "application.view", notYetPlaced)).toBe(true);
    expect(can(cast.otherCoordinator, "application.view", notYetPlaced)).toBe(false);
  });

  it("a coordinator who belongs to the applying group cannot coordinate its application", () => {
    const both: Actor = { userId: 61, grants: [{ role: "coordinator", scope: "district", districtCode: FENLAND }], memberships: [{ organisationId: GROUP, role: "member" }] };
    expect(can(both, "application.coordinate", application("draft"))).toBe(false);
    expect(can(both, "application.reply_to_advice", application("draft"))).toBe(true);
  });

  it("a coordinator's districts: their district grants, or all for a countywide grant", () => {
    expect(coordinatorDistricts(cast.coordinator)).toEqual([FENLAND]);
    expect(coordinatorDistricts(cast.fundAdmin)).toEqual([]);
    expect(coordinatorDistricts({ userId: 62, grants: [{ role: "coordinator", scope: "all" }], memberships: [] })).toBe("all");
    expect(coordinatorDistricts(null)).toEqual([]);
  });

  it("an administrator who belongs to the applying group cannot screen or decide its application", () => {
    const both: Actor = { userId: 60, grants: [{ role: "administrator", scope: "fund", fundId: FUND }], memberships: [{ organisationId: GROUP, role: "member" }] };
    expect(can(both, "application.view", application("submitted"))).toBe(true);
    expect(can(both, "application.screen", application("submitted"))).toBe(false);
    expect(can(both, "application.decide", application("in_review"))).toBe(false);
    expect(can(both, "application.view_as_staff", application("submitted"))).toBe(false);
    expect(can(both, "application.add_note", application("submitted"))).toBe(false);
    expect(workflowActorsFor(both, application("submitted"))).toEqual([]);
  });

  it("changing an id is not enough: the same person cannot see another group's application", () => {
    const theirs = { ...application("submitted"), organisationId: OTHER_GROUP, leadContactUserId: cast.otherGroupAdmin.userId };
    expect(can(cast.groupAdmin, "application.view", theirs)).toBe(false);
    expect(can(cast.leadMember, "application.edit", { ...theirs, status: "draft", leadContactUserId: cast.leadMember.userId })).toBe(false);
  });

  it("a lead contact who has left the group can no longer submit", () => {
    const app = application("draft");
    const departed: Actor = { ...cast.leadMember, memberships: [] };
    expect(can(departed, "application.submit", app)).toBe(false);
  });

  it("assertCan throws a 403 ForbiddenError", () => {
    expect(() => assertCan(cast.member, "application.submit", application("draft"))).toThrow(ForbiddenError);
    expect(() => assertCan(cast.groupAdmin, "application.submit", application("draft"))).not.toThrow();
  });

  it("maps people to workflow actors", () => {
    expect(workflowActorsFor(cast.groupAdmin, application("draft"))).toEqual(["applicant_lead"]);
    expect(workflowActorsFor(cast.leadMember, application("draft"))).toEqual(["applicant_lead"]);
    expect(workflowActorsFor(cast.member, application("draft"))).toEqual([]);
    expect(workflowActorsFor(cast.fundAdmin, application("submitted"))).toEqual(["administrator"]);
    expect(workflowActorsFor(cast.serviceAdmin, application("submitted"))).toEqual(["administrator"]);
    expect(workflowActorsFor(cast.otherFundAdmin, application("submitted"))).toEqual([]);
    expect(workflowActorsFor(cast.panelMember, application("in_review"))).toEqual([]);
    expect(workflowActorsFor(null, application("draft"))).toEqual([]);
  });
});

describe("groups", () => {
  const org: OrganisationFacts = { kind: "organisation", id: GROUP, districtCode: FENLAND, fundIdsAppliedTo: [FUND] };
  const expected: Record<OrganisationAction, Who[]> = {
    "organisation.view": [...GROUP_PEOPLE, ...ADMINS, "coordinator"],
    "organisation.edit": ["groupAdmin"],
    "organisation.manage_members": ["groupAdmin"],
    "organisation.start_application": GROUP_PEOPLE,
  };
  for (const [action, allowed] of Object.entries(expected) as [OrganisationAction, Who[]][]) {
    it(`${action}: only ${allowed.join(", ")}`, () => {
      for (const who of EVERYONE) expect(can(cast[who], action, org), `${who} ${action}`).toBe(allowed.includes(who));
    });
  }

  it("a fund's administrators do not see groups that have not applied to their fund", () => {
    expect(can(cast.fundAdmin, "organisation.view", { ...org, fundIdsAppliedTo: [] })).toBe(false);
  });
});

describe("funds, rounds and the service", () => {
  it("only a fund's administrators and service administrators manage a fund", () => {
    const actions: FundAction[] = ["fund.view_applications", "fund.edit", "fund.edit_forms", "fund.manage_rounds", "fund.manage_budgets", "fund.export"];
    for (const action of actions) {
      for (const who of EVERYONE) {
        expect(can(cast[who], action, { kind: "fund", id: FUND }), `${who} ${action}`).toBe(ADMINS.includes(who));
      }
    }
  });

  it("an administrator scoped to every fund manages any fund", () => {
    const allFunds: Actor = { userId: 50, grants: [{ role: "administrator", scope: "all" }], memberships: [] };
    expect(can(allFunds, "fund.edit", { kind: "fund", id: 99 })).toBe(true);
    expect(can(allFunds, "service.create_fund", { kind: "service" })).toBe(false);
  });

  it("rounds: the panel, advisers and the district's coordinator see the round's applications; only administrators edit it", () => {
    const round = { kind: "round", id: ROUND, fundId: FUND, districtCode: FENLAND } as const;
    const view: Who[] = [...ADMINS, "panelMember", "adviser", "coordinator"];
    const expected: Record<RoundAction, Who[]> = { "round.view_applications": view, "round.edit": ADMINS };
    for (const [action, allowed] of Object.entries(expected) as [RoundAction, Who[]][]) {
      for (const who of EVERYONE) expect(can(cast[who], action, round), `${who} ${action}`).toBe(allowed.includes(who));
    }
  });

  it("service-wide actions", () => {
    const expected: Record<ServiceAction, Who[]> = {
      "service.create_fund": ["serviceAdmin"],
      "service.manage_staff": ["serviceAdmin"],
      "service.view_outbox": ["serviceAdmin"],
      "service.view_audit_log": ["serviceAdmin"],
      "service.manage_deprivation": ["serviceAdmin"],
    };
    for (const [action, allowed] of Object.entries(expected) as [ServiceAction, Who[]][]) {
      for (const who of EVERYONE) {
        expect(can(cast[who], action, { kind: "service" }), `${who} ${action}`).toBe(allowed.includes(who));
      }
    }
  });
});
