/**
 * How messages leave: a pooled SMTP connection when SMTP_URL is set, otherwise .eml files under ./data/mail
 * (the embedded default). Both build the message with nodemailer, so a file opens in a mail client exactly
 * as the sent message would read.
 */
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { MailConfig } from "./mail-config.server";

export interface OutgoingMessage {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
  headers?: Record<string, string>;
}

export interface SendResult {
  /** The server's reply ("250 OK: queued as …"), or where the file went. */
  response: string;
}

export interface MailTransport {
  readonly description: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close(): void;
}

/** SMTP options from smtp://user:pass@host:port?… (smtps: for implicit TLS). */
export function smtpOptionsFromUrl(url: string): SMTPPool.Options {
  const u = new URL(url);
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:") throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${u.protocol})`);
  const secure = u.protocol === "smtps:";
  const options: SMTPPool.Options = {
    pool: true,
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    maxConnections: Number(u.searchParams.get("maxConnections") || 5),
    maxMessages: Number(u.searchParams.get("maxMessages") || 100),
    // Well inside the worker's 15-minute lease, so a hung server does not outlast a claim.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
  if (u.username) options.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
  // Without implicit TLS, insist on STARTTLS: an attacker who strips it must not get the password or the
  // sign-in links in clear. ignoreTLS=true is for a local test server only.
  if (u.searchParams.get("ignoreTLS") === "true") options.ignoreTLS = true;
  else if (!secure) options.requireTLS = true;
  if (u.searchParams.get("rejectUnauthorized") === "false") options.tls = { rejectUnauthorized: false };
  return options;
}

export function createSmtpTransport(url: string): MailTransport {
  const options = smtpOptionsFromUrl(url);
  const transporter = nodemailer.createTransport(options);
  return {
    description: `SMTP at ${options.host}:${options.port} (pooled, up to ${options.maxConnections} connections)`,
    async send(message) {
      const info = await transporter.sendMail(message);
      return { response: info.response };
    },
    close: () => transporter.close(),
  };
}

function shownPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith("..") ? `./${rel}` : dir;
}

/** Writes each message as an RFC 5322 .eml file, named by time and Message-ID so files sort as sent. */
export function createFileTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `.eml files in ${shownPath(dir)} (no SMTP_URL set)`,
    async send(message) {
      const info = await transporter.sendMail(message);
      fs.mkdirSync(dir, { recursive: true });
      const safeId = message.messageId.replace(/[^A-Za-z0-9.@-]+/g, "");
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeId}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      return { response: `written to ${file}` };
    },
    close: () => transporter.close(),
  };
}

export function createTransportFromConfig(config: MailConfig): MailTransport {
  return config.smtpUrl ? createSmtpTransport(config.smtpUrl) : createFileTransport(config.mailDir);
}
