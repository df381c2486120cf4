/**
 * The account operations against a real database (SQLite, and PostgreSQL with test:pg): every rule of
 * the accounts issue, with the limits each test exercises stated in the test.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "~db/seeds/index";
import * as accounts from "~/domain/accounts/accounts.server";
import { readSession } from "~/domain/accounts/sessions.server";
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from "~/domain/accounts/settings";
import { sha256 } from "~/domain/accounts/tokens.server";
import { totpCode } from "~/domain/accounts/totp.server";
import { useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;

const MINUTE = 60_000;
const T0 = new Date("2026-11-22T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Limits stated here, not taken from the environment. */
const SETTINGS: AuthSettings = {
  ...DEFAULT_AUTH_SETTINGS,
  limits: {
    signInAccount: { max: 3, windowMs: 15 * MINUTE },
    signInIp: { max: 6, windowMs: 15 * MINUTE },
    registerIp: { max: 4, windowMs: 60 * MINUTE },
    resetIp: { max: 4, windowMs: 60 * MINUTE },
    resetAccount: { max: 2, windowMs: 60 * MINUTE },
    twoFactorAccount: { max: 3, windowMs: 15 * MINUTE },
    twoFactorIp: { max: 10, windowMs: 15 * MINUTE },
  },
};

let ipCounter = 0;
/** Each test comes from its own address unless it says otherwise, so per-IP limits do not leak between tests. */
const freshIp = () => `203.0.113.${++ipCounter}`;
const req = (ip: string, now = T0) => ({ ip, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", now, settings: SETTINGS });

async function outboxFor(email: string, template?: string) {
  let q = db().selectFrom("outbox").selectAll().where("to_email", "=", email).orderBy("id", "asc");
  if (template) q = q.where("template", "=", template);
  return q.execute();
}

async function lastToken(email: string, template: string): Promise<string> {
  const rows = await outboxFor(email, template);
  const data = fromJson<{ token: string }>(rows[rows.length - 1].data, { token: "" });
  return data.token;
}

async function auditEvents(userId?: number) {
  let q = db().selectFrom("audit_log").selectAll().orderBy("id", "asc");
  if (userId !== undefined) q = q.where("entity_id", "=", userId);
  return q.execute();
}

const SERVICE_ADMIN = DEMO_STAFF[0];
const APPLICANT = "alex@larder.example.org";

beforeAll(async () => {
  await seedDemo(db(), T0.toISOString());
});

beforeEach(async () => {
  await db().deleteFrom("throttle_hits").execute();
});

async function register(email: string, ip = freshIp(), now = T0) {
  return accounts.register(db(), { fullName: "Nina Newcomer", email, password: "marble kettle orchard", confirmPassword: "marble kettle orchard" }, req(ip, now));
}

async function signIn(email: string, password: string, ip = freshIp(), now = T0, extra: Partial<accounts.SignInInput> = {}) {
  return accounts.signIn(db(), { email, password, returnTo: "/account", deviceToken: null, ...extra }, req(ip, now));
}

describe("registering and confirming an email address", () => {
  it("sends a single-use link that expires after 24 hours, storing only its hash", async () => {
    expect(await register("nina@example.org")).toEqual({ kind: "ok" });
    const token = await lastToken("nina@example.org", "verify-email");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db().selectFrom("auth_tokens").selectAll().execute();
    expect(stored.some((t) => t.token_hash === token)).toBe(false);
    const row = stored.find((t) => t.token_hash === sha256(token))!;
    expect(row.purpose).toBe("verify_email");
    expect(Date.parse(row.expires_at) - T0.getTime()).toBe(24 * 60 * MINUTE);

    expect(await accounts.verifyEmail(db(), token, req("x", at(60 * MINUTE)))).toEqual({ kind: "verified" });
    expect(await accounts.verifyEmail(db(), token, req("x", at(61 * MINUTE)))).toEqual({ kind: "already_verified" });
    const user = await db().selectFrom("users").selectAll().where("email", "=", "nina@example.org").executeTakeFirstOrThrow();
    expect(user.email_verified_at).not.toBeNull();
  });

  it("refuses a tampered link and an expired one", async () => {
    await register("late@example.org");
    const token = await lastToken("late@example.org", "verify-email");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await accounts.verifyEmail(db(), tampered, req("x"))).toEqual({ kind: "invalid" });
    expect(await accounts.verifyEmail(db(), "not a token", req("x"))).toEqual({ kind: "invalid" });
    expect(await accounts.verifyEmail(db(), token, req("x", at(24 * 60 * MINUTE + 1)))).toEqual({ kind: "expired" });
  });

  it("answers the same whether or not the address has an account, and tells the owner by email", async () => {
    const before = (await outboxFor(APPLICANT)).length;
    expect(await register("ALEX@larder.example.org")).toEqual({ kind: "ok" });
    const after = await outboxFor(APPLICANT);
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1].template).toBe("account-exists");
    const users = await db().selectFrom("users").select("id").where("email", "=", APPLICANT).execute();
    expect(users).toHaveLength(1);
  });

  it("treats full-width, upper-case and padded forms of an address as the same account", async () => {
    await register("Zoe@Example.org");
    await register(" ＺＯＥ@ＥＸＡＭＰＬＥ.ＯＲＧ ");
    const users = await db().selectFrom("users").select("email").where("email", "like", "%zoe%").execute();
    expect(users).toEqual([{ email: "zoe@example.org" }]);
    expect((await outboxFor("zoe@example.org")).map((r) => r.template)).toEqual(["verify-email", "verify-email"]);
  });

  it("says what is wrong with each field", async () => {
    const r = await accounts.register(db(), { fullName: " ", email: "not-an-email", password: "password1234", confirmPassword: "x" }, req(freshIp()));
    expect(r).toEqual({
      kind: "invalid",
      errors: {
        fullName: "Enter your full name",
        email: "Enter an email address in the correct format, like name@example.com",
        password: expect.stringMatching(/too common/),
      },
    });
  });

  it("limits registrations from one address", async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await register(`bulk${i}@example.org`, ip)).kind).toBe("ok");
    const r = await register("bulk5@example.org", ip);
    expect(r.kind).toBe("throttled");
    expect(await db().selectFrom("users").select("id").where("email", "=", "bulk5@example.org").executeTakeFirst()).toBeUndefined();
  });

  it("will not sign in before the address is confirmed, and sends a fresh link instead", async () => {
    await register("unconfirmed@example.org");
    const r = await signIn("unconfirmed@example.org", "marble kettle orchard");
    expect(r.kind).toBe("unverified");
    expect((await outboxFor("unconfirmed@example.org", "verify-email")).length).toBe(2);
    expect(await db().selectFrom("sessions").select("id").where("user_id", "=", (await userIdOf("unconfirmed@example.org"))).execute()).toEqual([]);
  });
});

async function userIdOf(email: string): Promise<number> {
  return (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

describe("signing in", () => {
  it("gives an applicant a session that idles out after 2 hours and ends after 12 at most", async () => {
    const r = await signIn(APPLICANT, DEMO_PASSWORD);
    if (r.kind !== "signed_in") throw new Error(r.kind);
    expect(r.session.idleSeconds).toBe(2 * 3600);
    expect(r.token).not.toBe(r.session.id);
    expect(r.session.id).toBe(sha256(r.token));
    expect(await readSession(db(), r.token, SETTINGS, at(119 * MINUTE))).not.toBeNull(); // refreshed here
    expect(await readSession(db(), r.token, SETTINGS, at(119 * MINUTE + 119 * MINUTE))).not.toBeNull();
    expect(await readSession(db(), r.token, SETTINGS, at(12 * 60 * MINUTE + 1))).toBeNull(); // absolute limit
  });

  it("ends an idle session after its timeout", async () => {
    const r = await signIn(APPLICANT, DEMO_PASSWORD);
    if (r.kind !== "signed_in") throw new Error(r.kind);
    expect(await readSession(db(), r.token, SETTINGS, at(2 * 60 * MINUTE + 1))).toBeNull();
    expect(await db().selectFrom("sessions").select("id").where("id", "=", r.session.id).executeTakeFirst()).toBeUndefined();
  });

  it("pushes the expiry back at most once a minute, not on every request", async () => {
    const r = await signIn(APPLICANT, DEMO_PASSWORD);
    if (r.kind !== "signed_in") throw new Error(r.kind);
    const row = () => db().selectFrom("sessions").select(["expires_at", "last_seen_at"]).where("id", "=", r.session.id).executeTakeFirstOrThrow();
    const first = await row();
    await readSession(db(), r.token, SETTINGS, at(59_000));
    expect(await row()).toEqual(first);
    await readSession(db(), r.token, SETTINGS, at(60_000));
    const later = await row();
    expect(Date.parse(later.expires_at)).toBe(T0.getTime() + 60_000 + 2 * 60 * MINUTE);
  });

  it("gives the same answer for a wrong password and an unknown address", async () => {
    const wrong = await signIn(APPLICANT, "not the password at all");
    const unknown = await signIn("nobody@example.org", "not the password at all");
    expect(wrong).toEqual(unknown);
    expect(wrong).toEqual({ kind: "invalid", errors: { email: accounts.SIGN_IN_FAILED } });
  });

  it("replaces the session the browser had with a new one", async () => {
    const first = await signIn(APPLICANT, DEMO_PASSWORD);
    if (first.kind !== "signed_in") throw new Error(first.kind);
    const second = await signIn(APPLICANT, DEMO_PASSWORD, freshIp(), T0, { previousSessionId: first.session.id });
    if (second.kind !== "signed_in") throw new Error(second.kind);
    expect(second.session.id).not.toBe(first.session.id);
    expect(await readSession(db(), first.token, SETTINGS, T0)).toBeNull();
  });

  it("refuses the 4th failure on one account in 15 minutes, even with the right password, and says when to retry", async () => {
    const email = "jo@larder.example.org";
    for (let i = 0; i < 3; i++) expect((await signIn(email, `wrong password ${i}`)).kind).toBe("invalid");
    const locked = await signIn(email, DEMO_PASSWORD);
    expect(locked).toEqual({ kind: "throttled", retryAt: at(15 * MINUTE) });
    // Another person is not affected, and the lock lifts when the window passes.
    expect((await signIn(APPLICANT, DEMO_PASSWORD)).kind).toBe("signed_in");
    expect((await signIn(email, DEMO_PASSWORD, freshIp(), at(15 * MINUTE + 1))).kind).toBe("signed_in");
    const events = await auditEvents(await userIdOf(email));
    expect(events.filter((e) => e.event === "auth.sign_in_failed")).toHaveLength(3);
    expect(events.filter((e) => e.event === "auth.locked_out")).toHaveLength(1);
  });

  it("limits one address trying many accounts, without locking those accounts for anyone else", async () => {
    const ip = freshIp();
    const targets = DEMO_STAFF.map((s) => s.email);
    for (let i = 0; i < 6; i++) await signIn(targets[i % targets.length], "guessing away", ip);
    expect((await signIn(APPLICANT, DEMO_PASSWORD, ip)).kind).toBe("throttled");
    expect((await signIn(APPLICANT, DEMO_PASSWORD, freshIp())).kind).toBe("signed_in");
    for (const t of targets) expect((await signIn(t, DEMO_PASSWORD, freshIp())).kind).not.toBe("throttled");
  });

  it("writes security events with ids, never passwords or addresses", async () => {
    await signIn(APPLICANT, "a secret wrong guess");
    await signIn("someone-else@example.org", "another secret guess");
    const text = JSON.stringify(await auditEvents());
    expect(text).not.toContain("secret wrong guess");
    expect(text).not.toContain("someone-else@example.org");
    expect(text).not.toContain(APPLICANT);
    expect(text).not.toContain(DEMO_PASSWORD);
  });
});

describe("two-factor sign-in for staff", () => {
  const secret = SERVICE_ADMIN.totpSecret;
  let clock = T0.getTime() + 10 * 60 * MINUTE;
  const tick = () => new Date((clock += 5 * MINUTE));

  async function passwordStep(now: Date) {
    const r = await signIn(SERVICE_ADMIN.email, DEMO_PASSWORD, freshIp(), now, { returnTo: "/admin/emails" });
    if (r.kind !== "two_factor") throw new Error(`expected two_factor, got ${r.kind}`);
    return r;
  }

  it("asks staff for a code: the password alone does not sign them in", async () => {
    const now = tick();
    const pending = await passwordStep(now);
    expect(pending.session.stage).toBe("two_factor");
    const read = await readSession(db(), pending.token, SETTINGS, now);
    expect(read?.session.stage).toBe("two_factor");
    // A pending sign-in lapses after 10 minutes.
    expect(await readSession(db(), pending.token, SETTINGS, new Date(now.getTime() + 10 * MINUTE + 1))).toBeNull();
  });

  it("accepts a code once, with a new session that idles out after 30 minutes and returns to the page asked for", async () => {
    const now = tick();
    const pending = await passwordStep(now);
    const code = totpCode(secret, now.getTime());
    const done = await accounts.completeTwoFactor(db(), pending.session, { code, deviceToken: null }, req(freshIp(), now));
    if (done.kind !== "signed_in") throw new Error(done.kind);
    expect(done.session.id).not.toBe(pending.session.id);
    expect(done.session.idleSeconds).toBe(30 * 60);
    expect(done.session.returnTo).toBe("/admin/emails");
    expect(await readSession(db(), pending.token, SETTINGS, now)).toBeNull();

    // The same code, a few seconds later in another sign-in: refused.
    const again = await passwordStep(new Date(now.getTime() + 5_000));
    const reused = await accounts.completeTwoFactor(db(), again.session, { code, deviceToken: null }, req(freshIp(), new Date(now.getTime() + 5_000)));
    expect(reused).toEqual({ kind: "invalid", errors: { code: expect.stringMatching(/has been used/) } });
  });

  it("refuses a code for a step before one already used (an intercepted older code)", async () => {
    const now = tick();
    const older = totpCode(secret, now.getTime() - 30_000);
    const first = await passwordStep(now);
    const ok = await accounts.completeTwoFactor(db(), first.session, { code: totpCode(secret, now.getTime()), deviceToken: null }, req(freshIp(), now));
    expect(ok.kind).toBe("signed_in");
    const second = await passwordStep(now);
    expect((await accounts.completeTwoFactor(db(), second.session, { code: older, deviceToken: null }, req(freshIp(), now))).kind).toBe("invalid");
  });

  it("stops guessing after 3 wrong codes for the account, and records the lock-out", async () => {
    const now = tick();
    const pending = await passwordStep(now);
    for (let i = 0; i < 3; i++) {
      expect((await accounts.completeTwoFactor(db(), pending.session, { code: "000000", deviceToken: null }, req(freshIp(), now))).kind).toBe("invalid");
    }
    const right = totpCode(secret, now.getTime());
    expect((await accounts.completeTwoFactor(db(), pending.session, { code: right, deviceToken: null }, req(freshIp(), now))).kind).toBe("throttled");
    const events = await auditEvents(await userIdOf(SERVICE_ADMIN.email));
    expect(events.some((e) => e.event === "auth.locked_out")).toBe(true);
    await db().deleteFrom("throttle_hits").execute();
  });

  it("accepts each recovery code once", async () => {
    const now = tick();
    const codes = await accounts.issueRecoveryCodes(db(), await userIdOf(SERVICE_ADMIN.email), req("x", now));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db().selectFrom("recovery_codes").select("code_hash").execute();
    expect(JSON.stringify(stored)).not.toContain(codes[0]);

    const first = await passwordStep(now);
    const used = await accounts.useRecoveryCode(db(), first.session, { code: codes[0].toUpperCase(), deviceToken: null }, req(freshIp(), now));
    expect(used.kind).toBe("signed_in");
    const second = await passwordStep(now);
    expect((await accounts.useRecoveryCode(db(), second.session, { code: codes[0], deviceToken: null }, req(freshIp(), now))).kind).toBe("invalid");
    expect(await accounts.recoveryCodesLeft(db(), await userIdOf(SERVICE_ADMIN.email))).toBe(9);
  });

  it("emails staff about a sign-in from a device not seen before, once", async () => {
    const now = tick();
    const before = (await outboxFor(SERVICE_ADMIN.email, "new-sign-in")).length;
    for (let i = 0; i < 2; i++) {
      const when = new Date(now.getTime() + i * 60_000);
      const pending = await passwordStep(when);
      const r = await accounts.completeTwoFactor(db(), pending.session, { code: totpCode(secret, when.getTime()), deviceToken: "device-token-for-this-laptop-0001" }, req(freshIp(), when));
      expect(r.kind).toBe("signed_in");
    }
    expect((await outboxFor(SERVICE_ADMIN.email, "new-sign-in")).length).toBe(before + 1);
  });

  it("makes staff without an authenticator set one up before they are signed in", async () => {
    const email = "new.officer@council.example.org";
    const { token } = await accounts.createServiceAdmin(db(), { email, fullName: "New Officer" }, SETTINGS);
    const now = tick();
    const setUp = await accounts.completeAccountSetup(db(), { token, password: "granite lantern meadow", confirmPassword: "granite lantern meadow", deviceToken: null }, req(freshIp(), now));
    if (setUp.kind !== "two_factor_setup") throw new Error(setUp.kind);
    // The set-up link works once.
    expect((await accounts.completeAccountSetup(db(), { token, password: "granite lantern meadow", confirmPassword: "granite lantern meadow", deviceToken: null }, req(freshIp(), now))).kind).toBe("used");

    const secretShown = (await accounts.beginTwoFactorSetup(db(), setUp.session))!;
    expect(await accounts.beginTwoFactorSetup(db(), setUp.session)).toBe(secretShown); // the same until confirmed
    const wrong = await accounts.confirmTwoFactorSetup(db(), setUp.session, { code: "123456" }, req(freshIp(), now));
    expect(wrong.kind).toBe("invalid");
    const ok = await accounts.confirmTwoFactorSetup(db(), setUp.session, { code: totpCode(secretShown, now.getTime()) }, req(freshIp(), now));
    if (ok.kind !== "enabled") throw new Error(ok.kind);
    expect(ok.recoveryCodes).toHaveLength(10);
    const finished = await accounts.finishTwoFactorSetup(db(), setUp.session, { deviceToken: null }, req(freshIp(), now));
    if (finished.kind !== "signed_in") throw new Error(finished.kind);
    expect(finished.session.stage).toBe("active");
    expect(finished.session.idleSeconds).toBe(30 * 60);

    // Next time: password, then a code.
    const later = new Date(now.getTime() + 2 * MINUTE);
    expect((await signIn(email, "granite lantern meadow", freshIp(), later)).kind).toBe("two_factor");
    expect((await accounts.disableTwoFactor(db(), finished.session, { password: "granite lantern meadow" }, req("x", later))).kind).toBe("required");
  });

  it("will not make a second account for an address that already has one", async () => {
    await expect(accounts.createServiceAdmin(db(), { email: APPLICANT, fullName: "Alex" }, SETTINGS)).rejects.toThrow(/already has an account/);
  });
});

describe("forgotten and changed passwords", () => {
  it("answers the same for an unknown address, and sends nothing", async () => {
    const before = await db().selectFrom("outbox").select("id").execute();
    expect(await accounts.requestPasswordReset(db(), { email: "nobody@example.org" }, req(freshIp()))).toEqual({ kind: "ok" });
    expect(await db().selectFrom("outbox").select("id").execute()).toHaveLength(before.length);
  });

  it("sends a single-use link that lasts an hour; using it ends every session and tells the owner", async () => {
    const email = "sam@scouts.example.org";
    const existing = await db().selectFrom("users").select("email").where("email", "=", email).executeTakeFirst();
    const target = existing ? email : APPLICANT;
    const session = await signIn(target, DEMO_PASSWORD);
    if (session.kind !== "signed_in") throw new Error(session.kind);

    expect(await accounts.requestPasswordReset(db(), { email: target.toUpperCase() }, req(freshIp()))).toEqual({ kind: "ok" });
    const token = await lastToken(target, "reset-password");
    const row = await db().selectFrom("auth_tokens").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - T0.getTime()).toBe(60 * MINUTE);

    expect(await accounts.checkResetLink(db(), token, req("x", at(61 * MINUTE)))).toEqual({ ok: false, problem: "expired" });
    const weak = await accounts.resetPassword(db(), { token, password: "password1234", confirmPassword: "password1234" }, req("x", at(MINUTE)));
    expect(weak.kind).toBe("invalid");
    const done = await accounts.resetPassword(db(), { token, password: "copper willow harbour", confirmPassword: "copper willow harbour" }, req("x", at(2 * MINUTE)));
    expect(done).toEqual({ kind: "reset" });
    expect(await readSession(db(), session.token, SETTINGS, at(2 * MINUTE))).toBeNull();
    expect((await outboxFor(target, "password-changed")).length).toBeGreaterThan(0);
    expect((await accounts.resetPassword(db(), { token, password: "another fine phrase", confirmPassword: "another fine phrase" }, req("x", at(3 * MINUTE)))).kind).toBe("used");
    expect((await signIn(target, "copper willow harbour")).kind).toBe("signed_in");
    // Put the demo password back for the other tests.
    const again = await accounts.requestPasswordReset(db(), { email: target }, req(freshIp()));
    expect(again.kind).toBe("ok");
    await accounts.resetPassword(db(), { token: await lastToken(target, "reset-password"), password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, req("x", at(4 * MINUTE)));
  });

  it("sends at most a few reset emails an hour to one address", async () => {
    const email = "jo@larder.example.org";
    const before = (await outboxFor(email, "reset-password")).length;
    for (let i = 0; i < 4; i++) await accounts.requestPasswordReset(db(), { email }, req(freshIp()));
    expect((await outboxFor(email, "reset-password")).length).toBe(before + 2);
  });

  it("asks for the current password, and signs out every other device but this one", async () => {
    const here = await signIn(APPLICANT, DEMO_PASSWORD);
    const elsewhere = await signIn(APPLICANT, DEMO_PASSWORD);
    if (here.kind !== "signed_in" || elsewhere.kind !== "signed_in") throw new Error("sign-in failed");
    const wrong = await accounts.changePassword(db(), here.session, { currentPassword: "not it at all", password: "amber falcon ridge", confirmPassword: "amber falcon ridge" }, req(freshIp()));
    expect(wrong).toEqual({ kind: "invalid", errors: { currentPassword: "Your current password is not right" } });
    const ok = await accounts.changePassword(db(), here.session, { currentPassword: DEMO_PASSWORD, password: "amber falcon ridge", confirmPassword: "amber falcon ridge" }, req(freshIp()));
    expect(ok.kind).toBe("changed");
    expect(await readSession(db(), here.token, SETTINGS, T0)).not.toBeNull();
    expect(await readSession(db(), elsewhere.token, SETTINGS, T0)).toBeNull();
    const back = await accounts.changePassword(db(), here.session, { currentPassword: "amber falcon ridge", password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, req(freshIp()));
    expect(back.kind).toBe("changed");
  });

  it("signs out: the session row is gone, so the old cookie is refused", async () => {
    const r = await signIn(APPLICANT, DEMO_PASSWORD);
    if (r.kind !== "signed_in") throw new Error(r.kind);
    await accounts.signOut(db(), r.session, req("x"));
    expect(await readSession(db(), r.token, SETTINGS, T0)).toBeNull();
  });
});

describe("what an attacker might try next", () => {
  it("of 20 guesses sent at once against one account, at most the limit (3) are checked", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn("maria@ramsey-timebank.example.org", `burst guess ${i}`, freshIp())));
    const checked = results.filter((r) => r.kind === "invalid").length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.kind === "throttled").length).toBeGreaterThanOrEqual(17);
    await db().deleteFrom("throttle_hits").execute();
  });

  it("of 10 codes sent at once for one sign-in, at most the limit (3) are checked", async () => {
    const now = new Date(T0.getTime() + 20 * 60 * MINUTE);
    const pending = await signIn(SERVICE_ADMIN.email, DEMO_PASSWORD, freshIp(), now);
    if (pending.kind !== "two_factor") throw new Error(pending.kind);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => accounts.completeTwoFactor(db(), pending.session, { code: String(100000 + i), deviceToken: null }, req(freshIp(), now))),
    );
    expect(results.filter((r) => r.kind === "invalid").length).toBeLessThanOrEqual(3);
    await db().deleteFrom("throttle_hits").execute();
  });

  it("registering someone else's address first does not give the attacker the account: the owner's link sets the owner's password", async () => {
    const victim = "victim@example.org";
    await accounts.register(db(), { fullName: "Attacker", email: victim, password: "attacker chosen words", confirmPassword: "attacker chosen words" }, req(freshIp()));
    const attackersLink = await lastToken(victim, "verify-email");
    await accounts.register(db(), { fullName: "Val Victim", email: victim, password: "victim chosen words", confirmPassword: "victim chosen words" }, req(freshIp()));
    const victimsLink = await lastToken(victim, "verify-email");
    expect((await accounts.verifyEmail(db(), attackersLink, req("x"))).kind).toBe("used"); // only the newest link works
    expect((await accounts.verifyEmail(db(), victimsLink, req("x"))).kind).toBe("verified");
    expect((await signIn(victim, "attacker chosen words")).kind).toBe("invalid");
    expect((await signIn(victim, "victim chosen words")).kind).toBe("signed_in");
  });

  it("a second sign-in with a new staff member's password cannot see or finish their two-factor set-up", async () => {
    const email = "second.officer@council.example.org";
    const { token } = await accounts.createServiceAdmin(db(), { email, fullName: "Second Officer" }, SETTINGS);
    const now = new Date(T0.getTime() + 30 * 60 * MINUTE);
    const owner = await accounts.completeAccountSetup(db(), { token, password: "quartz meadow violin", confirmPassword: "quartz meadow violin", deviceToken: null }, req(freshIp(), now));
    if (owner.kind !== "two_factor_setup") throw new Error(owner.kind);
    const intruder = await signIn(email, "quartz meadow violin", freshIp(), now);
    if (intruder.kind !== "two_factor_setup") throw new Error(intruder.kind);

    const ownersSecret = (await accounts.beginTwoFactorSetup(db(), owner.session))!;
    const intrudersSecret = (await accounts.beginTwoFactorSetup(db(), intruder.session))!;
    expect(intrudersSecret).not.toBe(ownersSecret);
    const ok = await accounts.confirmTwoFactorSetup(db(), owner.session, { code: totpCode(ownersSecret, now.getTime()) }, req(freshIp(), now));
    expect(ok.kind).toBe("enabled");

    expect(await accounts.finishTwoFactorSetup(db(), intruder.session, { deviceToken: null }, req(freshIp(), now))).toEqual({ kind: "not_set_up" });
    const later = new Date(now.getTime() + 60_000);
    expect((await accounts.confirmTwoFactorSetup(db(), intruder.session, { code: totpCode(intrudersSecret, later.getTime()) }, req(freshIp(), later))).kind).toBe("invalid");
    expect((await accounts.finishTwoFactorSetup(db(), owner.session, { deviceToken: null }, req(freshIp(), now))).kind).toBe("signed_in");
  });

  it("new recovery codes need the password; codes are stored salted, each differently", async () => {
    const now = new Date(T0.getTime() + 40 * 60 * MINUTE);
    const pending = await signIn(SERVICE_ADMIN.email, DEMO_PASSWORD, freshIp(), now);
    if (pending.kind !== "two_factor") throw new Error(pending.kind);
    const done = await accounts.completeTwoFactor(db(), pending.session, { code: totpCode(SERVICE_ADMIN.totpSecret, now.getTime()), deviceToken: null }, req(freshIp(), now));
    if (done.kind !== "signed_in") throw new Error(done.kind);
    const refused = await accounts.regenerateRecoveryCodes(db(), done.session, { password: "not my password" }, req(freshIp(), now));
    expect(refused.kind).toBe("invalid");
    const fresh = await accounts.regenerateRecoveryCodes(db(), done.session, { password: DEMO_PASSWORD }, req(freshIp(), now));
    if (fresh.kind !== "ok") throw new Error(fresh.kind);
    const stored = await db().selectFrom("recovery_codes").select("code_hash").where("user_id", "=", done.session.userId).execute();
    expect(stored).toHaveLength(10);
    for (const r of stored) expect(r.code_hash).toMatch(/^[A-Za-z0-9_-]{16}\$[0-9a-f]{64}$/);
    expect(new Set(stored.map((r) => r.code_hash.split("$")[0])).size).toBe(10);
    await db().deleteFrom("throttle_hits").execute();
  });

  it("turning two-factor off guesses count against the sign-in limit", async () => {
    const email = "ruth@hi-neighbours.example.org";
    const r = await signIn(email, DEMO_PASSWORD);
    if (r.kind !== "signed_in") throw new Error(r.kind);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await accounts.disableTwoFactor(db(), r.session, { password: `guess ${i}` }, req(freshIp()))).kind);
    expect(results).toEqual(["invalid", "invalid", "invalid", "throttled"]);
    await db().deleteFrom("throttle_hits").execute();
  });
});
