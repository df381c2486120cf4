import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

export async function selectActiveFunds(db: Kysely<Database>) {
  return db
    .selectFrom("funds")
    .select(["id", "code", "slug", "name", "summary", "who_can_apply", "stages", "min_award_pence", "max_award_pence"])
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}

/** Per fund: how many rounds are open at `now`, and the earliest of their closing times. */
export async function selectOpenRoundSummary(db: Kysely<Database>, now: string) {
  return db
    .selectFrom("rounds")
    .select(["fund_id"])
    .select((eb) => [eb.fn.countAll<number>().as("open_rounds"), eb.fn.min("closes_at").as("next_closing")])
    .where("opens_at", "<=", now)
    .where("closes_at", ">", now)
    .groupBy("fund_id")
    .execute();
}
