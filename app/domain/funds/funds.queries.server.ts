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

export async function selectFundBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom("funds").selectAll().where("slug", "=", slug).where("status", "=", "active").executeTakeFirst();
}

export async function selectRoundsWithDistricts(db: Kysely<Database>, fundId: number) {
  return db
    .selectFrom("rounds")
    .leftJoin("districts", "districts.code", "rounds.district_code")
    .select([
      "rounds.id",
      "rounds.name",
      "rounds.slug",
      "rounds.district_code",
      "districts.name as district_name",
      "rounds.opens_at",
      "rounds.closes_at",
      "rounds.full_application_deadline",
      "rounds.panel_date",
    ])
    .where("rounds.fund_id", "=", fundId)
    .orderBy("rounds.opens_at")
    .orderBy("districts.name")
    .execute();
}

export async function selectCriteria(db: Kysely<Database>, fundId: number) {
  return db
    .selectFrom("fund_criteria")
    .select(["key", "title", "description", "weight_percent", "stage"])
    .where("fund_id", "=", fundId)
    .orderBy("position")
    .execute();
}
