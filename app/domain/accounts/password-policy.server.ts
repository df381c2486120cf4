/**
 * What makes a password acceptable (NCSC and NIST SP 800-63B): long enough, not absurdly long, and not
 * one of the 10,000 most common passwords (common-passwords.txt; its source is beside it). No rules about
 * symbols or digits, which make passwords harder to remember and no harder to guess.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

let common: Set<string> | null = null;

/** The list, loaded once. It lives beside this module in the repository; the server runs from its root. */
export function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(path.resolve(process.cwd(), "app/domain/accounts/common-passwords.txt"), "utf8");
    common = new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.toLowerCase())
        .filter((line) => line.length > 0),
    );
  }
  return common;
}

/** The message to show, or null when the password is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length === 0) return "Enter a password";
  const length = [...password.normalize("NFKC")].length;
  if (length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
  if (length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
  const lower = password.normalize("NFKC").toLowerCase();
  if (isCommon(lower)) return "Password is too common. Choose one that is harder to guess, for example three random words";
  if (context.email && lower === context.email.toLowerCase()) return "Password must not be your email address";
  return null;
}

/**
 * A common password, also when padded to length the usual ways: digits or symbols added at the end
 * ("password1234!"), or repeated ("qwertyqwerty"), or one character many times.
 */
function isCommon(lower: string): boolean {
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/, "");
  if (stem.length >= 4 && stem !== lower && list.has(stem)) return true;
  const repeated = /^(.+?)\1+$/.exec(lower);
  if (repeated && (repeated[1].length <= 2 || list.has(repeated[1]))) return true;
  return false;
}
