/**
 * The outbox: every email the portal sends starts as rows here, written in the same transaction as the
 * change it reports. Nothing sends mail inside a transaction; the mail worker sends the rows afterwards.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { toJson } from "~db/json";
import type { TemplateData, TemplateName } from "~emails/index";
import { readMailConfig } from "~/utils/mail-config.server";

export interface Recipient {
  email: string;
  name?: string | null;
}

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Enqueue<N extends TemplateName> {
  template: N;
  data: TemplateData<N>;
  recipients: Recipient[];
  reference?: string | null;
  attachments?: Attachment[];
  /** The message carries a secret (a sign-in or reset link): its data is redacted once sent. */
  containsSecret?: boolean;
}

export function newMessageId(domain = readMailConfig().messageIdDomain): string {
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Writes one outbox row per recipient (each person's delivery succeeds or fails on its own) and returns
 * their ids. Duplicate addresses are written once.
 */
export async function enqueue<N extends TemplateName>(
  db: Kysely<Database> | Transaction<Database>,
  message: Enqueue<N>,
): Promise<number[]> {
  const seen = new Set<string>();
  const recipients = message.recipients.filter((r) => {
    const key = r.email.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (recipients.length === 0) return [];
  const domain = readMailConfig().messageIdDomain;
  const attachments = message.attachments?.length
    ? toJson(message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString("base64") })))
    : null;
  // Due from now by the same clock the worker claims with (a database's now() can be microseconds ahead).
  const due = new Date().toISOString();
  const rows = await db
    .insertInto("outbox")
    .values(
      recipients.map((r) => ({
        next_attempt_at: due,
        template: message.template,
        data: toJson(message.data),
        to_email: r.email.trim(),
        to_name: r.name ?? null,
        reference: message.reference ?? null,
        attachments,
        message_id: newMessageId(domain),
        contains_secret: message.containsSecret ? (1 as const) : (0 as const),
      })),
    )
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
