import { getDb } from "~db/client";
import { actingGroup, myGroups } from "~/domain/organisations/organisations.server";
import { loadActor } from "./access.server";
import { can, isCoordinator } from "./policy";

/**
 * What every page shows a signed-in person: the staff pages their navigation links to, and the group
 * they are acting for (they may belong to several).
 */
export async function navigationFor(userId: number, sessionId: string) {
  const db = getDb();
  const [actor, groups, acting] = await Promise.all([loadActor(db, userId), myGroups(db, userId), actingGroup(db, userId, sessionId)]);
  // Staff screens for funds: only people with a staff role need the list of funds looked at.
  const funds = actor?.grants.length ? await db.selectFrom("funds").select("id").execute() : [];
  return {
    applications: funds.some((f) => can(actor, "fund.view_applications", { kind: "fund", id: f.id })),
    funds: can(actor, "service.create_fund", { kind: "service" }) || funds.some((f) => can(actor, "fund.edit", { kind: "fund", id: f.id })),
    auditLog: can(actor, "service.view_audit_log", { kind: "service" }),
    sentEmails: can(actor, "service.view_outbox", { kind: "service" }),
    staff: can(actor, "service.manage_staff", { kind: "service" }),
    coordinator: isCoordinator(actor),
    deprivation: can(actor, "service.manage_deprivation", { kind: "service" }),
    groups: groups.length > 0 || !actor?.grants.length,
    acting: acting ? { id: acting.id, name: acting.name, several: groups.length > 1 } : groups.length > 1 ? { id: null, name: null, several: true } : null,
  };
}
