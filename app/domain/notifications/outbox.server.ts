import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { toJson } from "~db/json";

export interface Recipient {
  email: string;
  name?: string;
}

export interface Enqueue {
  template: string;
  data: Record<string, unknown>;
  recipients: Recipient[];
  reference?: string | null;
  /** The message carries a secret (a sign-in or reset link): redact the row once sent. */
  containsSecret?: boolean;
}

/**
 * Writes a notification to the outbox. Call it inside the transaction that makes the change the email
 * reports, so that both happen or neither does; the mail worker sends it afterwards.
 */
export async function enqueue(db: Kysely<Database> | Transaction<Database>, message: Enqueue): Promise<number | null> {
  if (message.recipients.length === 0) return null;
  const row = await db
    .insertInto("outbox")
    .values({
      template: message.template,
      data: toJson(message.data),
      recipients: toJson(message.recipients),
      reference: message.reference ?? null,
      status: "pending",
      attempts: 0,
      contains_secret: message.containsSecret ? 1 : 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
