/**
 * Groups and staff against a real database, with the outside services (postcodes.io, the Charity
 * Commission, Companies House) answered by msw: every rule of the issue, and the bad inputs it names.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { fromJson } from "~db/json";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "~db/seeds/index";
import { signIn } from "~/domain/accounts/accounts.server";
import { readSession } from "~/domain/accounts/sessions.server";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import * as groups from "~/domain/organisations/organisations.server";
import * as staff from "~/domain/staff/staff.server";
import { handlers } from "../mocks";
import { POSTCODES_BASE_URL } from "../mocks/postcodes";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;
const server = setupServer(...handlers);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await seedDemo(db());
});
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllEnvs();
});
afterAll(() => server.close());

async function userId(email: string) {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function newUser(email: string, name = "Test Person") {
  const { id } = await db().insertInto("users").values({ email, full_name: name, email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
  return id;
}

const BASE: groups.GroupInput = {
  name: "March Men's Shed",
  orgType: "unincorporated",
  charityNumber: "",
  companyNumber: "",
  addressLine1: "Unit 4, Station Road",
  addressLine2: "",
  town: "March",
  postcode: "pe13 1jr",
  districtCode: "",
  confirmedNumbers: "",
};

describe("adding a group", () => {
  it("finds the district, ward and LSOA from a Cambridgeshire postcode, makes the creator its admin and gives it a 360Giving identifier", async () => {
    const me = await newUser("shed@example.org");
    const r = await groups.createGroup(db(), me, BASE, null);
    if (r.kind !== "created") throw new Error(JSON.stringify(r));
    const org = await db().selectFrom("organisations").selectAll().where("id", "=", r.organisationId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ postcode: "PE13 1JR", district_code: "E07000010", ward_code: "E05011327", lsoa_code: "E01018094", district_source: "postcode" });
    expect(org.org_identifier).toBe(`360G-cambscc-${org.id}`);
    const members = await db().selectFrom("organisation_members").selectAll().where("organisation_id", "=", org.id).execute();
    expect(members).toMatchObject([{ user_id: me, role: "admin" }]);
  });

  it("identifies a charity by its charity number and a company by its number, leading zeros kept", async () => {
    const me = await newUser("charity@example.org");
    const charity = await groups.createGroup(db(), me, { ...BASE, name: "A Charity", orgType: "charity", charityNumber: "1187654" }, null);
    if (charity.kind !== "created") throw new Error(JSON.stringify(charity));
    const cic = await groups.createGroup(db(), me, { ...BASE, name: "A CIC", orgType: "cic", companyNumber: "9876543" }, null);
    if (cic.kind !== "created") throw new Error(JSON.stringify(cic));
    const rows = await db().selectFrom("organisations").select(["id", "company_number", "org_identifier"]).where("id", "in", [charity.organisationId, cic.organisationId]).orderBy("id").execute();
    expect(rows.map((r) => r.org_identifier)).toEqual(["GB-CHC-1187654", "GB-COH-09876543"]);
    expect(rows[1].company_number).toBe("09876543");
  });

  it("says what is wrong with each field, and asks registered charities and companies for their numbers", async () => {
    const me = await newUser("empty@example.org");
    const r = await groups.createGroup(db(), me, { ...BASE, name: "", orgType: "charity", addressLine1: "", town: "", postcode: "" }, null);
    expect(r).toEqual({
      kind: "invalid",
      askDistrict: false,
      errors: {
        name: "Enter the name of your group",
        charityNumber: "Enter your charity number",
        addressLine1: "Enter the first line of your group's address",
        town: "Enter the town or city",
        postcode: "Enter your group's postcode",
      },
    });
    const bad = await groups.createGroup(db(), me, { ...BASE, orgType: "nonsense", charityNumber: "12AB", companyNumber: "XX", postcode: "NOT A CODE" }, null);
    expect(bad.kind === "invalid" && Object.keys(bad.errors).sort()).toEqual(["charityNumber", "companyNumber", "orgType", "postcode"]);
  });

  it("refuses a postcode outside Cambridgeshire, and one that does not exist", async () => {
    const me = await newUser("outside@example.org");
    const outside = await groups.createGroup(db(), me, { ...BASE, postcode: "PE1 1HQ" }, null);
    expect(outside).toMatchObject({ kind: "invalid", errors: { postcode: expect.stringMatching(/Peterborough, outside Cambridgeshire/) } });
    const unknown = await groups.createGroup(db(), me, { ...BASE, postcode: "CB99 9ZZ" }, null);
    expect(unknown).toMatchObject({ kind: "invalid", errors: { postcode: expect.stringMatching(/could not find that postcode/) } });
  });

  it.each([
    ["down", () => HttpResponse.error()],
    ["answering nonsense", () => HttpResponse.json({ status: 200, result: { postcode: "PE13 1JR" } })],
    ["failing", () => new HttpResponse("oops", { status: 502 })],
  ])("when postcodes.io is %s, the group chooses its district by hand", async (_name, answer) => {
    server.use(http.get(`${POSTCODES_BASE_URL}/postcodes/:postcode`, answer));
    const me = await newUser(`by-hand-${_name.replace(/\s/g, "-")}@example.org`);
    const first = await groups.createGroup(db(), me, BASE, null);
    expect(first).toMatchObject({ kind: "invalid", askDistrict: true, errors: { districtCode: expect.stringMatching(/Select the district/) } });
    const second = await groups.createGroup(db(), me, { ...BASE, districtCode: "E07000010" }, null);
    if (second.kind !== "created") throw new Error(JSON.stringify(second));
    const org = await db().selectFrom("organisations").selectAll().where("id", "=", second.organisationId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ district_code: "E07000010", district_source: "chosen", ward_code: null, lsoa_code: null });
  });

  it("treats a postcode look-up slower than 3 seconds as unavailable", async () => {
    server.use(
      http.get(`${POSTCODES_BASE_URL}/postcodes/:postcode`, async () => {
        await delay(3_500);
        return HttpResponse.json({});
      }),
    );
    const me = await newUser("slow@example.org");
    const r = await groups.createGroup(db(), me, BASE, null);
    expect(r).toMatchObject({ kind: "invalid", askDistrict: true });
  }, 10_000);

  it("tells plainly when a charity number is not on the register or the register is down, and lets the group carry on", async () => {
    vi.stubEnv("CHARITY_COMMISSION_API_KEY", "test-key");
    const me = await newUser("unregistered@example.org");
    const input = { ...BASE, orgType: "charity", charityNumber: "1111111" };
    const check = await groups.createGroup(db(), me, input, null);
    if (check.kind !== "check") throw new Error(JSON.stringify(check));
    expect(check.warnings.charity).toMatch(/could not find charity number 1111111/);
    const carryOn = await groups.createGroup(db(), me, { ...input, confirmedNumbers: check.confirmedNumbers }, null);
    expect(carryOn.kind).toBe("created");

    const outage = await groups.createGroup(db(), me, { ...input, charityNumber: "9999999" }, null);
    expect(outage.kind === "check" && outage.warnings.charity).toMatch(/could not check your charity number/);
    // A known, registered charity goes straight through.
    expect((await groups.createGroup(db(), me, { ...input, charityNumber: "1187654" }, null)).kind).toBe("created");
  });
});

describe("members and invitations", () => {
  let admin: number;
  let orgId: number;

  beforeAll(async () => {
    admin = await newUser("chair@example.org", "Chris Chair");
    const r = await groups.createGroup(db(), admin, { ...BASE, name: "Invite Test Group" }, null);
    if (r.kind !== "created") throw new Error(r.kind);
    orgId = r.organisationId;
  });

  async function invitationToken(email: string): Promise<string> {
    const rows = await db().selectFrom("outbox").select("data").where("to_email", "=", email).where("template", "=", "group-invitation").orderBy("id", "desc").execute();
    return fromJson<{ token: string }>(rows[0].data, { token: "" }).token;
  }

  it("invites by email; only the account with that address can join, once", async () => {
    expect(await groups.inviteMember(db(), admin, orgId, { email: "New.Member@Example.org", role: "member" }, null)).toEqual({ kind: "invited" });
    const token = await invitationToken("new.member@example.org");
    const stored = await db().selectFrom("organisation_invitations").selectAll().where("organisation_id", "=", orgId).execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const someoneElse = await newUser("someone.else@example.org");
    expect(await groups.acceptInvitation(db(), someoneElse, token, null)).toEqual({ kind: "wrong_account", email: "new.member@example.org" });
    const invitee = await newUser("new.member@example.org", "Nia Member");
    expect(await groups.acceptInvitation(db(), invitee, token, null)).toEqual({ kind: "joined", organisationId: orgId });
    expect(await groups.acceptInvitation(db(), invitee, token, null)).toEqual({ kind: "used" });
    const joined = await db().selectFrom("outbox").select("to_email").where("template", "=", "group-member-joined").execute();
    expect(joined.map((j) => j.to_email)).toContain("chair@example.org");
  });

  it("refuses an expired or cancelled invitation, a tampered link, and inviting someone already in", async () => {
    await groups.inviteMember(db(), admin, orgId, { email: "late@example.org", role: "member" }, null, new Date(Date.now() - 8 * 86_400_000));
    const late = await newUser("late@example.org");
    expect(await groups.acceptInvitation(db(), late, await invitationToken("late@example.org"), null)).toEqual({ kind: "expired" });

    await groups.inviteMember(db(), admin, orgId, { email: "cancelled@example.org", role: "member" }, null);
    const token = await invitationToken("cancelled@example.org");
    const inv = await db().selectFrom("organisation_invitations").select("id").where("email", "=", "cancelled@example.org").orderBy("id", "desc").executeTakeFirstOrThrow();
    await groups.revokeInvitation(db(), admin, orgId, inv.id, null);
    const cancelled = await newUser("cancelled@example.org");
    expect(await groups.acceptInvitation(db(), cancelled, token, null)).toEqual({ kind: "used" });
    expect(await groups.acceptInvitation(db(), cancelled, `${token.slice(0, -2)}xx`, null)).toEqual({ kind: "invalid" });

    expect(await groups.inviteMember(db(), admin, orgId, { email: "new.member@example.org", role: "admin" }, null)).toMatchObject({ kind: "invalid", errors: { email: expect.stringMatching(/already a member/) } });
    expect(await groups.inviteMember(db(), admin, orgId, { email: "x@example.org", role: "owner" }, null)).toMatchObject({ kind: "invalid", errors: { role: "Select what they can do" } });
  });

  it("keeps at least one admin: the last admin can neither leave nor step down until they hand over", async () => {
    const member = await db().selectFrom("organisation_members as m").innerJoin("users as u", "u.id", "m.user_id").select(["m.id", "u.id as userId"]).where("u.email", "=", "new.member@example.org").executeTakeFirstOrThrow();
    const me = await db().selectFrom("organisation_members").select("id").where("organisation_id", "=", orgId).where("user_id", "=", admin).executeTakeFirstOrThrow();
    expect(await groups.removeMember(db(), admin, orgId, me.id, null)).toEqual({ kind: "refused", message: groups.LAST_ADMIN });
    expect(await groups.setMemberRole(db(), admin, orgId, me.id, "member", null)).toEqual({ kind: "refused", message: groups.LAST_ADMIN });
    // Hand over: make the other an admin, then step down.
    expect(await groups.setMemberRole(db(), admin, orgId, member.id, "admin", null)).toEqual({ kind: "changed" });
    expect(await groups.setMemberRole(db(), admin, orgId, me.id, "member", null)).toEqual({ kind: "changed" });
    // Now a member, the former admin cannot manage members any more, but can leave.
    await expect(groups.inviteMember(db(), admin, orgId, { email: "y@example.org", role: "member" }, null)).rejects.toBeInstanceOf(groups.NotFound);
    await expect(groups.removeMember(db(), admin, orgId, member.id, null)).rejects.toBeInstanceOf(groups.NotFound);
    expect(await groups.removeMember(db(), admin, orgId, me.id, null)).toEqual({ kind: "removed" });
  });

  it("an admin who steps down or is removed takes their unaccepted invitations with them", async () => {
    const owner = await newUser("owner.two@example.org", "Owen Owner");
    const r = await groups.createGroup(db(), owner, { ...BASE, name: "Second Invite Group" }, null);
    if (r.kind !== "created") throw new Error(r.kind);
    const helper = await newUser("helper.two@example.org", "Hel Per");
    await groups.inviteMember(db(), owner, r.organisationId, { email: "helper.two@example.org", role: "admin" }, null);
    await groups.acceptInvitation(db(), helper, await invitationToken("helper.two@example.org"), null);
    // The helper, now an admin, invites a second address of their own as an admin, then is removed.
    await groups.inviteMember(db(), helper, r.organisationId, { email: "helper.alt@example.org", role: "admin" }, null);
    const token = await invitationToken("helper.alt@example.org");
    const membership = await db().selectFrom("organisation_members").select("id").where("user_id", "=", helper).where("organisation_id", "=", r.organisationId).executeTakeFirstOrThrow();
    expect(await groups.removeMember(db(), owner, r.organisationId, membership.id, null)).toEqual({ kind: "removed" });
    const alt = await newUser("helper.alt@example.org");
    expect(await groups.acceptInvitation(db(), alt, token, null)).toEqual({ kind: "used" });
  });

  it("sends at most 3 invitations a day to one address, so the portal cannot be used to pester someone", async () => {
    const owner = await newUser("pesterer@example.org");
    const r = await groups.createGroup(db(), owner, { ...BASE, name: "Pester Test Group" }, null);
    if (r.kind !== "created") throw new Error(r.kind);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await groups.inviteMember(db(), owner, r.organisationId, { email: "pestered@example.org", role: "member" }, null)).kind);
    expect(results).toEqual(["invited", "invited", "invited", "invalid"]);
  });

  it("answers as if the group did not exist to anyone outside it", async () => {
    const stranger = await userId("maria@ramsey-timebank.example.org");
    await expect(groups.groupPage(db(), stranger, orgId)).rejects.toBeInstanceOf(groups.NotFound);
    await expect(groups.groupPage(db(), stranger, 999_999)).rejects.toBeInstanceOf(groups.NotFound);
    await expect(groups.inviteMember(db(), stranger, orgId, { email: "z@example.org", role: "admin" }, null)).rejects.toBeInstanceOf(groups.NotFound);
    await expect(groups.actFor(db(), stranger, "no-session", orgId)).rejects.toBeInstanceOf(groups.NotFound);
  });

  it("lets a person in several groups choose the one they act for", async () => {
    const alex = await userId("alex@larder.example.org"); // admin of the larder, member of the café
    const r = await signIn(db(), { email: "alex@larder.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null });
    if (r.kind !== "signed_in") throw new Error(r.kind);
    expect(await groups.actingGroup(db(), alex, r.session.id)).toBeNull(); // several groups: not chosen yet
    const mine = await groups.myGroups(db(), alex);
    expect(mine.length).toBeGreaterThan(1);
    await groups.actFor(db(), alex, r.session.id, mine[1].id);
    expect(await groups.actingGroup(db(), alex, r.session.id)).toEqual({ id: mine[1].id, name: mine[1].name });
  });
});

describe("staff", () => {
  const serviceAdmin = () => userId(DEMO_STAFF[0].email);

  it("a service administrator invites a coordinator for Fenland: grants stored and audited, a set-up link emailed", async () => {
    const r = await staff.inviteStaff(db(), await serviceAdmin(), { email: "New.Coordinator@council.example.org", fullName: "Nell Coordinator", role: "coordinator", districtCodes: ["E07000010"], fundIds: [] }, null);
    if (r.kind !== "invited") throw new Error(JSON.stringify(r));
    const grants = await db().selectFrom("role_grants").selectAll().where("user_id", "=", r.userId).execute();
    expect(grants).toMatchObject([{ role: "coordinator", scope: "district", district_code: "E07000010", revoked_at: null }]);
    const email = await db().selectFrom("outbox").selectAll().where("to_email", "=", "new.coordinator@council.example.org").executeTakeFirstOrThrow();
    expect(email.template).toBe("staff-invitation");
    expect(email.contains_secret).toBe(1);
    const audit = await db().selectFrom("audit_log").select("event").where("entity_id", "=", r.userId).execute();
    expect(audit.map((a) => a.event)).toEqual(expect.arrayContaining(["staff.role_granted", "staff.invited"]));
  });

  it("refuses bad roles and scopes, and anyone who is not a service administrator", async () => {
    const admin = await serviceAdmin();
    expect(await staff.inviteStaff(db(), admin, { email: "a@council.example.org", fullName: "A", role: "panel_member", districtCodes: [], fundIds: [] }, null)).toMatchObject({ kind: "invalid", errors: { role: "Select a role" } });
    expect(await staff.inviteStaff(db(), admin, { email: "a@council.example.org", fullName: "A", role: "coordinator", districtCodes: ["E99999999"], fundIds: [] }, null)).toMatchObject({ kind: "invalid", errors: { districtCodes: expect.any(String) } });
    expect(await staff.inviteStaff(db(), admin, { email: "a@council.example.org", fullName: "A", role: "administrator", districtCodes: [], fundIds: [] }, null)).toMatchObject({ kind: "invalid", errors: { fundIds: expect.any(String) } });
    const fundAdmin = await userId("fund.admin@council.example.org");
    await expect(staff.inviteStaff(db(), fundAdmin, { email: "b@council.example.org", fullName: "B", role: "service_admin", districtCodes: [], fundIds: [] }, null)).rejects.toBeInstanceOf(staff.NotAllowed);
    await expect(staff.listStaff(db(), await userId("alex@larder.example.org"))).rejects.toBeInstanceOf(staff.NotAllowed);
  });

  it("revokes a role (audited); nobody changes their own roles; two administrators removing each other at once leave one", async () => {
    const admin = await serviceAdmin();
    const own = await db().selectFrom("role_grants").selectAll().where("user_id", "=", admin).where("role", "=", "service_admin").executeTakeFirstOrThrow();
    expect(await staff.revokeGrant(db(), admin, admin, own.id, null)).toEqual({ kind: "refused", message: staff.NOT_YOURSELF });
    expect(await staff.addGrant(db(), admin, admin, { role: "coordinator", districtCodes: ["E07000008"], fundIds: [] }, null)).toEqual({ kind: "refused", message: staff.NOT_YOURSELF });
    expect(await staff.resetStaffTwoFactor(db(), admin, admin, null)).toEqual({ kind: "refused", message: staff.NOT_YOURSELF });

    const coordinator = await userId("coordinator@council.example.org");
    const grant = await db().selectFrom("role_grants").selectAll().where("user_id", "=", coordinator).where("district_code", "=", "E07000011").executeTakeFirstOrThrow();
    expect(await staff.revokeGrant(db(), admin, coordinator, grant.id, null)).toEqual({ kind: "revoked" });
    const audit = await db().selectFrom("audit_log").select(["event", "data"]).where("entity_id", "=", coordinator).where("event", "=", "staff.role_revoked").executeTakeFirstOrThrow();
    expect(fromJson<{ grantId: number }>(audit.data, { grantId: 0 }).grantId).toBe(grant.id);

    // A second service administrator, set up; each tries to remove the other at the same moment.
    const second = await newUser("second.admin@council.example.org");
    await db().updateTable("users").set({ password_hash: "scrypt$N=2,r=1,p=1$x$y" }).where("id", "=", second).execute();
    const { id: secondGrant } = await db().insertInto("role_grants").values({ user_id: second, role: "service_admin", scope: "all", fund_id: null, district_code: null, round_id: null, granted_by_user_id: admin }).returning("id").executeTakeFirstOrThrow();
    const results = await Promise.all([staff.revokeGrant(db(), admin, second, secondGrant, null), staff.revokeGrant(db(), second, admin, own.id, null)]);
    expect(results.filter((r) => r.kind === "revoked")).toHaveLength(1);
    const left = await db().selectFrom("role_grants").select("id").where("role", "=", "service_admin").where("revoked_at", "is", null).execute();
    expect(left).toHaveLength(1);
    // Put Sam back for the tests that follow, if he was the one removed.
    if (results[1].kind === "revoked") await db().updateTable("role_grants").set({ revoked_at: null }).where("id", "=", own.id).execute();
  });

  it("a new role ends the person's sessions, so their next sign-in asks for two-factor", async () => {
    const admin = await serviceAdmin();
    const former = await newUser("former.staff@example.org");
    await db().insertInto("role_grants").values({ user_id: former, role: "coordinator", scope: "district", district_code: "E07000008", fund_id: null, round_id: null, granted_by_user_id: admin, revoked_at: new Date().toISOString() }).execute();
    await db().insertInto("sessions").values({ id: "a".repeat(64), user_id: former, expires_at: new Date(Date.now() + 3_600_000).toISOString(), absolute_expires_at: new Date(Date.now() + 3_600_000).toISOString(), last_seen_at: new Date().toISOString(), ip: null, user_agent: null }).execute();
    expect(await staff.addGrant(db(), admin, former, { role: "service_admin", districtCodes: [], fundIds: [] }, null)).toEqual({ kind: "granted" });
    expect(await db().selectFrom("sessions").select("id").where("user_id", "=", former).execute()).toEqual([]);
    // The same grant twice is one grant.
    await staff.addGrant(db(), admin, former, { role: "service_admin", districtCodes: [], fundIds: [] }, null);
    expect(await db().selectFrom("role_grants").select("id").where("user_id", "=", former).where("revoked_at", "is", null).execute()).toHaveLength(1);
  });


  it("deactivating ends the sessions and stops sign-in; resetting two-factor makes the next sign-in set up a new device", async () => {
    const admin = await serviceAdmin();
    const adviser = await userId("adviser@council.example.org");
    const settings = { ...DEFAULT_AUTH_SETTINGS };
    const before = await signIn(db(), { email: "adviser@council.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null, settings });
    expect(before.kind).toBe("two_factor");
    await staff.resetStaffTwoFactor(db(), admin, adviser, null);
    if (before.kind === "two_factor") expect(await readSession(db(), before.token, settings)).toBeNull();
    const after = await signIn(db(), { email: "adviser@council.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null, settings });
    expect(after.kind).toBe("two_factor_setup");

    expect(await staff.setStaffActive(db(), admin, adviser, false, null)).toEqual({ kind: "done" });
    const refused = await signIn(db(), { email: "adviser@council.example.org", password: DEMO_PASSWORD, returnTo: null, deviceToken: null }, { ip: null, userAgent: null, settings });
    expect(refused.kind).toBe("invalid");
    expect(await staff.setStaffActive(db(), admin, admin, false, null)).toEqual({ kind: "refused", message: "You cannot deactivate your own account" });
  });
});
