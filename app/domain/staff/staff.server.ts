/**
 * Staff accounts, for service administrators: inviting staff (a one-time set-up link by email), granting
 * and revoking scoped roles, deactivating an account and resetting a lost two-factor device. Every grant
 * and revocation is in the audit log.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, StaffRole } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { EMAIL_FORMAT_MESSAGE, isEmailAddress, normaliseEmail } from "~/domain/accounts/email";
import { authSettings } from "~/domain/accounts/settings";
import { issueToken } from "~/domain/accounts/tokens.server";
import { appendAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { formatLondonDateTime } from "~/domain/shared/time";

type Db = Kysely<Database>;
export type FieldErrors = Record<string, string>;

export class NotAllowed extends Error {
  constructor() {
    super("Not found");
    this.name = "NotAllowed";
  }
}

/** The roles a service administrator grants here; panel members and advisers come with panels. */
export const GRANTABLE_ROLES = [
  { value: "coordinator", label: "Coordinator", hint: "Supports groups in their districts before they apply" },
  { value: "administrator", label: "Fund administrator", hint: "Screens and decides applications to their funds" },
  { value: "service_admin", label: "Service administrator", hint: "Manages staff and every fund" },
] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]["value"];

async function requireServiceAdmin(db: Db, actorUserId: number) {
  const actor = await loadActor(db, actorUserId);
  if (!can(actor, "service.manage_staff", { kind: "service" })) throw new NotAllowed();
  return actor!;
}

export interface GrantInput {
  role: string;
  districtCodes: string[];
  fundIds: number[];
}

type GrantRow = { role: StaffRole; scope: "all" | "district" | "fund"; district_code: string | null; fund_id: number | null };

/** The grants a role and its scopes make, or what is wrong with them. */
async function grantsFor(db: Db, input: GrantInput): Promise<{ ok: true; grants: GrantRow[] } | { ok: false; errors: FieldErrors }> {
  const role = GRANTABLE_ROLES.find((r) => r.value === input.role)?.value;
  if (!role) return { ok: false, errors: { role: "Select a role" } };
  if (role === "service_admin") return { ok: true, grants: [{ role, scope: "all", district_code: null, fund_id: null }] };
  if (role === "coordinator") {
    const districts = await db.selectFrom("districts").select("code").execute();
    const codes = [...new Set(input.districtCodes)].filter((c) => districts.some((d) => d.code === c));
    if (codes.length === 0 || codes.length !== new Set(input.districtCodes).size) return { ok: false, errors: { districtCodes: "Select the districts they coordinate" } };
    return { ok: true, grants: codes.map((c) => ({ role, scope: "district", district_code: c, fund_id: null })) };
  }
  const funds = await db.selectFrom("funds").select("id").execute();
  const ids = [...new Set(input.fundIds)].filter((f) => funds.some((x) => x.id === f));
  if (ids.length === 0 || ids.length !== new Set(input.fundIds).size) return { ok: false, errors: { fundIds: "Select the funds they administer" } };
  return { ok: true, grants: ids.map((f) => ({ role, scope: "fund", district_code: null, fund_id: f })) };
}

async function describeGrants(db: Db, grants: GrantRow[]): Promise<string[]> {
  const [districts, funds] = await Promise.all([db.selectFrom("districts").select(["code", "name"]).execute(), db.selectFrom("funds").select(["id", "name"]).execute()]);
  return grants.map((g) => {
    if (g.role === "service_admin") return "Service administrator";
    if (g.role === "coordinator") return `Coordinator for ${districts.find((d) => d.code === g.district_code)?.name ?? g.district_code}`;
    if (g.role === "administrator") return `Administrator of the ${funds.find((f) => f.id === g.fund_id)?.name ?? "fund"}`;
    return g.role;
  });
}

export async function inviteStaff(
  db: Db,
  actorUserId: number,
  input: { email: string; fullName: string } & GrantInput,
  ip: string | null,
): Promise<{ kind: "invited"; userId: number } | { kind: "invalid"; errors: FieldErrors }> {
  await requireServiceAdmin(db, actorUserId);
  const email = normaliseEmail(input.email);
  const fullName = input.fullName.trim();
  const errors: FieldErrors = {};
  if (!fullName) errors.fullName = "Enter their full name";
  else if (fullName.length > 100) errors.fullName = "Full name must be 100 characters or fewer";
  if (!email) errors.email = "Enter their work email address";
  else if (!isEmailAddress(email)) errors.email = EMAIL_FORMAT_MESSAGE;
  const grants = await grantsFor(db, input);
  if (!grants.ok) Object.assign(errors, grants.errors);
  if (Object.keys(errors).length || !grants.ok) return { kind: "invalid", errors };
  const existing = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  if (existing) {
    const staff = await db.selectFrom("role_grants").select("id").where("user_id", "=", existing.id).where("revoked_at", "is", null).executeTakeFirst();
    if (staff) return { kind: "invalid", errors: { email: `${email} already has a staff account. Change its roles from the list of staff` } };
  }
  const inviter = await db.selectFrom("users").select("full_name").where("id", "=", actorUserId).executeTakeFirstOrThrow();
  const described = await describeGrants(db, grants.grants);
  const settings = authSettings();
  const userId = await db.transaction().execute(async (trx) => {
    const user = existing ?? (await trx.insertInto("users").values({ email, full_name: fullName }).returningAll().executeTakeFirstOrThrow());
    for (const g of grants.grants) {
      const { id } = await trx.insertInto("role_grants").values({ user_id: user.id, ...g, round_id: null, granted_by_user_id: actorUserId }).returning("id").executeTakeFirstOrThrow();
      await appendAudit(trx, { actorUserId, event: "staff.role_granted", entityType: "user", entityId: user.id, ip, data: { grantId: id, role: g.role, scope: g.scope, districtCode: g.district_code, fundId: g.fund_id } });
    }
    if (!user.password_hash) {
      const token = await issueToken(trx, user.id, "account_setup", settings.accountSetupTtlMs);
      await enqueue(trx, {
        template: "staff-invitation",
        data: { name: user.full_name, inviterName: inviter.full_name, roles: described, token, expiresInHours: Math.round(settings.accountSetupTtlMs / 3_600_000) },
        recipients: [{ email: user.email, name: user.full_name }],
        containsSecret: true,
      });
    }
    // Whoever already had an account sets up two-factor at their next sign-in, as every member of staff must.
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await appendAudit(trx, { actorUserId, event: "staff.invited", entityType: "user", entityId: user.id, ip });
    return user.id;
  });
  return { kind: "invited", userId };
}

export interface StaffSummary {
  id: number;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  accountSetUp: boolean;
  twoFactorOn: boolean;
}

export async function listStaff(db: Db, actorUserId: number): Promise<StaffSummary[]> {
  await requireServiceAdmin(db, actorUserId);
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("role_grants as g", "g.user_id", "u.id")
    .select(["u.id", "u.full_name", "u.email", "u.disabled_at", "u.password_hash", "u.totp_enabled_at", "g.role", "g.scope", "g.district_code", "g.fund_id", "g.revoked_at"])
    .orderBy("u.full_name")
    .execute();
  const byUser = new Map<number, StaffSummary & { grants: GrantRow[] }>();
  for (const r of rows) {
    const s = byUser.get(r.id) ?? { id: r.id, name: r.full_name, email: r.email, roles: [], active: !r.disabled_at, accountSetUp: !!r.password_hash, twoFactorOn: !!r.totp_enabled_at, grants: [] };
    if (!r.revoked_at) s.grants.push({ role: r.role, scope: r.scope as GrantRow["scope"], district_code: r.district_code, fund_id: r.fund_id });
    byUser.set(r.id, s);
  }
  const out: StaffSummary[] = [];
  for (const s of byUser.values()) {
    const { grants, ...summary } = s;
    out.push({ ...summary, roles: grants.length ? await describeGrants(db, grants) : ["No roles"] });
  }
  return out;
}

export interface StaffDetail extends StaffSummary {
  grants: { id: number; text: string }[];
  isMe: boolean;
}

export async function staffDetail(db: Db, actorUserId: number, userId: number): Promise<StaffDetail> {
  await requireServiceAdmin(db, actorUserId);
  const user = Number.isInteger(userId) ? await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst() : undefined;
  const grants = user ? await db.selectFrom("role_grants").selectAll().where("user_id", "=", user.id).where("revoked_at", "is", null).orderBy("id").execute() : [];
  const everStaff = user ? await db.selectFrom("role_grants").select("id").where("user_id", "=", user.id).executeTakeFirst() : undefined;
  if (!user || !everStaff) throw new NotAllowed();
  const texts = await describeGrants(db, grants.map((g) => ({ role: g.role, scope: g.scope as GrantRow["scope"], district_code: g.district_code, fund_id: g.fund_id })));
  return {
    id: user.id,
    name: user.full_name,
    email: user.email,
    roles: texts.length ? texts : ["No roles"],
    active: !user.disabled_at,
    accountSetUp: !!user.password_hash,
    twoFactorOn: !!user.totp_enabled_at,
    grants: grants.map((g, i) => ({ id: g.id, text: texts[i] })),
    isMe: user.id === actorUserId,
  };
}

export const NOT_YOURSELF = "You cannot change your own roles or two-factor authentication. Ask another service administrator";

/**
 * Locks the service administrators' grants for the rest of the transaction (a no-op write takes the row
 * locks on PostgreSQL and the write lock on SQLite), so that two administrators removing each other at
 * the same moment cannot both see "one other left" and leave none.
 */
async function lockServiceAdmins(trx: Transaction<Database>): Promise<void> {
  await trx.updateTable("role_grants").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("role", "=", "service_admin").where("revoked_at", "is", null).execute();
}

/** Other active service administrators who could sign in (set up, not deactivated). */
async function otherServiceAdmins(db: Db | Transaction<Database>, userId: number): Promise<number> {
  const { n } = await db
    .selectFrom("role_grants as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select((eb) => eb.fn.count<number>("g.user_id").distinct().as("n"))
    .where("g.role", "=", "service_admin")
    .where("g.revoked_at", "is", null)
    .where("u.disabled_at", "is", null)
    .where("u.password_hash", "is not", null)
    .where("g.user_id", "!=", userId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export const LAST_SERVICE_ADMIN = "The portal must always have at least one active service administrator";

export async function addGrant(db: Db, actorUserId: number, userId: number, input: GrantInput, ip: string | null): Promise<{ kind: "granted" } | { kind: "invalid"; errors: FieldErrors } | { kind: "refused"; message: string }> {
  const detail = await staffDetail(db, actorUserId, userId);
  if (detail.isMe) return { kind: "refused", message: NOT_YOURSELF };
  const grants = await grantsFor(db, input);
  if (!grants.ok) return { kind: "invalid", errors: grants.errors };
  await db.transaction().execute(async (trx) => {
    const held = await trx.selectFrom("role_grants").select(["role", "scope", "district_code", "fund_id"]).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
    for (const g of grants.grants) {
      if (held.some((h) => h.role === g.role && h.scope === g.scope && h.district_code === g.district_code && h.fund_id === g.fund_id)) continue;
      const { id } = await trx.insertInto("role_grants").values({ user_id: userId, ...g, round_id: null, granted_by_user_id: actorUserId }).returning("id").executeTakeFirstOrThrow();
      await appendAudit(trx, { actorUserId, event: "staff.role_granted", entityType: "user", entityId: userId, ip, data: { grantId: id, role: g.role, scope: g.scope, districtCode: g.district_code, fundId: g.fund_id } });
    }
    // New powers start with a new sign-in, which for staff means two-factor.
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  });
  return { kind: "granted" };
}

export async function revokeGrant(db: Db, actorUserId: number, userId: number, grantId: number, ip: string | null, now = new Date()): Promise<{ kind: "revoked" } | { kind: "refused"; message: string }> {
  const detail = await staffDetail(db, actorUserId, userId);
  if (detail.isMe) return { kind: "refused", message: NOT_YOURSELF };
  return db.transaction().execute(async (trx) => {
    await lockServiceAdmins(trx);
    const grant = await trx.selectFrom("role_grants").selectAll().where("id", "=", grantId).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
    if (!grant) throw new NotAllowed();
    if (grant.role === "service_admin" && (await otherServiceAdmins(trx, userId)) === 0) return { kind: "refused" as const, message: LAST_SERVICE_ADMIN };
    await trx.updateTable("role_grants").set({ revoked_at: now.toISOString(), updated_at: now.toISOString() }).where("id", "=", grant.id).execute();
    await appendAudit(trx, { actorUserId, event: "staff.role_revoked", entityType: "user", entityId: userId, ip, data: { grantId: grant.id, role: grant.role, scope: grant.scope } });
    return { kind: "revoked" as const };
  });
}

export async function setStaffActive(db: Db, actorUserId: number, userId: number, active: boolean, ip: string | null, now = new Date()): Promise<{ kind: "done" } | { kind: "refused"; message: string }> {
  const detail = await staffDetail(db, actorUserId, userId);
  if (detail.isMe && !active) return { kind: "refused", message: "You cannot deactivate your own account" };
  return db.transaction().execute(async (trx) => {
    await lockServiceAdmins(trx);
    const isServiceAdmin = await trx.selectFrom("role_grants").select("id").where("user_id", "=", userId).where("role", "=", "service_admin").where("revoked_at", "is", null).executeTakeFirst();
    if (!active && isServiceAdmin && (await otherServiceAdmins(trx, userId)) === 0) return { kind: "refused" as const, message: LAST_SERVICE_ADMIN };
    const nowIso = now.toISOString();
    await trx.updateTable("users").set({ disabled_at: active ? null : nowIso, updated_at: nowIso }).where("id", "=", userId).execute();
    if (!active) {
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      await enqueue(trx, {
        template: "security-change",
        data: { name: detail.name, change: "account_deactivated", changedAt: formatLondonDateTime(nowIso) },
        recipients: [{ email: detail.email, name: detail.name }],
      });
    }
    await appendAudit(trx, { actorUserId, event: active ? "staff.reactivated" : "staff.deactivated", entityType: "user", entityId: userId, ip });
    return { kind: "done" as const };
  });
}

/** A lost phone: two-factor is cleared, every session ends, and the next sign-in sets up a new device. */
export async function resetStaffTwoFactor(db: Db, actorUserId: number, userId: number, ip: string | null, now = new Date()): Promise<{ kind: "done" } | { kind: "refused"; message: string }> {
  const detail = await staffDetail(db, actorUserId, userId);
  if (detail.isMe) return { kind: "refused", message: NOT_YOURSELF };
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    await trx.updateTable("users").set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: nowIso }).where("id", "=", userId).execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await enqueue(trx, {
      template: "security-change",
      data: { name: detail.name, change: "two_factor_reset", changedAt: formatLondonDateTime(nowIso) },
      recipients: [{ email: detail.email, name: detail.name }],
    });
    await appendAudit(trx, { actorUserId, event: "staff.two_factor_reset", entityType: "user", entityId: userId, ip });
  });
  return { kind: "done" };
}

export async function grantOptions(db: Db) {
  const [districts, funds] = await Promise.all([
    db.selectFrom("districts").select(["code", "name"]).orderBy("name").execute(),
    db.selectFrom("funds").select(["id", "name"]).orderBy("name").execute(),
  ]);
  return { roles: GRANTABLE_ROLES, districts, funds };
}
