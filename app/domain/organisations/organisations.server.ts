/**
 * Groups: creating one (with its postcode looked up, its registers checked when keys are configured, and
 * its 360Giving identifier), its members and invitations, and which group a person is acting for.
 * Every operation asks the policy first; a group someone may not see answers as if it did not exist.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, MemberRole, Organisation } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { can, type Actor, type OrganisationFacts } from "~/domain/access/policy";
import { EMAIL_FORMAT_MESSAGE, isEmailAddress, normaliseEmail } from "~/domain/accounts/email";
import { randomToken, sha256 } from "~/domain/accounts/tokens.server";
import { throttledMessage } from "~/domain/accounts/messages";
import { bucketKey, reserve } from "~/domain/accounts/throttle.server";
import type { Limit } from "~/domain/accounts/settings";
import { appendAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { lookupPostcode, normalisePostcode } from "~/utils/postcodes.server";
import { lookupCharity, lookupCompany } from "~/utils/registers.server";
import { ORG_TYPES, orgIdentifier, parseCharityNumber, parseCompanyNumber } from "./identifiers";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
export type FieldErrors = Record<string, string>;

export class NotFound extends Error {
  constructor() {
    super("Not found");
    this.name = "NotFound";
  }
}

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

const HOUR = 3_600_000;
/**
 * Limits that keep the portal from being used to send the council's emails to strangers, or to spend its
 * register API quota: per person, and per address invited.
 */
export const GROUP_LIMITS: Record<"submissions" | "groupsCreated" | "invitesSent" | "invitesPerAddress", Limit> = {
  submissions: { max: 60, windowMs: HOUR }, // "Add group" presses (each may look up a postcode and registers)
  groupsCreated: { max: 10, windowMs: 24 * HOUR },
  invitesSent: { max: 30, windowMs: HOUR },
  invitesPerAddress: { max: 3, windowMs: 24 * HOUR },
};

const CHARITY_TYPES = new Set(["charity", "cio"]);
const COMPANY_TYPES = new Set(["cic", "company"]);

export async function organisationFacts(db: Db | Trx, id: number): Promise<(OrganisationFacts & { row: Organisation }) | null> {
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const funds = await db
    .selectFrom("applications")
    .select("fund_id")
    .distinct()
    .where("organisation_id", "=", id)
    .where("status", "!=", "draft")
    .execute();
  return { kind: "organisation", id, districtCode: row.district_code, fundIdsAppliedTo: funds.map((f) => f.fund_id), row };
}

/** The group, if `actor` may do `action` to it; otherwise NotFound (never a hint that it exists). */
async function orgFor(db: Db | Trx, actor: Actor | null, id: number, action: "organisation.view" | "organisation.edit" | "organisation.manage_members") {
  const facts = Number.isInteger(id) && id > 0 ? await organisationFacts(db, id) : null;
  if (!facts || !can(actor, action, facts)) throw new NotFound();
  return facts.row;
}

// ---------------------------------------------------------------------------------------------------------
// Creating a group

export interface GroupInput {
  name: string;
  orgType: string;
  charityNumber: string;
  companyNumber: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  /** Chosen by hand, only when the postcode look-up could not answer. */
  districtCode: string;
  /** The register numbers the person has seen a warning about and said are right. */
  confirmedNumbers: string;
}

export type GroupWarnings = { charity?: string; company?: string };

export type CreateGroupResult =
  | { kind: "created"; organisationId: number }
  | { kind: "invalid"; errors: FieldErrors; askDistrict: boolean }
  | { kind: "check"; warnings: GroupWarnings; confirmedNumbers: string; askDistrict: boolean };

function numbersKey(charity: string | null, company: string | null): string {
  return `${charity ?? ""}|${company ?? ""}`;
}

/**
 * Checks a group's details against the rules and the outside registers. Look-ups that fail do not stop
 * anyone: an outage or an unknown number is told plainly, and the person may carry on.
 */
export async function createGroup(db: Db, userId: number, input: GroupInput, ip: string | null): Promise<CreateGroupResult> {
  const errors: FieldErrors = {};
  const pressed = await reserve(db, [{ key: bucketKey("group-form", "account", userId), limit: GROUP_LIMITS.submissions }]);
  if (!pressed.ok) return { kind: "invalid", errors: { name: throttledMessage(pressed.retryAt) }, askDistrict: false };
  const name = input.name.trim();
  if (!name) errors.name = "Enter the name of your group";
  else if (name.length > 200) errors.name = "The name must be 200 characters or fewer";
  const orgType = ORG_TYPES.find((t) => t.value === input.orgType)?.value;
  if (!orgType) errors.orgType = "Select the type of group";

  let charity: { value: string; register: "ccew" | "oscr" | "ccni" } | null = null;
  if (input.charityNumber.trim()) {
    const parsed = parseCharityNumber(input.charityNumber);
    if (parsed.ok) charity = { value: parsed.value, register: parsed.register };
    else errors.charityNumber = parsed.message;
  } else if (orgType && CHARITY_TYPES.has(orgType)) {
    errors.charityNumber = "Enter your charity number";
  }
  let company: string | null = null;
  if (input.companyNumber.trim()) {
    const parsed = parseCompanyNumber(input.companyNumber);
    if (parsed.ok) company = parsed.value;
    else errors.companyNumber = parsed.message;
  } else if (orgType && COMPANY_TYPES.has(orgType)) {
    errors.companyNumber = "Enter your company number";
  }
  const addressLine1 = input.addressLine1.trim();
  const town = input.town.trim();
  if (!addressLine1) errors.addressLine1 = "Enter the first line of your group's address";
  else if (addressLine1.length > 200) errors.addressLine1 = "Address line 1 must be 200 characters or fewer";
  if (input.addressLine2.trim().length > 200) errors.addressLine2 = "Address line 2 must be 200 characters or fewer";
  if (!town) errors.town = "Enter the town or city";
  else if (town.length > 100) errors.town = "Town or city must be 100 characters or fewer";

  // The postcode decides the district (and so the coordinator and the Reach Fund pot).
  let district: { code: string; wardCode: string | null; lsoaCode: string | null; source: "postcode" | "chosen" } | null = null;
  let askDistrict = false;
  const postcode = input.postcode.trim() ? normalisePostcode(input.postcode) : null;
  const counties = await db.selectFrom("districts").select(["code", "name"]).execute();
  if (!input.postcode.trim()) errors.postcode = "Enter your group's postcode";
  else if (!postcode) errors.postcode = "Enter a real postcode, like PE13 1JR";
  else {
    const found = await lookupPostcode(postcode);
    if (found.kind === "found") {
      if (counties.some((d) => d.code === found.districtCode)) {
        district = { code: found.districtCode, wardCode: found.wardCode, lsoaCode: found.lsoaCode, source: "postcode" };
      } else {
        errors.postcode = `${found.postcode} is in ${found.districtName}, outside Cambridgeshire. These funds are for groups in Cambridgeshire`;
      }
    } else if (found.kind === "not_found") {
      errors.postcode = "We could not find that postcode. Check it and try again";
    } else if (found.kind === "invalid") {
      errors.postcode = "Enter a real postcode, like PE13 1JR";
    } else {
      // The look-up service is down or slow: the group says which district it is in.
      askDistrict = true;
      const chosen = counties.find((d) => d.code === input.districtCode);
      if (chosen) district = { code: chosen.code, wardCode: null, lsoaCode: null, source: "chosen" };
      else errors.districtCode = "We could not look up your postcode just now. Select the district your group is in";
    }
  }
  if (Object.keys(errors).length) return { kind: "invalid", errors, askDistrict };

  // The registers: only when keys are configured; their answers warn, they do not block.
  const key = numbersKey(charity?.value ?? null, company);
  if (input.confirmedNumbers !== key) {
    const warnings: GroupWarnings = {};
    if (charity) {
      const r = await lookupCharity(charity.value, charity.register);
      if (r.kind === "not_found") warnings.charity = `We could not find charity number ${charity.value} on the Charity Commission's register. Check the number. If it is right, you can carry on.`;
      else if (r.kind === "unavailable") warnings.charity = "We could not check your charity number with the Charity Commission just now. You can carry on, and we will check it later.";
      else if (r.kind === "found" && r.status !== "registered") warnings.charity = `Charity ${charity.value} (${r.name}) has been removed from the register. Check the number. If it is right, you can carry on.`;
    }
    if (company) {
      const r = await lookupCompany(company);
      if (r.kind === "not_found") warnings.company = `We could not find company number ${company} at Companies House. Check the number. If it is right, you can carry on.`;
      else if (r.kind === "unavailable") warnings.company = "We could not check your company number with Companies House just now. You can carry on, and we will check it later.";
      else if (r.kind === "found" && r.status !== "active") warnings.company = `Company ${company} (${r.name}) is ${r.status.replace(/-/g, " ")} at Companies House. Check the number. If it is right, you can carry on.`;
    }
    if (warnings.charity || warnings.company) return { kind: "check", warnings, confirmedNumbers: key, askDistrict };
  }

  const created = await reserve(db, [{ key: bucketKey("group-created", "account", userId), limit: GROUP_LIMITS.groupsCreated }]);
  if (!created.ok) return { kind: "invalid", errors: { name: `You have added ${GROUP_LIMITS.groupsCreated.max} groups today. ${throttledMessage(created.retryAt)}` }, askDistrict };
  const settings = await db.selectFrom("service_settings").select("org_id_prefix").orderBy("id").executeTakeFirst();
  const prefix = settings?.org_id_prefix ?? "cambscc";
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("organisations")
      .values({
        name,
        org_type: orgType!,
        charity_number: charity?.value ?? null,
        company_number: company,
        org_identifier: null,
        address_line1: addressLine1,
        address_line2: input.addressLine2.trim() || null,
        town,
        postcode,
        district_code: district!.code,
        ward_code: district!.wardCode,
        lsoa_code: district!.lsoaCode,
        district_source: district!.source,
        created_by_user_id: userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("organisations")
      .set({ org_identifier: orgIdentifier({ charityNumber: charity?.value, charityRegister: charity?.register, companyNumber: company ?? undefined, id, prefix }) })
      .where("id", "=", id)
      .execute();
    await trx.insertInto("organisation_members").values({ organisation_id: id, user_id: userId, role: "admin" }).execute();
    await appendAudit(trx, { actorUserId: userId, event: "organisation.created", entityType: "organisation", entityId: id, ip });
    return id;
  });
  return { kind: "created", organisationId: id };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export interface MyGroup {
  id: number;
  name: string;
  role: MemberRole;
  districtName: string | null;
}

export async function myGroups(db: Db, userId: number): Promise<MyGroup[]> {
  const rows = await db
    .selectFrom("organisation_members as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .leftJoin("districts as d", "d.code", "o.district_code")
    .select(["o.id", "o.name", "m.role", "d.name as districtName"])
    .where("m.user_id", "=", userId)
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, districtName: r.districtName }));
}

export interface GroupPage {
  id: number;
  name: string;
  orgTypeLabel: string;
  charityNumber: string | null;
  companyNumber: string | null;
  orgIdentifier: string | null;
  address: string[];
  districtName: string | null;
  districtChosenByHand: boolean;
  myRole: MemberRole | null;
  canManage: boolean;
  members: { id: number; name: string; email: string; role: MemberRole; isMe: boolean }[];
  invitations: { id: number; email: string; role: MemberRole; expiresAt: string }[];
}

/** The group's page, for those who may see it. Member emails and invitations only for its own members. */
export async function groupPage(db: Db, userId: number, orgId: number, now = new Date()): Promise<GroupPage> {
  const actor = await loadActor(db, userId);
  const org = await orgFor(db, actor, orgId, "organisation.view");
  const facts = (await organisationFacts(db, org.id))!;
  const myRole = actor?.memberships.find((m) => m.organisationId === org.id)?.role ?? null;
  const canManage = can(actor, "organisation.manage_members", facts);
  const district = org.district_code ? await db.selectFrom("districts").select("name").where("code", "=", org.district_code).executeTakeFirst() : undefined;
  const members = myRole
    ? await db
        .selectFrom("organisation_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["m.id", "u.id as userId", "u.full_name", "u.email", "m.role"])
        .where("m.organisation_id", "=", org.id)
        .orderBy("u.full_name")
        .execute()
    : [];
  const invitations = canManage
    ? await db
        .selectFrom("organisation_invitations")
        .select(["id", "email", "role", "expires_at"])
        .where("organisation_id", "=", org.id)
        .where("accepted_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .orderBy("id", "desc")
        .execute()
    : [];
  return {
    id: org.id,
    name: org.name,
    orgTypeLabel: ORG_TYPES.find((t) => t.value === org.org_type)?.label ?? org.org_type,
    charityNumber: org.charity_number,
    companyNumber: org.company_number,
    orgIdentifier: org.org_identifier,
    address: [org.address_line1, org.address_line2, org.town, org.postcode].filter((l): l is string => !!l),
    districtName: district?.name ?? null,
    districtChosenByHand: org.district_source === "chosen",
    myRole,
    canManage,
    members: members.map((m) => ({ id: m.id, name: m.full_name, email: m.email, role: m.role, isMe: m.userId === userId })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Members and invitations

export async function inviteMember(
  db: Db,
  userId: number,
  orgId: number,
  input: { email: string; role: string },
  ip: string | null,
  now = new Date(),
): Promise<{ kind: "invited" } | { kind: "invalid"; errors: FieldErrors }> {
  const actor = await loadActor(db, userId);
  const org = await orgFor(db, actor, orgId, "organisation.manage_members");
  const email = normaliseEmail(input.email);
  const errors: FieldErrors = {};
  if (!email) errors.email = "Enter the email address of the person to invite";
  else if (!isEmailAddress(email)) errors.email = EMAIL_FORMAT_MESSAGE;
  if (input.role !== "admin" && input.role !== "member") errors.role = "Select what they can do";
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  const already = await db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.id")
    .where("m.organisation_id", "=", org.id)
    .where("u.email", "=", email)
    .executeTakeFirst();
  if (already) return { kind: "invalid", errors: { email: `${email} is already a member of ${org.name}` } };
  const place = await reserve(db, [
    { key: bucketKey("invite-sent", "account", userId), limit: GROUP_LIMITS.invitesSent },
    { key: bucketKey("invite-to", "email", email), limit: GROUP_LIMITS.invitesPerAddress },
  ], now);
  if (!place.ok) return { kind: "invalid", errors: { email: throttledMessage(place.retryAt, now) } };
  const inviter = await db.selectFrom("users").select("full_name").where("id", "=", userId).executeTakeFirstOrThrow();
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    // A new invitation replaces any earlier one to the same address.
    await trx
      .updateTable("organisation_invitations")
      .set({ revoked_at: nowIso, updated_at: nowIso })
      .where("organisation_id", "=", org.id)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const { id } = await trx
      .insertInto("organisation_invitations")
      .values({
        organisation_id: org.id,
        email,
        role: input.role as MemberRole,
        token_hash: sha256(token),
        invited_by_user_id: userId,
        expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueue(trx, {
      template: "group-invitation",
      data: { organisationName: org.name, inviterName: inviter.full_name, role: input.role as MemberRole, token, expiresInDays: Math.round(INVITATION_TTL_MS / 86_400_000) },
      recipients: [{ email }],
      containsSecret: true,
    });
    await appendAudit(trx, { actorUserId: userId, event: "organisation.member_invited", entityType: "organisation", entityId: org.id, ip, data: { invitationId: id, role: input.role } });
  });
  return { kind: "invited" };
}

export async function revokeInvitation(db: Db, userId: number, orgId: number, invitationId: number, ip: string | null, now = new Date()): Promise<void> {
  const actor = await loadActor(db, userId);
  const org = await orgFor(db, actor, orgId, "organisation.manage_members");
  const r = await db
    .updateTable("organisation_invitations")
    .set({ revoked_at: now.toISOString(), updated_at: now.toISOString() })
    .where("id", "=", invitationId)
    .where("organisation_id", "=", org.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new NotFound();
  await appendAudit(db, { actorUserId: userId, event: "organisation.invitation_revoked", entityType: "organisation", entityId: org.id, ip, data: { invitationId } });
}

export type InvitationView =
  | { kind: "valid"; organisationName: string; role: MemberRole; email: string; forThisAccount: boolean; alreadyMember: boolean }
  | { kind: "expired" | "used" | "invalid" };

async function findInvitation(db: Db | Trx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return db
    .selectFrom("organisation_invitations as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .select(["i.id", "i.organisation_id", "i.email", "i.role", "i.expires_at", "i.accepted_at", "i.revoked_at", "o.name"])
    .where("i.token_hash", "=", sha256(token))
    .executeTakeFirst();
}

export async function viewInvitation(db: Db, userId: number, token: string, now = new Date()): Promise<InvitationView> {
  const inv = await findInvitation(db, token);
  if (!inv) return { kind: "invalid" };
  if (inv.accepted_at || inv.revoked_at) return { kind: "used" };
  if (Date.parse(inv.expires_at) <= now.getTime()) return { kind: "expired" };
  const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
  const member = await db.selectFrom("organisation_members").select("id").where("organisation_id", "=", inv.organisation_id).where("user_id", "=", userId).executeTakeFirst();
  return { kind: "valid", organisationName: inv.name, role: inv.role, email: inv.email, forThisAccount: user.email === inv.email, alreadyMember: !!member };
}

/**
 * Joins the group. The invitation is for an address: only the account with that address may accept it,
 * so a forwarded or intercepted link does not let someone else in.
 */
export async function acceptInvitation(
  db: Db,
  userId: number,
  token: string,
  ip: string | null,
  now = new Date(),
): Promise<{ kind: "joined"; organisationId: number } | { kind: "wrong_account"; email: string } | { kind: "expired" | "used" | "invalid" }> {
  return db.transaction().execute(async (trx) => {
    const inv = await findInvitation(trx, token);
    if (!inv) return { kind: "invalid" as const };
    if (inv.accepted_at || inv.revoked_at) return { kind: "used" as const };
    if (Date.parse(inv.expires_at) <= now.getTime()) return { kind: "expired" as const };
    const user = await trx.selectFrom("users").select(["email", "full_name"]).where("id", "=", userId).executeTakeFirstOrThrow();
    if (user.email !== inv.email) return { kind: "wrong_account" as const, email: inv.email };
    const nowIso = now.toISOString();
    const taken = await trx
      .updateTable("organisation_invitations")
      .set({ accepted_at: nowIso, accepted_by_user_id: userId, updated_at: nowIso })
      .where("id", "=", inv.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return { kind: "used" as const };
    const existing = await trx.selectFrom("organisation_members").select(["id", "role"]).where("organisation_id", "=", inv.organisation_id).where("user_id", "=", userId).executeTakeFirst();
    if (!existing) {
      await trx.insertInto("organisation_members").values({ organisation_id: inv.organisation_id, user_id: userId, role: inv.role }).execute();
    } else if (existing.role === "member" && inv.role === "admin") {
      await trx.updateTable("organisation_members").set({ role: "admin", updated_at: nowIso }).where("id", "=", existing.id).execute();
    }
    const admins = await trx
      .selectFrom("organisation_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.email", "u.full_name"])
      .where("m.organisation_id", "=", inv.organisation_id)
      .where("m.role", "=", "admin")
      .where("u.id", "!=", userId)
      .execute();
    await enqueue(trx, {
      template: "group-member-joined",
      data: { organisationName: inv.name, memberName: user.full_name, role: inv.role },
      recipients: admins.map((a) => ({ email: a.email, name: a.full_name })),
    });
    await appendAudit(trx, { actorUserId: userId, event: "organisation.member_joined", entityType: "organisation", entityId: inv.organisation_id, ip, data: { invitationId: inv.id, role: inv.role } });
    return { kind: "joined" as const, organisationId: inv.organisation_id };
  });
}

/**
 * Locks the group's admin rows for the rest of the transaction (a no-op write: row locks on PostgreSQL,
 * the write lock on SQLite), so two admins removing each other at once cannot leave the group with none;
 * then says whether `userId` is still one of them.
 */
async function lockAdmins(trx: Trx, orgId: number, userId: number): Promise<boolean> {
  await trx.updateTable("organisation_members").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("organisation_id", "=", orgId).where("role", "=", "admin").execute();
  const me = await trx.selectFrom("organisation_members").select("role").where("organisation_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
  return me?.role === "admin";
}

/** Someone who stops being an admin (or a member) takes their unaccepted invitations with them. */
async function cancelInvitationsFrom(trx: Trx, orgId: number, userId: number): Promise<void> {
  const nowIso = new Date().toISOString();
  await trx
    .updateTable("organisation_invitations")
    .set({ revoked_at: nowIso, updated_at: nowIso })
    .where("organisation_id", "=", orgId)
    .where("invited_by_user_id", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

/** Counts the admins left if `memberId` stopped being one. A group always keeps at least one. */
async function adminsWithout(trx: Trx, orgId: number, memberId: number): Promise<number> {
  const { n } = await trx
    .selectFrom("organisation_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", orgId)
    .where("role", "=", "admin")
    .where("id", "!=", memberId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export const LAST_ADMIN = "A group must always have at least one admin. Make someone else an admin first";

/** Removes a member (an admin removing someone, or anyone leaving). */
export async function removeMember(db: Db, userId: number, orgId: number, memberId: number, ip: string | null): Promise<{ kind: "removed" } | { kind: "refused"; message: string }> {
  const actor = await loadActor(db, userId);
  const facts = Number.isInteger(orgId) ? await organisationFacts(db, orgId) : null;
  if (!facts || !can(actor, "organisation.view", facts)) throw new NotFound();
  return db.transaction().execute(async (trx) => {
    const stillAdmin = await lockAdmins(trx, orgId, userId);
    const member = await trx.selectFrom("organisation_members").selectAll().where("id", "=", memberId).where("organisation_id", "=", orgId).executeTakeFirst();
    if (!member) throw new NotFound();
    const leaving = member.user_id === userId;
    if (!leaving && (!can(actor, "organisation.manage_members", facts) || !stillAdmin)) throw new NotFound();
    if (member.role === "admin" && (await adminsWithout(trx, orgId, member.id)) === 0) return { kind: "refused" as const, message: LAST_ADMIN };
    await trx.deleteFrom("organisation_members").where("id", "=", member.id).execute();
    await cancelInvitationsFrom(trx, orgId, member.user_id);
    await trx.updateTable("sessions").set({ acting_organisation_id: null }).where("user_id", "=", member.user_id).where("acting_organisation_id", "=", orgId).execute();
    await appendAudit(trx, { actorUserId: userId, event: leaving ? "organisation.member_left" : "organisation.member_removed", entityType: "organisation", entityId: orgId, ip, data: { userId: member.user_id } });
    return { kind: "removed" as const };
  });
}

/** Makes a member an admin, or an admin a member (handing over: make the other an admin, then step down). */
export async function setMemberRole(db: Db, userId: number, orgId: number, memberId: number, role: string, ip: string | null): Promise<{ kind: "changed" } | { kind: "refused"; message: string }> {
  if (role !== "admin" && role !== "member") return { kind: "refused", message: "Select admin or member" };
  const actor = await loadActor(db, userId);
  const org = await orgFor(db, actor, orgId, "organisation.manage_members");
  return db.transaction().execute(async (trx) => {
    if (!(await lockAdmins(trx, org.id, userId))) throw new NotFound();
    const member = await trx.selectFrom("organisation_members").selectAll().where("id", "=", memberId).where("organisation_id", "=", org.id).executeTakeFirst();
    if (!member) throw new NotFound();
    if (member.role === role) return { kind: "changed" as const };
    if (role === "member" && (await adminsWithout(trx, org.id, member.id)) === 0) return { kind: "refused" as const, message: LAST_ADMIN };
    await trx.updateTable("organisation_members").set({ role: role as MemberRole, updated_at: new Date().toISOString() }).where("id", "=", member.id).execute();
    if (role === "member") await cancelInvitationsFrom(trx, org.id, member.user_id);
    await appendAudit(trx, { actorUserId: userId, event: "organisation.member_role_changed", entityType: "organisation", entityId: org.id, ip, fromState: member.role, toState: role, data: { userId: member.user_id } });
    return { kind: "changed" as const };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Acting for a group

/** The group this session acts for: the one chosen, or the only one, or none yet. */
export async function actingGroup(db: Db, userId: number, sessionId: string): Promise<{ id: number; name: string } | null> {
  const groups = await myGroups(db, userId);
  if (groups.length === 0) return null;
  const row = await db.selectFrom("sessions").select("acting_organisation_id").where("id", "=", sessionId).executeTakeFirst();
  const chosen = groups.find((g) => g.id === row?.acting_organisation_id) ?? (groups.length === 1 ? groups[0] : null);
  return chosen ? { id: chosen.id, name: chosen.name } : null;
}

export async function actFor(db: Db, userId: number, sessionId: string, orgId: number): Promise<void> {
  const member = await db.selectFrom("organisation_members").select("id").where("organisation_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
  if (!member) throw new NotFound();
  await db.updateTable("sessions").set({ acting_organisation_id: orgId }).where("id", "=", sessionId).where("user_id", "=", userId).execute();
}
