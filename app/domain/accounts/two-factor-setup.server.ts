import type { Kysely } from "kysely";
import QRCode from "qrcode";
import type { Database } from "~db/schema";
import { getServiceSettings } from "~/domain/settings/settings.server";
import { beginTwoFactorSetup } from "./accounts.server";
import type { Session } from "./sessions.server";
import { groupSecret, totpUri } from "./totp.server";

/** What the set-up page shows: a QR code for the app, and the same secret to type in by hand; null when already on. */
export async function twoFactorSetupPage(db: Kysely<Database>, session: Session, email: string) {
  const secret = await beginTwoFactorSetup(db, session);
  if (!secret) return null;
  const settings = await getServiceSettings();
  const uri = totpUri(secret, email, settings.serviceName);
  // An SVG drawn with paths only (no inline styles, which the Content-Security-Policy forbids).
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  // The secret itself reaches only its owner's browser, grouped for typing into an app by hand.
  return { groupedSecret: groupSecret(secret), qrSvg };
}
