/** Small builders over a seeded database, for tests that need an application in a given state. */
import type { Kysely } from "kysely";
import type { Database, Stage } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import type { Actor } from "~/domain/access/policy";

export async function userId(db: Kysely<Database>, email: string): Promise<number> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

export async function actor(db: Kysely<Database>, email: string): Promise<Actor> {
  const a = await loadActor(db, await userId(db, email));
  if (!a) throw new Error(`no actor ${email}`);
  return a;
}

let sequence = 0;

/** An application from a seeded group to a seeded fund's round, written straight into the given state. */
export async function makeApplication(
  db: Kysely<Database>,
  opts: { group: string; fundCode: string; status?: string; stage?: Stage; leadEmail?: string; title?: string; district?: string },
) {
  const org = await db.selectFrom("organisations").selectAll().where("name", "=", opts.group).executeTakeFirstOrThrow();
  const fund = await db.selectFrom("funds").selectAll().where("code", "=", opts.fundCode).executeTakeFirstOrThrow();
  const district = opts.district ?? org.district_code;
  const round = await db
    .selectFrom("rounds")
    .selectAll()
    .where("fund_id", "=", fund.id)
    .$if(fund.rounds_per_district === 1, (q) => q.where("district_code", "=", district))
    .orderBy("opens_at")
    .executeTakeFirstOrThrow();
  const stage: Stage = opts.stage ?? (fund.stages === "single" ? "single" : "outline");
  const lead = opts.leadEmail
    ? await userId(db, opts.leadEmail)
    : (await db.selectFrom("organisation_members").select("user_id").where("organisation_id", "=", org.id).orderBy("id").executeTakeFirstOrThrow()).user_id;
  const formId = stage === "outline" ? round.outline_form_id : round.application_form_id;
  return db
    .insertInto("applications")
    .values({
      fund_id: fund.id,
      round_id: round.id,
      organisation_id: org.id,
      stage,
      form_definition_id: formId!,
      status: opts.status ?? "draft",
      lead_contact_user_id: lead,
      title: opts.title ?? "Saturday breakfast club",
      amount_requested_pence: 75_000,
      district_code: district,
      financial_year: round.financial_year,
      reference: opts.status && opts.status !== "draft" ? `${fund.code}-${round.financial_year}-${String(++sequence).padStart(5, "0")}` : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
