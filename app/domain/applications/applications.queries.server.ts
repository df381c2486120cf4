import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { ApplicationFacts } from "~/domain/access/policy";
import { deadlineFor } from "./submission.rules";
import type { Stage } from "./workflow";

type Db = Kysely<Database> | Transaction<Database>;

export async function findApplicationForPolicy(db: Db, id: number) {
  const row = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .select([
      "a.id",
      "a.reference",
      "a.stage",
      "a.status",
      "a.version",
      "a.organisation_id",
      "a.fund_id",
      "a.round_id",
      "a.district_code",
      "a.lead_contact_user_id",
      "a.title",
      "o.district_code as organisation_district_code",
      "o.name as organisation_name",
      "f.name as fund_name",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const facts: ApplicationFacts = {
    kind: "application",
    id: row.id,
    organisationId: row.organisation_id,
    fundId: row.fund_id,
    roundId: row.round_id,
    districtCode: row.district_code,
    organisationDistrictCode: row.organisation_district_code,
    leadContactUserId: row.lead_contact_user_id,
    status: row.status,
  };
  return { row, facts };
}

export async function groupRecipients(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.email", "u.full_name"])
    .where("m.organisation_id", "=", organisationId)
    .where("u.disabled_at", "is", null)
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ email: r.email, name: r.full_name }));
}

/**
 * The fund's administrators. For news of a submission, those who chose a daily digest for this fund are
 * left out: the digest job tells them (notification_preferences).
 */
export async function fundAdministratorRecipients(db: Db, fundId: number, opts: { newSubmission?: boolean } = {}) {
  const rows = await db
    .selectFrom("role_grants as g")
    .innerJoin("users as u", "u.id", "g.user_id")
    .select(["u.email", "u.full_name"])
    .distinct()
    .where("g.revoked_at", "is", null)
    .where("u.disabled_at", "is", null)
    .where("g.role", "=", "administrator")
    .where((eb) => eb.or([eb("g.scope", "=", "all"), eb("g.fund_id", "=", fundId)]))
    .$if(opts.newSubmission === true, (q) =>
      q.where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("notification_preferences as np").select("np.id").whereRef("np.user_id", "=", "u.id").where("np.fund_id", "=", fundId).where("np.new_submissions", "=", "digest"))),
      ),
    )
    .orderBy("u.email")
    .execute();
  return rows.map((r) => ({ email: r.email, name: r.full_name }));
}

/**
 * The deadline that applies to an application now, and the stage it is for: its own (an invited outline's
 * is its full application's), else its round's, moved later by the group's extension for that stage.
 */
export async function currentDeadline(db: Db, app: { id: number; stage: string; status: string }) {
  const stage: Stage = app.status === "invited" ? "full" : (app.stage as Stage);
  const dates = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .leftJoin("round_extensions as x", (j) => j.onRef("x.round_id", "=", "a.round_id").onRef("x.organisation_id", "=", "a.organisation_id").on("x.stage", "=", stage))
    .select(["r.closes_at", "r.full_application_deadline", "a.deadline_at", "x.closes_at as extension"])
    .where("a.id", "=", app.id)
    .executeTakeFirstOrThrow();
  return { stage, ...deadlineFor({ stage, roundClosesAt: dates.closes_at, roundFullApplicationDeadline: dates.full_application_deadline, applicationDeadline: dates.deadline_at, extensionClosesAt: dates.extension }) };
}
