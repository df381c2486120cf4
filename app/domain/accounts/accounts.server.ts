/**
 * Accounts: registering, confirming an email address, signing in (with a second factor for staff),
 * resetting and changing a password, two-factor set-up and recovery codes, and the first service
 * administrator. Each operation writes its audit entries and emails in the same transaction as its change.
 *
 * Nothing here tells a caller whether an address has an account, except to someone who has just proved
 * they own it (by its password or by a link sent to it).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, User } from "~db/schema";
import { appendAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { describeBrowser } from "./device";
import { EMAIL_FORMAT_MESSAGE, isEmailAddress, normaliseEmail } from "./email";
import { hashPassword, verifyPassword } from "./password.server";
import { passwordProblem } from "./password-policy.server";
import { createSession, deleteSession, deleteUserSessions, type Session } from "./sessions.server";
import { authSettings, type AuthSettings } from "./settings";
import { bucketKey, clearBucket, release, reserve, type Bucket } from "./throttle.server";
import { checkToken, consumeToken, issueToken, randomToken, safeEqual, sha256 } from "./tokens.server";
import { newTotpSecret, totpStep } from "./totp.server";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Who is asking: where from, and when. */
export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  now?: Date;
  settings?: AuthSettings;
}

export type FieldErrors = Record<string, string>;

const settingsOf = (r: RequestInfo) => r.settings ?? authSettings();
const nowOf = (r: RequestInfo) => r.now ?? new Date();

/** A hash to check against when there is no account, so a wrong address takes as long as a wrong password. */
let dummyHash: Promise<string> | null = null;
const timingDummy = () => (dummyHash ??= hashPassword(randomToken()));

async function isStaff(db: Db | Trx, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("role_grants")
    .select("id")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row != null;
}

async function findUserByEmail(db: Db | Trx, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------
// Register and confirm

export interface RegisterInput {
  fullName: string;
  email: string;
  password: string;
  confirmPassword: string;
}

export type ThrottleResult = { kind: "throttled"; retryAt: Date };

export async function register(
  db: Db,
  input: RegisterInput,
  req: RequestInfo,
): Promise<{ kind: "ok" } | { kind: "invalid"; errors: FieldErrors } | ThrottleResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const email = normaliseEmail(input.email);
  const errors: FieldErrors = {};
  const fullName = input.fullName.trim();
  if (!fullName) errors.fullName = "Enter your full name";
  else if (fullName.length > 100) errors.fullName = "Full name must be 100 characters or fewer";
  // The name goes into an email to the address typed: it must not carry a link someone could be sent.
  else if (/(:\/\/|www\.|https?:|[<>])/i.test(fullName)) errors.fullName = "Full name must only include letters, spaces, hyphens and apostrophes";
  if (!email) errors.email = "Enter your email address";
  else if (!isEmailAddress(email)) errors.email = EMAIL_FORMAT_MESSAGE;
  const problem = passwordProblem(input.password, { email });
  if (problem) errors.password = problem;
  else if (input.confirmPassword !== input.password) errors.confirmPassword = "Passwords must match";
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors };

  // Every registration from an address counts; emails to one address are limited too (silently, so the
  // answer is the same for every address).
  const byIp = await reserve(db, req.ip ? [{ key: bucketKey("register", "ip", req.ip), limit: settings.limits.registerIp }] : [], now);
  if (!byIp.ok) return { kind: "throttled", retryAt: byIp.retryAt };
  const toAddress = await reserve(db, [{ key: bucketKey("register", "email", email), limit: settings.limits.resetAccount }], now);

  // Hash before the transaction: scrypt is slow and must not hold a write lock.
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing) {
      if (toAddress.ok) {
        // Confirmed: "you already have an account". Not yet: a fresh link, which sets the password chosen
        // now, so whoever owns the address ends up with their own password, not an earlier registrant's.
        if (existing.email_verified_at) {
          await enqueue(trx, { template: "account-exists", data: { name: existing.full_name }, recipients: [{ email: existing.email, name: existing.full_name }] });
        } else {
          await sendVerification(trx, existing.id, existing.email, fullName, passwordHash, settings, now);
        }
      }
      await appendAudit(trx, { actorUserId: null, event: "auth.register_existing", entityType: "user", entityId: existing.id, ip: req.ip });
      return;
    }
    const { id } = await trx
      .insertInto("users")
      .values({ email, full_name: fullName, password_hash: passwordHash, password_changed_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (toAddress.ok) await sendVerification(trx, id, email, fullName, passwordHash, settings, now);
    await appendAudit(trx, { actorUserId: id, event: "auth.registered", entityType: "user", entityId: id, ip: req.ip });
  });
  return { kind: "ok" };
}

/** A confirmation link that, when used, also sets the password hash chosen by whoever asked for it. */
async function sendVerification(trx: Trx, userId: number, email: string, name: string, passwordHash: string | null, settings: AuthSettings, now: Date) {
  const token = await issueToken(trx, userId, "verify_email", settings.verifyEmailTtlMs, now, passwordHash);
  await enqueue(trx, {
    template: "verify-email",
    data: { name, token, expiresInHours: Math.round(settings.verifyEmailTtlMs / 3_600_000) },
    recipients: [{ email, name }],
    containsSecret: true,
  });
}

export type LinkProblem = "invalid" | "expired" | "used";

/** Whether a confirmation link would work (the page shows a button; a link scanner's GET changes nothing). */
export async function checkVerifyLink(db: Db, token: string, req: RequestInfo): Promise<{ ok: true } | { ok: false; problem: LinkProblem | "already_verified" }> {
  const r = await checkToken(db, token, "verify_email", nowOf(req));
  if (r.ok) return { ok: true };
  if (r.problem === "used" && r.userId) {
    const user = await db.selectFrom("users").select("email_verified_at").where("id", "=", r.userId).executeTakeFirst();
    if (user?.email_verified_at) return { ok: false, problem: "already_verified" };
  }
  return { ok: false, problem: r.problem };
}

/** Confirms an address from the emailed link. A link used twice says the address is already confirmed. */
export async function verifyEmail(db: Db, token: string, req: RequestInfo): Promise<{ kind: "verified" | "already_verified" } | { kind: LinkProblem }> {
  const now = nowOf(req);
  return db.transaction().execute(async (trx) => {
    const result = await consumeToken(trx, token, "verify_email", now);
    if (!result.ok) {
      if (result.problem === "used" && result.userId) {
        const user = await trx.selectFrom("users").select("email_verified_at").where("id", "=", result.userId).executeTakeFirst();
        if (user?.email_verified_at) return { kind: "already_verified" as const };
      }
      return { kind: result.problem };
    }
    const nowIso = now.toISOString();
    const confirmed = await trx
      .updateTable("users")
      .set({ email_verified_at: nowIso, updated_at: nowIso, ...(result.payload ? { password_hash: result.payload, password_changed_at: nowIso } : {}) })
      .where("id", "=", result.userId)
      .where("email_verified_at", "is", null)
      .executeTakeFirst();
    if (Number(confirmed.numUpdatedRows) === 0) return { kind: "already_verified" as const };
    await appendAudit(trx, { actorUserId: result.userId, event: "auth.email_verified", entityType: "user", entityId: result.userId, ip: req.ip });
    return { kind: "verified" as const };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Sign in

export interface SignInInput {
  email: string;
  password: string;
  returnTo: string | null;
  /** The browser's device cookie, if it has one. */
  deviceToken: string | null;
  /** The session the browser had before, replaced by a new one. */
  previousSessionId?: string | null;
}

export type SignInResult =
  | ThrottleResult
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "unverified" }
  | { kind: "two_factor" | "two_factor_setup" | "signed_in"; token: string; session: Session };

export const SIGN_IN_FAILED = "Enter the email address and password of your account. Check them and try again";

/** Audit entries for a failed attempt, and for each limit it filled (a lock-out starts). */
async function recordFailure(
  db: Db,
  req: RequestInfo,
  now: Date,
  e: { event: string; userId: number | null; filling: Bucket[]; accountKey: string; data?: Record<string, unknown> },
) {
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, { actorUserId: null, event: e.event, entityType: e.userId ? "user" : undefined, entityId: e.userId ?? undefined, ip: req.ip, data: e.data });
    for (const b of e.filling) {
      const account = b.key === e.accountKey;
      await appendAudit(trx, {
        actorUserId: null,
        event: "auth.locked_out",
        entityType: account && e.userId ? "user" : undefined,
        entityId: account ? (e.userId ?? undefined) : undefined,
        ip: req.ip,
        data: { limit: `${b.key.split(":")[0]}:${account ? "account" : "ip"}`, until: new Date(now.getTime() + b.limit.windowMs).toISOString() },
      });
    }
  });
}

export async function signIn(db: Db, input: SignInInput, req: RequestInfo): Promise<SignInResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const email = normaliseEmail(input.email);
  const errors: FieldErrors = {};
  if (!email) errors.email = "Enter your email address";
  if (!input.password) errors.password = "Enter your password";
  if (Object.keys(errors).length) return { kind: "invalid", errors };

  // Per address typed (known or not, so the limit says nothing about who has an account) and per IP.
  // The attempt holds its place while the password is checked, so a burst of requests cannot all slip in.
  const accountBucket: Bucket = { key: bucketKey("sign-in", "email", email), limit: settings.limits.signInAccount };
  const buckets: Bucket[] = [accountBucket, ...(req.ip ? [{ key: bucketKey("sign-in", "ip", req.ip), limit: settings.limits.signInIp }] : [])];
  const place = await reserve(db, buckets, now);
  if (!place.ok) return { kind: "throttled", retryAt: place.retryAt };

  const user = await findUserByEmail(db, email);
  const passwordOk = user?.password_hash
    ? await verifyPassword(input.password, user.password_hash)
    : (await verifyPassword(input.password, await timingDummy()), false);

  if (!user || !passwordOk || user.disabled_at) {
    await recordFailure(db, req, now, {
      event: "auth.sign_in_failed",
      userId: user?.id ?? null,
      filling: place.filling,
      accountKey: accountBucket.key,
      data: { reason: !user ? "no_account" : user.disabled_at ? "disabled" : "password" },
    });
    return { kind: "invalid", errors: { email: SIGN_IN_FAILED } };
  }
  await release(db, place.ids);

  if (!user.email_verified_at) {
    // They have proved they own the password; send a fresh link (a few an hour at most).
    const resend = await reserve(db, [{ key: bucketKey("verify-resend", "account", user.id), limit: settings.limits.resetAccount }], now);
    if (resend.ok) {
      await db.transaction().execute((trx) => sendVerification(trx, user.id, user.email, user.full_name, null, settings, now));
    }
    return { kind: "unverified" };
  }

  const staff = await isStaff(db, user.id);
  const stage = staff && !user.totp_enabled_at ? "two_factor_setup" : staff || user.totp_enabled_at ? "two_factor" : "active";
  return db.transaction().execute(async (trx) => {
    await clearBucket(trx, accountBucket.key);
    if (input.previousSessionId) await deleteSession(trx, input.previousSessionId);
    if (stage !== "active") {
      const { token, session } = await createSession(
        trx,
        { userId: user.id, stage, idleMs: settings.pendingMs, ip: req.ip, userAgent: req.userAgent, returnTo: input.returnTo, deviceHash: deviceHash(input.deviceToken) },
        settings,
        now,
      );
      await appendAudit(trx, { actorUserId: user.id, event: "auth.password_accepted", entityType: "user", entityId: user.id, ip: req.ip, data: { next: stage } });
      return { kind: stage, token, session };
    }
    const started = await startSession(trx, user, false, input.deviceToken, req, settings, now, input.returnTo);
    return { kind: "signed_in" as const, ...started };
  });
}

function deviceHash(deviceToken: string | null | undefined): string | null {
  return deviceToken && /^[A-Za-z0-9_-]{20,100}$/.test(deviceToken) ? sha256(`device:${deviceToken}`) : null;
}

/** A full session, with a new id. Staff signing in from a device not seen before are told by email. */
async function startSession(
  trx: Trx,
  user: Pick<User, "id" | "email" | "full_name">,
  staff: boolean,
  deviceToken: string | null,
  req: RequestInfo,
  settings: AuthSettings,
  now: Date,
  returnTo: string | null,
  method: "password" | "totp" | "recovery_code" | "setup" = "password",
) {
  const device = deviceHash(deviceToken);
  const { token, session } = await createSession(
    trx,
    { userId: user.id, stage: "active", idleMs: staff ? settings.staffIdleMs : settings.applicantIdleMs, ip: req.ip, userAgent: req.userAgent, returnTo, deviceHash: device },
    settings,
    now,
  );
  let newDevice = false;
  if (device) {
    const seen = await trx.selectFrom("known_devices").select("id").where("user_id", "=", user.id).where("device_hash", "=", device).executeTakeFirst();
    if (seen) {
      await trx.updateTable("known_devices").set({ last_seen_at: now.toISOString(), updated_at: now.toISOString() }).where("id", "=", seen.id).execute();
    } else {
      newDevice = true;
      await trx.insertInto("known_devices").values({ user_id: user.id, device_hash: device, last_seen_at: now.toISOString() }).execute();
    }
  } else {
    newDevice = true;
  }
  if (staff && newDevice && method !== "setup") {
    await enqueue(trx, {
      template: "new-sign-in",
      data: { name: user.full_name, signedInAt: formatLondonDateTime(now.toISOString()), browser: describeBrowser(req.userAgent) },
      recipients: [{ email: user.email, name: user.full_name }],
    });
  }
  await appendAudit(trx, { actorUserId: user.id, event: "auth.sign_in", entityType: "user", entityId: user.id, ip: req.ip, data: { method, newDevice } });
  return { token, session };
}

// ---------------------------------------------------------------------------------------------------------
// Second factor

export type SecondFactorResult = ThrottleResult | { kind: "invalid"; errors: FieldErrors } | { kind: "signed_in"; token: string; session: Session };

function twoFactorBuckets(userId: number, req: RequestInfo, settings: AuthSettings): Bucket[] {
  return [
    { key: bucketKey("two-factor", "account", userId), limit: settings.limits.twoFactorAccount },
    ...(req.ip ? [{ key: bucketKey("two-factor", "ip", req.ip), limit: settings.limits.twoFactorIp }] : []),
  ];
}

/**
 * Accepts a code for `userId` once: the step is recorded in the same statement that checks it is newer
 * than the last one, so a code cannot be used twice, even by two requests at once.
 */
async function acceptTotp(db: Db | Trx, userId: number, secret: string, code: string, now: Date): Promise<boolean> {
  const step = totpStep(secret, code, now.getTime());
  if (step === null) return false;
  const r = await db
    .updateTable("users")
    .set({ totp_last_step: step, updated_at: now.toISOString() })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function codeProblem(code: string): FieldErrors | null {
  if (!code) return { code: "Enter the 6-digit code from your authenticator app" };
  if (!/^\d{6}$/.test(code)) return { code: "The code must be 6 digits" };
  return null;
}

/** The code from an authenticator app, after a password was accepted. */
export async function completeTwoFactor(
  db: Db,
  pending: Session,
  input: { code: string; deviceToken: string | null },
  req: RequestInfo,
): Promise<SecondFactorResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  if (pending.stage !== "two_factor") throw new Error("No sign-in is waiting for a code");
  const code = input.code.replace(/[\s-]/g, "");
  const problem = codeProblem(code);
  if (problem) return { kind: "invalid", errors: problem };
  const buckets = twoFactorBuckets(pending.userId, req, settings);
  const place = await reserve(db, buckets, now);
  if (!place.ok) return { kind: "throttled", retryAt: place.retryAt };
  const user = await db.selectFrom("users").selectAll().where("id", "=", pending.userId).executeTakeFirstOrThrow();
  if (!user.totp_secret || !user.totp_enabled_at || !(await acceptTotp(db, user.id, user.totp_secret, code, now))) {
    await recordFailure(db, req, now, { event: "auth.two_factor_failed", userId: user.id, filling: place.filling, accountKey: buckets[0].key });
    return { kind: "invalid", errors: { code: "The code is not right or has been used. Wait for a new code and try again" } };
  }
  await release(db, place.ids);
  return finishSecondFactor(db, pending, user, input.deviceToken, req, settings, now, "totp");
}

async function finishSecondFactor(
  db: Db,
  pending: Session,
  user: User,
  deviceToken: string | null,
  req: RequestInfo,
  settings: AuthSettings,
  now: Date,
  method: "totp" | "recovery_code" | "setup",
): Promise<{ kind: "signed_in"; token: string; session: Session }> {
  return db.transaction().execute(async (trx) => {
    await deleteSession(trx, pending.id);
    await clearBucket(trx, bucketKey("two-factor", "account", user.id));
    const staff = await isStaff(trx, user.id);
    const started = await startSession(trx, user, staff, deviceToken, req, settings, now, pending.returnTo, method);
    return { kind: "signed_in" as const, ...started };
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** "salt$sha256(salt + code)": a salt per code, so a copy of the table cannot be attacked all at once. */
function hashRecoveryCode(code: string, salt = randomToken(12)): string {
  return `${salt}$${sha256(`${salt}:${normaliseRecoveryCode(code)}`)}`;
}

function recoveryCodeMatches(code: string, stored: string): boolean {
  const [salt] = stored.split("$");
  return safeEqual(hashRecoveryCode(code, salt), stored);
}

/** A recovery code instead of the app (a lost phone). Each code works once. */
export async function useRecoveryCode(
  db: Db,
  pending: Session,
  input: { code: string; deviceToken: string | null },
  req: RequestInfo,
): Promise<SecondFactorResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  if (pending.stage !== "two_factor") throw new Error("No sign-in is waiting for a code");
  const code = normaliseRecoveryCode(input.code);
  if (!code) return { kind: "invalid", errors: { code: "Enter one of your recovery codes" } };
  const buckets = twoFactorBuckets(pending.userId, req, settings);
  const place = await reserve(db, buckets, now);
  if (!place.ok) return { kind: "throttled", retryAt: place.retryAt };
  const unused = await db.selectFrom("recovery_codes").select(["id", "code_hash"]).where("user_id", "=", pending.userId).where("used_at", "is", null).execute();
  const match = unused.find((r) => recoveryCodeMatches(code, r.code_hash));
  const used = match
    ? await db
        .updateTable("recovery_codes")
        .set({ used_at: now.toISOString(), updated_at: now.toISOString() })
        .where("id", "=", match.id)
        .where("used_at", "is", null)
        .executeTakeFirst()
    : null;
  if (!used || Number(used.numUpdatedRows) !== 1) {
    await recordFailure(db, req, now, { event: "auth.recovery_code_failed", userId: pending.userId, filling: place.filling, accountKey: buckets[0].key });
    return { kind: "invalid", errors: { code: "The recovery code is not right or has been used" } };
  }
  await release(db, place.ids);
  const user = await db.selectFrom("users").selectAll().where("id", "=", pending.userId).executeTakeFirstOrThrow();
  await appendAudit(db, { actorUserId: user.id, event: "auth.recovery_code_used", entityType: "user", entityId: user.id, ip: req.ip });
  return finishSecondFactor(db, pending, user, input.deviceToken, req, settings, now, "recovery_code");
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes of ten characters (about 49 bits each), shown once as "abcde-fghjk". */
function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const bytes = Buffer.from(randomToken(16), "base64url");
    let code = "";
    for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[bytes[i] % RECOVERY_ALPHABET.length];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

async function replaceRecoveryCodes(trx: Trx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c) })))
    .execute();
  return codes;
}

/**
 * The secret to show while setting up an app: kept on this session's row until a code from the app
 * confirms it, so no other session (even one with the same password) can see or finish it. Null when
 * two-factor is already on.
 */
export async function beginTwoFactorSetup(db: Db, session: Session): Promise<string | null> {
  const user = await db.selectFrom("users").select("totp_enabled_at").where("id", "=", session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) return null;
  const row = await db.selectFrom("sessions").select("totp_pending_secret").where("id", "=", session.id).executeTakeFirst();
  if (row?.totp_pending_secret) return row.totp_pending_secret;
  const secret = newTotpSecret();
  await db.updateTable("sessions").set({ totp_pending_secret: secret }).where("id", "=", session.id).execute();
  return secret;
}

/**
 * Confirms set-up with the first code from the app; turns two-factor on and gives recovery codes (shown
 * once). A staff member setting up during sign-in goes on with finishTwoFactorSetup, from this session only.
 */
export async function confirmTwoFactorSetup(
  db: Db,
  session: Session,
  input: { code: string },
  req: RequestInfo,
): Promise<ThrottleResult | { kind: "invalid"; errors: FieldErrors } | { kind: "enabled"; recoveryCodes: string[] }> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const code = input.code.replace(/[\s-]/g, "");
  const problem = codeProblem(code);
  if (problem) return { kind: "invalid", errors: problem };
  const buckets = twoFactorBuckets(session.userId, req, settings);
  const place = await reserve(db, buckets, now);
  if (!place.ok) return { kind: "throttled", retryAt: place.retryAt };
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.userId).executeTakeFirstOrThrow();
  const row = await db.selectFrom("sessions").select("totp_pending_secret").where("id", "=", session.id).executeTakeFirst();
  const secret = row?.totp_pending_secret;
  const step = secret && !user.totp_enabled_at ? totpStep(secret, code, now.getTime()) : null;
  if (!secret || step === null) {
    await recordFailure(db, req, now, { event: "auth.two_factor_setup_failed", userId: user.id, filling: place.filling, accountKey: buckets[0].key });
    return { kind: "invalid", errors: { code: "The code is not right. Check the time on your phone is set automatically, then try the newest code" } };
  }
  await release(db, place.ids);
  const recoveryCodes = await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    await trx
      .updateTable("users")
      .set({ totp_secret: secret, totp_enabled_at: nowIso, totp_last_step: step, updated_at: nowIso })
      .where("id", "=", user.id)
      .execute();
    await trx.updateTable("sessions").set({ totp_pending_secret: null, second_factor_at: nowIso }).where("id", "=", session.id).execute();
    const codes = await replaceRecoveryCodes(trx, user.id);
    await appendAudit(trx, { actorUserId: user.id, event: "auth.two_factor_enabled", entityType: "user", entityId: user.id, ip: req.ip });
    await enqueue(trx, {
      template: "security-change",
      data: { name: user.full_name, change: "two_factor_enabled", changedAt: formatLondonDateTime(nowIso) },
      recipients: [{ email: user.email, name: user.full_name }],
    });
    return codes;
  });
  return { kind: "enabled", recoveryCodes };
}

/**
 * After a staff member set up two-factor during sign-in and saw their recovery codes: the sign-in
 * completes, with a new session. Only the set-up session that itself confirmed a code gets here.
 */
export async function finishTwoFactorSetup(
  db: Db,
  session: Session,
  input: { deviceToken: string | null },
  req: RequestInfo,
): Promise<{ kind: "signed_in"; token: string; session: Session } | { kind: "not_set_up" }> {
  if (session.stage !== "two_factor_setup") return { kind: "not_set_up" };
  const row = await db.selectFrom("sessions").select("second_factor_at").where("id", "=", session.id).executeTakeFirst();
  if (!row?.second_factor_at) return { kind: "not_set_up" };
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.userId).executeTakeFirstOrThrow();
  if (!user.totp_enabled_at) return { kind: "not_set_up" };
  return finishSecondFactor(db, session, user, input.deviceToken, req, settingsOf(req), nowOf(req), "setup");
}

/**
 * The current password, checked under the sign-in limit (a signed-in page that asks for it is a guessing
 * oracle too). A wrong password keeps its place in the limit; a right one gives it back.
 */
async function checkCurrentPassword(db: Db, user: User, password: string, req: RequestInfo, event: string): Promise<"ok" | "wrong" | ThrottleResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const bucket: Bucket = { key: bucketKey("sign-in", "email", user.email), limit: settings.limits.signInAccount };
  const place = await reserve(db, [bucket], now);
  if (!place.ok) return { kind: "throttled", retryAt: place.retryAt };
  if (password && user.password_hash && (await verifyPassword(password, user.password_hash))) {
    await release(db, place.ids);
    return "ok";
  }
  await recordFailure(db, req, now, { event, userId: user.id, filling: place.filling, accountKey: bucket.key });
  return "wrong";
}

/** Issues ten new recovery codes, replacing any left (used when two-factor is turned on, and by tests). */
export async function issueRecoveryCodes(db: Db, userId: number, req: RequestInfo): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, userId);
    await appendAudit(trx, { actorUserId: userId, event: "auth.recovery_codes_replaced", entityType: "user", entityId: userId, ip: req.ip });
    return codes;
  });
}

/** New recovery codes, for someone signed in who gives their password again. */
export async function regenerateRecoveryCodes(
  db: Db,
  session: Session,
  input: { password: string },
  req: RequestInfo,
): Promise<{ kind: "ok"; recoveryCodes: string[] } | { kind: "invalid"; errors: FieldErrors } | ThrottleResult> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.userId).executeTakeFirstOrThrow();
  if (!user.totp_enabled_at) return { kind: "invalid", errors: { password: "Turn on two-factor authentication first" } };
  const check = await checkCurrentPassword(db, user, input.password, req, "auth.password_check_failed");
  if (check === "wrong") return { kind: "invalid", errors: { regeneratePassword: input.password ? "Your password is not right" : "Enter your password" } };
  if (check !== "ok") return check;
  return { kind: "ok", recoveryCodes: await issueRecoveryCodes(db, user.id, req) };
}

export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  const { n } = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Applicants may turn two-factor off again (with their password); staff may not. */
export async function disableTwoFactor(
  db: Db,
  session: Session,
  input: { password: string },
  req: RequestInfo,
): Promise<{ kind: "invalid"; errors: FieldErrors } | { kind: "disabled" } | { kind: "required" } | ThrottleResult> {
  const now = nowOf(req);
  if (await isStaff(db, session.userId)) return { kind: "required" };
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.userId).executeTakeFirstOrThrow();
  const check = await checkCurrentPassword(db, user, input.password, req, "auth.password_check_failed");
  if (check === "wrong") return { kind: "invalid", errors: { password: input.password ? "Your password is not right" : "Enter your password" } };
  if (check !== "ok") return check;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now.toISOString() })
      .where("id", "=", user.id)
      .execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", user.id).execute();
    await appendAudit(trx, { actorUserId: user.id, event: "auth.two_factor_disabled", entityType: "user", entityId: user.id, ip: req.ip });
    await enqueue(trx, {
      template: "security-change",
      data: { name: user.full_name, change: "two_factor_disabled", changedAt: formatLondonDateTime(now.toISOString()) },
      recipients: [{ email: user.email, name: user.full_name }],
    });
  });
  return { kind: "disabled" };
}

export async function isStaffUser(db: Db, userId: number): Promise<boolean> {
  return isStaff(db, userId);
}

// ---------------------------------------------------------------------------------------------------------
// Passwords

/** The same answer whether or not the address has an account. */
export async function requestPasswordReset(db: Db, input: { email: string }, req: RequestInfo): Promise<{ kind: "ok" } | { kind: "invalid"; errors: FieldErrors } | ThrottleResult> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const email = normaliseEmail(input.email);
  if (!email) return { kind: "invalid", errors: { email: "Enter your email address" } };
  if (!isEmailAddress(email)) return { kind: "invalid", errors: { email: EMAIL_FORMAT_MESSAGE } };
  const byIp = await reserve(db, req.ip ? [{ key: bucketKey("reset", "ip", req.ip), limit: settings.limits.resetIp }] : [], now);
  if (!byIp.ok) return { kind: "throttled", retryAt: byIp.retryAt };
  // Emails to one address are limited silently, whether or not it has an account.
  const toAddress = await reserve(db, [{ key: bucketKey("reset", "email", email), limit: settings.limits.resetAccount }], now);
  if (!toAddress.ok) return { kind: "ok" };
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.disabled_at) return;
    const token = await issueToken(trx, user.id, "reset_password", settings.resetPasswordTtlMs, now);
    await enqueue(trx, {
      template: "reset-password",
      data: { name: user.full_name, token, expiresInMinutes: Math.round(settings.resetPasswordTtlMs / 60_000) },
      recipients: [{ email: user.email, name: user.full_name }],
      containsSecret: true,
    });
    await appendAudit(trx, { actorUserId: null, event: "auth.password_reset_requested", entityType: "user", entityId: user.id, ip: req.ip });
  });
  return { kind: "ok" };
}

export async function checkResetLink(db: Db, token: string, req: RequestInfo): Promise<{ ok: true } | { ok: false; problem: LinkProblem }> {
  const r = await checkToken(db, token, "reset_password", nowOf(req));
  return r.ok ? { ok: true } : { ok: false, problem: r.problem };
}

/**
 * A link still usable, and a new password good enough (hashed, ready to store); the link is used only
 * when the change is written, so a refused password leaves it working.
 */
async function newPasswordFromLink(
  db: Db,
  input: { token: string; password: string; confirmPassword: string },
  purpose: "reset_password" | "account_setup",
  now: Date,
): Promise<{ kind: "ok"; user: User; hash: string } | { kind: "invalid"; errors: FieldErrors } | { kind: LinkProblem }> {
  const check = await checkToken(db, input.token, purpose, now);
  if (!check.ok) return { kind: check.problem };
  const user = await db.selectFrom("users").selectAll().where("id", "=", check.userId).executeTakeFirstOrThrow();
  const problem = passwordProblem(input.password, { email: user.email });
  if (problem) return { kind: "invalid", errors: { password: problem } };
  if (input.confirmPassword !== input.password) return { kind: "invalid", errors: { confirmPassword: "Passwords must match" } };
  return { kind: "ok", user, hash: await hashPassword(input.password) };
}

/** Sets a new password from a reset link, ends every session and tells the account's owner. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string; confirmPassword: string },
  req: RequestInfo,
): Promise<{ kind: "reset" } | { kind: "invalid"; errors: FieldErrors } | { kind: LinkProblem }> {
  const now = nowOf(req);
  const checked = await newPasswordFromLink(db, input, "reset_password", now);
  if (checked.kind !== "ok") return checked;
  const { user, hash } = checked;
  return db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, input.token, "reset_password", now);
    if (!used.ok) return { kind: used.problem };
    await setPassword(trx, user, hash, now, { verifyEmail: true });
    await deleteUserSessions(trx, user.id);
    await clearBucket(trx, bucketKey("sign-in", "email", user.email));
    await appendAudit(trx, { actorUserId: user.id, event: "auth.password_reset", entityType: "user", entityId: user.id, ip: req.ip });
    return { kind: "reset" as const };
  });
}

async function setPassword(trx: Trx, user: User, hash: string, now: Date, opts: { verifyEmail?: boolean } = {}) {
  const nowIso = now.toISOString();
  await trx
    .updateTable("users")
    .set({
      password_hash: hash,
      password_changed_at: nowIso,
      updated_at: nowIso,
      ...(opts.verifyEmail && !user.email_verified_at ? { email_verified_at: nowIso } : {}),
    })
    .where("id", "=", user.id)
    .execute();
  await enqueue(trx, {
    template: "password-changed",
    data: { name: user.full_name, changedAt: formatLondonDateTime(nowIso) },
    recipients: [{ email: user.email, name: user.full_name }],
  });
}

/** Asks for the current password; ends every other session. */
export async function changePassword(
  db: Db,
  session: Session,
  input: { currentPassword: string; password: string; confirmPassword: string },
  req: RequestInfo,
): Promise<{ kind: "changed"; endedSessions: number } | { kind: "invalid"; errors: FieldErrors } | ThrottleResult> {
  const now = nowOf(req);
  const user = await db.selectFrom("users").selectAll().where("id", "=", session.userId).executeTakeFirstOrThrow();
  const errors: FieldErrors = {};
  if (!input.currentPassword) errors.currentPassword = "Enter your current password";
  else {
    const check = await checkCurrentPassword(db, user, input.currentPassword, req, "auth.password_change_failed");
    if (check === "wrong") errors.currentPassword = "Your current password is not right";
    else if (check !== "ok") return check;
  }
  const problem = passwordProblem(input.password, { email: user.email });
  if (problem) errors.password = problem;
  else if (input.confirmPassword !== input.password) errors.confirmPassword = "Passwords must match";
  else if (input.currentPassword && input.password === input.currentPassword) errors.password = "Your new password must be different from your current one";
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await setPassword(trx, user, hash, now);
    const endedSessions = await deleteUserSessions(trx, user.id, session.id);
    await appendAudit(trx, { actorUserId: user.id, event: "auth.password_changed", entityType: "user", entityId: user.id, ip: req.ip, data: { endedSessions } });
    return { kind: "changed" as const, endedSessions };
  });
}

export async function signOut(db: Db, session: Session, req: RequestInfo): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.id);
    await appendAudit(trx, { actorUserId: session.userId, event: "auth.sign_out", entityType: "user", entityId: session.userId, ip: req.ip });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The first service administrator, and accounts made by others

/** Made from the command line; returns the one-time set-up token. */
export async function createServiceAdmin(db: Db, input: { email: string; fullName: string }, settings: AuthSettings = authSettings()): Promise<{ userId: number; token: string }> {
  const email = normaliseEmail(input.email);
  const fullName = input.fullName.trim();
  if (!isEmailAddress(email)) throw new Error(`"${input.email}" is not an email address`);
  if (!fullName) throw new Error("Give the administrator's full name with --name");
  return db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, email);
    if (user?.password_hash) {
      throw new Error(`${email} already has an account. Sign in with it, or reset its password from the sign-in page.`);
    }
    if (!user) {
      user = await trx.insertInto("users").values({ email, full_name: fullName }).returningAll().executeTakeFirstOrThrow();
    }
    const hasGrant = await trx
      .selectFrom("role_grants")
      .select("id")
      .where("user_id", "=", user.id)
      .where("role", "=", "service_admin")
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!hasGrant) {
      await trx.insertInto("role_grants").values({ user_id: user.id, role: "service_admin", scope: "all", fund_id: null, district_code: null, round_id: null, granted_by_user_id: null }).execute();
    }
    const token = await issueToken(trx, user.id, "account_setup", settings.accountSetupTtlMs);
    await appendAudit(trx, { actorUserId: null, event: "auth.service_admin_created", entityType: "user", entityId: user.id, data: { via: "command_line" } });
    return { userId: user.id, token };
  });
}

export async function checkSetupLink(db: Db, token: string, req: RequestInfo): Promise<{ ok: true; email: string } | { ok: false; problem: LinkProblem }> {
  const r = await checkToken(db, token, "account_setup", nowOf(req));
  if (!r.ok) return { ok: false, problem: r.problem };
  const user = await db.selectFrom("users").select("email").where("id", "=", r.userId).executeTakeFirstOrThrow();
  return { ok: true, email: user.email };
}

/** Sets the password from a set-up link; staff go on to set up two-factor before they are signed in. */
export async function completeAccountSetup(
  db: Db,
  input: { token: string; password: string; confirmPassword: string; deviceToken: string | null },
  req: RequestInfo,
): Promise<{ kind: "two_factor" | "two_factor_setup" | "signed_in"; token: string; session: Session } | { kind: "invalid"; errors: FieldErrors } | { kind: LinkProblem }> {
  const settings = settingsOf(req);
  const now = nowOf(req);
  const checked = await newPasswordFromLink(db, input, "account_setup", now);
  if (checked.kind !== "ok") return checked;
  const { user, hash } = checked;
  return db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, input.token, "account_setup", now);
    if (!used.ok) return { kind: used.problem };
    const nowIso = now.toISOString();
    await trx
      .updateTable("users")
      .set({ password_hash: hash, password_changed_at: nowIso, email_verified_at: user.email_verified_at ?? nowIso, updated_at: nowIso })
      .where("id", "=", user.id)
      .execute();
    await appendAudit(trx, { actorUserId: user.id, event: "auth.account_set_up", entityType: "user", entityId: user.id, ip: req.ip });
    const staff = await isStaff(trx, user.id);
    // Staff are not signed in by a link alone: they set up two-factor now, or give a code if it is on.
    if (staff || user.totp_enabled_at) {
      const stage = user.totp_enabled_at ? ("two_factor" as const) : ("two_factor_setup" as const);
      const pending = await createSession(
        trx,
        { userId: user.id, stage, idleMs: settings.pendingMs, ip: req.ip, userAgent: req.userAgent, returnTo: "/account", deviceHash: deviceHash(input.deviceToken) },
        settings,
        now,
      );
      return { kind: stage, ...pending };
    }
    const started = await startSession(trx, user, staff, input.deviceToken, req, settings, now, "/account", "setup");
    return { kind: "signed_in" as const, ...started };
  });
}
