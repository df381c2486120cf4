import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { toJson } from "~db/json";

export interface AuditEvent {
  actorUserId: number | null;
  event: string;
  entityType?: string;
  entityId?: number;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  ip?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends to the audit log. The log is append-only: there is no function to change or remove an entry.
 * It stores ids, never names, so erasing a person's data leaves it intact.
 */
export async function appendAudit(db: Kysely<Database> | Transaction<Database>, e: AuditEvent): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: e.actorUserId,
      event: e.event,
      entity_type: e.entityType ?? null,
      entity_id: e.entityId ?? null,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      reason: e.reason ?? null,
      ip: e.ip ?? null,
      data: e.data ? toJson(e.data) : null,
    })
    .execute();
}
