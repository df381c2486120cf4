import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

export async function selectActiveFunds(db: Kysely<Database>) {
  return db
    .selectFrom("funds")
    .select(["id", "code", "slug", "name", "summary", "description", "who_can_apply", "stages", "min_award_pence", "max_award_pence"])
    .where("status", "=", "active")
    .orderBy("name")
    .execute();
}

export async function selectRoundsOfActiveFunds(db: Kysely<Database>) {
  return db
    .selectFrom("rounds")
    .innerJoin("funds", "funds.id", "rounds.fund_id")
    .leftJoin("districts", "districts.code", "rounds.district_code")
    .select([
      "rounds.id",
      "rounds.fund_id",
      "rounds.name",
      "rounds.district_code",
      "districts.name as district_name",
      "rounds.opens_at",
      "rounds.closes_at",
      "rounds.full_application_deadline",
      "rounds.panel_date",
    ])
    .where("funds.status", "=", "active")
    .orderBy("rounds.opens_at")
    .orderBy("districts.name")
    .execute();
}

export async function selectCriteriaOfActiveFunds(db: Kysely<Database>) {
  return db
    .selectFrom("fund_criteria")
    .innerJoin("funds", "funds.id", "fund_criteria.fund_id")
    .select(["fund_criteria.fund_id", "fund_criteria.key", "fund_criteria.title", "fund_criteria.description", "fund_criteria.weight_percent"])
    .where("funds.status", "=", "active")
    .orderBy("fund_criteria.fund_id")
    .orderBy("fund_criteria.position")
    .execute();
}

export async function selectEligibilityOfActiveFunds(db: Kysely<Database>) {
  return db
    .selectFrom("eligibility_questions as q")
    .innerJoin("funds", "funds.id", "q.fund_id")
    .select(["q.fund_id", "q.key", "q.question", "q.hint", "q.options", "q.excluding_values", "q.ineligible_message"])
    .where("funds.status", "=", "active")
    .orderBy("q.fund_id")
    .orderBy("q.position")
    .execute();
}
