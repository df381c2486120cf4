/**
 * Time limits and throttles for accounts. Every figure can be set from the environment; tests pass their
 * own so that they state the limit they exercise.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Limit {
  /** Attempts allowed inside the window; the next one is refused until the oldest leaves the window. */
  max: number;
  windowMs: number;
}

export interface AuthSettings {
  verifyEmailTtlMs: number;
  resetPasswordTtlMs: number;
  accountSetupTtlMs: number;
  staffIdleMs: number;
  applicantIdleMs: number;
  absoluteMs: number;
  /** A pending sign-in (password accepted, second factor still to give). */
  pendingMs: number;
  /** The session's expiry is pushed back at most this often, not on every request. */
  refreshEveryMs: number;
  limits: {
    /** Failed sign-ins per account. */
    signInAccount: Limit;
    /** Failed sign-ins per address, across accounts: one attacker cannot try every account. */
    signInIp: Limit;
    registerIp: Limit;
    resetIp: Limit;
    /** Reset emails per account, so nobody can fill someone's inbox. */
    resetAccount: Limit;
    twoFactorAccount: Limit;
    twoFactorIp: Limit;
  };
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  verifyEmailTtlMs: 24 * HOUR,
  resetPasswordTtlMs: HOUR,
  accountSetupTtlMs: 72 * HOUR,
  staffIdleMs: 30 * MINUTE,
  applicantIdleMs: 2 * HOUR,
  absoluteMs: 12 * HOUR,
  pendingMs: 10 * MINUTE,
  refreshEveryMs: MINUTE,
  limits: {
    signInAccount: { max: 10, windowMs: 15 * MINUTE },
    signInIp: { max: 100, windowMs: 15 * MINUTE },
    registerIp: { max: 20, windowMs: HOUR },
    resetIp: { max: 20, windowMs: HOUR },
    resetAccount: { max: 5, windowMs: HOUR },
    twoFactorAccount: { max: 5, windowMs: 15 * MINUTE },
    twoFactorIp: { max: 50, windowMs: 15 * MINUTE },
  },
};

const LIMIT_ENV: Record<keyof AuthSettings["limits"], string> = {
  signInAccount: "THROTTLE_SIGN_IN_ACCOUNT",
  signInIp: "THROTTLE_SIGN_IN_IP",
  registerIp: "THROTTLE_REGISTER_IP",
  resetIp: "THROTTLE_RESET_IP",
  resetAccount: "THROTTLE_RESET_ACCOUNT",
  twoFactorAccount: "THROTTLE_TWO_FACTOR_ACCOUNT",
  twoFactorIp: "THROTTLE_TWO_FACTOR_IP",
};

/** "10/15m", "100/1h": attempts per window. */
export function parseLimit(value: string, name: string): Limit {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*(s|m|h)\s*$/.exec(value);
  if (!m) throw new Error(`${name} must look like "10/15m" (attempts per window in s, m or h), got "${value}"`);
  const unit = m[3] === "s" ? 1000 : m[3] === "m" ? MINUTE : HOUR;
  return { max: Number(m[1]), windowMs: Number(m[2]) * unit };
}

export function readAuthSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  const limits = { ...DEFAULT_AUTH_SETTINGS.limits };
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof AuthSettings["limits"], string][]) {
    const value = env[name];
    if (value) limits[key] = parseLimit(value, name);
  }
  return { ...DEFAULT_AUTH_SETTINGS, limits };
}

const KEY = Symbol.for("community-grants.auth-settings");
type Holder = { [KEY]?: AuthSettings };

/** The settings in force: read from the environment once per process. */
export function authSettings(): AuthSettings {
  const holder = globalThis as Holder;
  holder[KEY] ??= readAuthSettings();
  return holder[KEY];
}

/**
 * Replaces the settings in force (tests that exercise a limit state it; the running server and the test
 * share the global, as the Remix build has its own copy of this module). Pass null to read them again.
 */
export function setAuthSettings(settings: AuthSettings | null): void {
  (globalThis as Holder)[KEY] = settings ?? undefined;
}
