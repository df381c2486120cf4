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

/** Written-in references count down from the top, clear of those the submission service gives from 00001. */
let sequence = 99_999;

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
      reference: opts.status && opts.status !== "draft" ? `${fund.code}-${round.financial_year}-${String(sequence--).padStart(5, "0")}` : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Answers that complete every section of the seeded Reach Fund form (db/seeds/forms.ts). */
export function reachFundAnswers(opts: { title?: string; amountPence?: number; postcode?: string; groupName?: string } = {}): Record<string, Record<string, unknown>> {
  const amount = opts.amountPence ?? 75_000;
  return {
    group: {
      group_name: opts.groupName ?? "Wisbech Riverside Community Larder",
      contact_name: "Alex Turner",
      contact_phone: "01945 123456",
      group_address: { line1: "14 North Brink", line2: "", town: "Wisbech", postcode: "PE13 1JR" },
      group_bank_account: { answer: "yes" },
    },
    activity: { project_title: opts.title ?? "Saturday breakfast club", project_summary: "Breakfast and homework help on Saturdays.", start_date: "2027-04-01" },
    beneficiaries: { age_groups: ["0_18"], beneficiary_count: 40 },
    location: { project_postcode: opts.postcode ?? "PE13 1JR" },
    budget: { amount_requested: amount, budget_lines: [{ item: "Food", cost: amount }] },
    other_funding: { other_funding: [{ funder: "Wisbech Town Council", amount: 50_000, status: "applied" }] },
    declarations: { declarations: ["true", "spend", "report"] },
  };
}

/** A Reach Fund draft of a seeded group with every section complete, ready to send. */
export async function makeCompleteDraft(
  db: Kysely<Database>,
  opts: { group: string; leadEmail?: string; title?: string; amountPence?: number; district?: string; postcode?: string },
) {
  const app = await makeApplication(db, { group: opts.group, fundCode: "CRF", status: "draft", leadEmail: opts.leadEmail, title: opts.title, district: opts.district });
  const amount = opts.amountPence ?? 75_000;
  await db.updateTable("applications").set({ amount_requested_pence: amount, project_postcode: opts.postcode ?? null }).where("id", "=", app.id).execute();
  const sections = reachFundAnswers({ title: opts.title, amountPence: amount, postcode: opts.postcode, groupName: opts.group });
  for (const [key, answers] of Object.entries(sections)) {
    await db.insertInto("application_sections").values({ application_id: app.id, section_key: key, answers: JSON.stringify(answers), completed: 1 }).execute();
  }
  return { ...app, amount_requested_pence: amount };
}

/** Removes every application (the seeded Innovation Fund round too), for tests that count what they make themselves. */
export async function clearApplications(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom("decision_batch_items").execute();
  await db.deleteFrom("applications").where("parent_application_id", "is not", null).execute();
  await db.deleteFrom("applications").execute();
}
