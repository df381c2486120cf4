/** Email settings from the environment. */
import path from "node:path";

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…; null: write .eml files instead. */
  smtpUrl: string | null;
  from: string;
  /** Where .eml files go without SMTP_URL. */
  mailDir: string;
  /** The portal's public address, for links in emails. */
  publicUrl: string;
  /** The domain of Message-IDs. */
  messageIdDomain: string;
}

export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
  const from = env.MAIL_FROM || '"Apply for a community grant" <no-reply@grants.localhost>';
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(from)?.[1];
  return {
    smtpUrl: env.SMTP_URL || null,
    from,
    mailDir: path.resolve(env.MAIL_DIR || path.join(env.DATA_DIR || "data", "mail")),
    publicUrl,
    messageIdDomain: fromDomain || new URL(publicUrl).hostname,
  };
}

/** In production an email that cannot be sent must stop the start, not vanish into a folder. */
export function assertMailConfiguredForProduction(config: MailConfig, production: boolean): void {
  if (production && !config.smtpUrl) {
    throw new Error(
      "SMTP_URL is not set. In production the portal will not start without a mail server, so that no email is " +
        "silently lost. Set SMTP_URL=smtp://user:password@host:587 (or smtps://… for port 465).",
    );
  }
}
