/**
 * The audit log page for service administrators: every transition and security event, newest first,
 * filtered by event, person, record and dates, a page at a time by id (keyset). Reading only: nothing in
 * the portal changes or removes an entry, and the database refuses to (docs/decisions/0012).
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { fromJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { stateLabel } from "~/domain/applications/workflow";
import { normaliseEmail } from "~/domain/accounts/email";
import { NotAllowed } from "~/domain/staff/staff.server";
import type { AuditQuery } from "./audit-filter";
import { describeData, describeEvent, eventLabel } from "./audit-words";

type Db = Kysely<Database>;

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntryView {
  id: number;
  at: string;
  who: string;
  event: string;
  what: string;
  entityType: string | null;
  entityId: number | null;
  from: string | null;
  to: string | null;
  why: string | null;
  details: string;
}

export async function auditEvents(db: Db, userId: number): Promise<{ value: string; label: string }[]> {
  const actor = await loadActor(db, userId);
  if (!can(actor, "service.view_audit_log", { kind: "service" })) throw new NotAllowed();
  const rows = await db.selectFrom("audit_log").select("event").distinct().orderBy("event").execute();
  return rows.map((r) => ({ value: r.event, label: eventLabel(r.event) }));
}

export async function listAudit(db: Db, userId: number, q: AuditQuery, before: number | null, pageSize = AUDIT_PAGE_SIZE): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const actor = await loadActor(db, userId);
  if (!can(actor, "service.view_audit_log", { kind: "service" })) throw new NotAllowed();
  let actorId: number | null | undefined;
  if (q.person) {
    // "the portal" is the portal itself; anyone else by their email address.
    if (/^the portal$/i.test(q.person)) actorId = null;
    else {
      const user = await db.selectFrom("users").select("id").where("email", "=", normaliseEmail(q.person)).executeTakeFirst();
      if (!user) return { entries: [], nextBefore: null };
      actorId = user.id;
    }
  }
  let query = db
    .selectFrom("audit_log as l")
    .leftJoin("users as u", "u.id", "l.actor_user_id")
    .select(["l.id", "l.created_at", "l.actor_user_id", "l.event", "l.entity_type", "l.entity_id", "l.from_state", "l.to_state", "l.reason", "l.data", "u.full_name"])
    .orderBy("l.id", "desc")
    .limit(pageSize + 1);
  if (q.event) query = query.where("l.event", "=", q.event);
  if (actorId === null) query = query.where("l.actor_user_id", "is", null);
  else if (actorId !== undefined) query = query.where("l.actor_user_id", "=", actorId);
  if (q.reference) {
    const ids = db.selectFrom("applications").select("id").where("reference", "=", q.reference);
    query = query.where("l.entity_type", "=", "application").where("l.entity_id", "in", ids);
  } else if (q.entityId !== null) {
    query = query.where("l.entity_id", "=", q.entityId);
    if (q.entityType) query = query.where("l.entity_type", "=", q.entityType);
  } else if (q.entityType) query = query.where("l.entity_type", "=", q.entityType);
  if (q.fromIso) query = query.where("l.created_at", ">=", q.fromIso);
  if (q.toIso) query = query.where("l.created_at", "<", q.toIso);
  if (before) query = query.where("l.id", "<", before);
  const rows = await query.execute();
  const page = rows.slice(0, pageSize);
  return {
    entries: page.map((r) => {
      const data = fromJson<Record<string, unknown> | null>(r.data, null);
      return {
        id: r.id,
        at: r.created_at,
        who: r.actor_user_id === null ? "the portal" : (r.full_name ?? `a former user (${r.actor_user_id})`),
        event: r.event,
        what: describeEvent(r.event, data),
        entityType: r.entity_type,
        entityId: r.entity_id,
        from: r.from_state ? stateLabel(r.from_state) : null,
        to: r.to_state ? stateLabel(r.to_state) : null,
        why: r.reason,
        details: describeData(data),
      };
    }),
    nextBefore: rows.length > pageSize ? page[page.length - 1].id : null,
  };
}
