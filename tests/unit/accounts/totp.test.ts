import { describe, expect, it } from "vitest";
import { TOTP, Secret } from "otpauth";
import { groupSecret, newTotpSecret, totpCode, totpStep, totpUri } from "~/domain/accounts/totp.server";
import { parseLimit, readAuthSettings, DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import { describeBrowser } from "~/domain/accounts/device";
import { throttledMessage } from "~/domain/accounts/messages";

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;

describe("two-factor codes (RFC 6238)", () => {
  it("match the RFC's test vectors (6 digits of them)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe("279037");
  });

  it("accept a code one step either side of now, and say which step it belongs to", () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 90_000), now)).toBeNull();
  });

  it("accept spaces and dashes people type, refuse anything that is not 6 digits", () => {
    const now = 1_800_000_000_000;
    const code = totpCode(RFC_SECRET, now);
    expect(totpStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
    expect(totpStep(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, now)).not.toBeNull();
    expect(totpStep(RFC_SECRET, "12345", now)).toBeNull();
    expect(totpStep(RFC_SECRET, "abcdef", now)).toBeNull();
    expect(totpStep(RFC_SECRET, "", now)).toBeNull();
  });

  it("make new secrets of 160 bits, and an otpauth address an app can read", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = totpUri(a, "alex@larder.example.org", "Apply for a community grant");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${a}`);
    expect(TOTP.validate).toBeTypeOf("function");
    expect(groupSecret("ABCDEFGHIJKL")).toBe("ABCD EFGH IJKL");
  });
});

describe("account settings", () => {
  it("read limits as attempts per window", () => {
    expect(parseLimit("10/15m", "X")).toEqual({ max: 10, windowMs: 15 * 60_000 });
    expect(parseLimit(" 3 / 1h ", "X")).toEqual({ max: 3, windowMs: 3_600_000 });
    expect(() => parseLimit("ten", "THROTTLE_SIGN_IN_ACCOUNT")).toThrow(/THROTTLE_SIGN_IN_ACCOUNT must look like/);
  });

  it("default to the issue's figures, and take each limit from the environment", () => {
    expect(DEFAULT_AUTH_SETTINGS.limits.signInAccount).toEqual({ max: 10, windowMs: 15 * 60_000 });
    expect(DEFAULT_AUTH_SETTINGS.staffIdleMs).toBe(30 * 60_000);
    expect(DEFAULT_AUTH_SETTINGS.applicantIdleMs).toBe(2 * 3_600_000);
    expect(DEFAULT_AUTH_SETTINGS.absoluteMs).toBe(12 * 3_600_000);
    expect(DEFAULT_AUTH_SETTINGS.verifyEmailTtlMs).toBe(24 * 3_600_000);
    expect(DEFAULT_AUTH_SETTINGS.resetPasswordTtlMs).toBe(3_600_000);
    const s = readAuthSettings({ THROTTLE_SIGN_IN_IP: "5/1m" });
    expect(s.limits.signInIp).toEqual({ max: 5, windowMs: 60_000 });
    expect(s.limits.signInAccount).toEqual(DEFAULT_AUTH_SETTINGS.limits.signInAccount);
  });

  it("say when to try again, in minutes and London time", () => {
    const now = new Date("2026-11-22T10:30:00Z");
    expect(throttledMessage(new Date("2026-11-22T10:42:10Z"), now)).toBe(
      "Too many attempts. Wait 13 minutes, then try again (after 10:42am on 22 November 2026)",
    );
    expect(throttledMessage(new Date("2026-11-22T10:30:20Z"), now)).toMatch(/Wait 1 minute,/);
  });

  it("name the browser in a new sign-in email in words people recognise", () => {
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36")).toBe("Chrome on Windows");
    expect(describeBrowser("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari on macOS");
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox on Linux");
    expect(describeBrowser(null)).toBe("an unknown browser");
  });
});
