import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { Actor, Grant } from "./policy";

/** Loads what the policy module needs to know about a user: live role grants and group memberships. */
export async function loadActor(db: Kysely<Database>, userId: number): Promise<Actor | null> {
  const user = await db.selectFrom("users").select(["id", "disabled_at"]).where("id", "=", userId).executeTakeFirst();
  if (!user || user.disabled_at) return null;
  const [grantRows, memberships] = await Promise.all([
    db
      .selectFrom("role_grants")
      .select(["role", "scope", "fund_id", "district_code", "round_id"])
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute(),
    db
      .selectFrom("organisation_members")
      .select(["organisation_id", "role"])
      .where("user_id", "=", userId)
      .execute(),
  ]);
  const grants: Grant[] = [];
  for (const g of grantRows) {
    if (g.scope === "all") grants.push({ role: g.role, scope: "all" });
    else if (g.scope === "fund" && g.fund_id != null) grants.push({ role: g.role, scope: "fund", fundId: g.fund_id });
    else if (g.scope === "district" && g.district_code) grants.push({ role: g.role, scope: "district", districtCode: g.district_code });
    else if (g.scope === "round" && g.round_id != null) grants.push({ role: g.role, scope: "round", roundId: g.round_id });
  }
  return {
    userId,
    grants,
    memberships: memberships.map((m) => ({ organisationId: m.organisation_id, role: m.role })),
  };
}
