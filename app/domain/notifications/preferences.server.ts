/**
 * How each fund administrator hears of new submissions to each fund they administer: an email per
 * submission (the default) or a daily digest (app/domain/notifications/digest.server.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { appendAudit } from "~/domain/audit/audit.server";

type Db = Kysely<Database>;
export type SubmissionAlerts = "each" | "digest";

export interface FundPreference {
  fundId: number;
  fundName: string;
  newSubmissions: SubmissionAlerts;
}

/**
 * The funds whose new-submission emails this person gets as an administrator, with their choice for each;
 * null for someone who is not staff at all.
 */
export async function myPreferences(db: Db, userId: number): Promise<FundPreference[] | null> {
  const actor = await loadActor(db, userId);
  if (!actor || actor.grants.length === 0) return null;
  const all = actor.grants.some((g) => g.role === "administrator" && g.scope === "all");
  const fundIds = actor.grants.flatMap((g) => (g.role === "administrator" && g.scope === "fund" ? [g.fundId] : []));
  if (!all && fundIds.length === 0) return [];
  const funds = await db
    .selectFrom("funds as f")
    .leftJoin("notification_preferences as np", (j) => j.onRef("np.fund_id", "=", "f.id").on("np.user_id", "=", userId))
    .select(["f.id", "f.name", "np.new_submissions"])
    .$if(!all, (q) => q.where("f.id", "in", fundIds))
    .orderBy("f.name")
    .execute();
  return funds.map((f) => ({ fundId: f.id, fundName: f.name, newSubmissions: f.new_submissions ?? "each" }));
}

/** Saves the choices; funds the person does not administer are ignored (404 for a posted id not theirs). */
export async function setPreferences(db: Db, userId: number, choices: Record<number, SubmissionAlerts>, ip: string | null): Promise<void> {
  const mine = (await myPreferences(db, userId)) ?? [];
  const nowIso = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const p of mine) {
      const value = choices[p.fundId];
      if (!value || value === p.newSubmissions) continue;
      await trx
        .insertInto("notification_preferences")
        .values({ user_id: userId, fund_id: p.fundId, new_submissions: value, last_digest_at: value === "digest" ? nowIso : null })
        .onConflict((oc) => oc.columns(["user_id", "fund_id"]).doUpdateSet({ new_submissions: value, last_digest_at: value === "digest" ? nowIso : null, updated_at: nowIso }))
        .execute();
      await appendAudit(trx, { actorUserId: userId, event: "notifications.preference_changed", entityType: "fund", entityId: p.fundId, ip, data: { newSubmissions: value } });
    }
  });
}
