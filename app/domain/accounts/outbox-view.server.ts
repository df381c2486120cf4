/**
 * The "Sent emails" page for service administrators: the outbox, newest first, and each message as it
 * was (or will be) sent, with one-time links shown as REDACTED.
 */
import type { Kysely } from "kysely";
import type { Database, OutboxStatus } from "~db/schema";
import { fromJson } from "~db/json";
import { redactEmailData, renderEmail } from "~emails/index";
import { emailContext } from "~/domain/notifications/mail.server";

export interface OutboxListItem {
  id: number;
  toEmail: string;
  template: string;
  reference: string | null;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export async function listOutbox(
  db: Kysely<Database>,
  opts: { status?: OutboxStatus | null; before?: number | null; pageSize?: number } = {},
): Promise<{ items: OutboxListItem[]; nextBefore: number | null; counts: Record<OutboxStatus, number> }> {
  const pageSize = opts.pageSize ?? 50;
  let q = db
    .selectFrom("outbox")
    .select(["id", "to_email", "template", "reference", "status", "attempts", "created_at", "sent_at", "last_error"])
    .orderBy("id", "desc")
    .limit(pageSize + 1);
  if (opts.status) q = q.where("status", "=", opts.status);
  if (opts.before) q = q.where("id", "<", opts.before);
  const [rows, countRows] = await Promise.all([
    q.execute(),
    db.selectFrom("outbox").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute(),
  ]);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 } as Record<OutboxStatus, number>;
  for (const c of countRows) counts[c.status] = Number(c.n);
  const page = rows.slice(0, pageSize);
  return {
    items: page.map((r) => ({
      id: r.id,
      toEmail: r.to_email,
      template: r.template,
      reference: r.reference,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      lastError: r.last_error,
    })),
    nextBefore: rows.length > pageSize ? page[page.length - 1].id : null,
    counts,
  };
}

export interface OutboxMessage extends OutboxListItem {
  toName: string | null;
  messageId: string;
  subject: string | null;
  text: string | null;
  smtpResponse: string | null;
  containsSecret: boolean;
  attachments: string[];
}

export async function readOutboxMessage(db: Kysely<Database>, id: number): Promise<OutboxMessage | null> {
  const row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const data = fromJson<unknown>(row.data, {});
  // Secrets are never shown, whether or not the worker has removed them yet.
  const shown = row.contains_secret ? redactEmailData(row.template, data) : data;
  let subject: string | null = null;
  let text: string | null = null;
  try {
    const rendered = renderEmail(row.template, shown, await emailContext());
    subject = rendered.subject;
    text = rendered.text;
  } catch {
    // A message whose data was removed entirely (or whose template is gone) shows without its body.
  }
  const attachments = fromJson<{ filename: string }[] | null>(row.attachments, null) ?? [];
  return {
    id: row.id,
    toEmail: row.to_email,
    toName: row.to_name,
    template: row.template,
    reference: row.reference,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    messageId: row.message_id,
    subject,
    text,
    smtpResponse: row.smtp_response,
    containsSecret: row.contains_secret === 1,
    attachments: attachments.map((a) => a.filename),
  };
}
