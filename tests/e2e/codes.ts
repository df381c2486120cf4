/**
 * A two-factor code the portal will accept now: codes are single-use, so when this account has already
 * used the current one (another test a moment ago), take the next step's, or wait for it.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { totpCode } from "~/domain/accounts/totp.server";

export async function freshCode(dataDir: string, email: string, secret: string): Promise<string> {
  for (;;) {
    const db = new Database(path.join(dataDir, "e2e.db"), { readonly: true });
    const row = db.prepare("SELECT totp_last_step FROM users WHERE email = ?").get(email) as { totp_last_step: number | null } | undefined;
    db.close();
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const last = row?.totp_last_step ?? -1;
    if (last < step) return totpCode(secret, now);
    if (last === step) return totpCode(secret, now + 30_000); // the window accepts one step ahead
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - now + 200));
  }
}
