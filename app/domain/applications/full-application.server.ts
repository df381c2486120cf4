/**
 * The Innovation Fund's second stage. A full application starts only from an invited outline proposal: a
 * new record linked to the outline (parent_application_id), with the outline's reference, its round, the
 * deadline the invitation gave, and the outline's answers carried into the questions the full form shares
 * with it. Starting twice (a double click, two members at once) finds the one already started.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { carryOver } from "~/domain/forms/carry-over";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { findApplicationForPolicy } from "./applications.queries.server";
import { DraftNotFound } from "./drafts.server";

type Db = Kysely<Database>;

export type StartFullResult = { kind: "started" | "existing"; applicationId: number } | { kind: "refused"; message: string };

async function fullApplicationOf(db: Db, outlineId: number): Promise<number | null> {
  const row = await db.selectFrom("applications").select("id").where("parent_application_id", "=", outlineId).where("stage", "=", "full").orderBy("id").executeTakeFirst();
  return row?.id ?? null;
}

/** What may happen now: an existing full application to go to, a refusal in words, or a start. */
async function check(db: Db, userId: number, outlineId: number) {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(outlineId) && outlineId > 0 ? await findApplicationForPolicy(db, outlineId) : undefined;
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const { row } = found;
  const refuse = (message: string) => ({ row, existing: null, refusal: message });
  if (row.stage !== "outline") return refuse("Only an outline proposal leads to a full application.");
  if (!actor?.memberships.some((m) => m.organisationId === row.organisation_id)) return refuse(`Only members of ${row.organisation_name} can start its full application.`);
  const existing = await fullApplicationOf(db, row.id);
  if (existing) return { row, existing, refusal: null };
  if (row.status !== "invited") return refuse("You can start a full application once the panel has invited you to.");
  return { row, existing: null, refusal: null };
}

export interface FullApplicationStart {
  outlineId: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  organisationName: string;
  /** Where to go instead: the full application already started. */
  existingId: number | null;
  refusal: string | null;
  deadline: string | null;
}

/** The page before starting: what will happen, by when, or why it cannot. */
export async function fullApplicationStart(db: Db, userId: number, outlineId: number): Promise<FullApplicationStart> {
  const { row, existing, refusal } = await check(db, userId, outlineId);
  const dates = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .select(["a.deadline_at", "r.full_application_deadline"])
    .where("a.id", "=", row.id)
    .executeTakeFirstOrThrow();
  return {
    outlineId: row.id,
    reference: row.reference,
    title: row.title,
    fundName: row.fund_name,
    organisationName: row.organisation_name,
    existingId: existing,
    refusal,
    deadline: dates.deadline_at ?? dates.full_application_deadline,
  };
}

export async function startFullApplication(db: Db, userId: number, outlineId: number, ip: string | null): Promise<StartFullResult> {
  const { row, existing, refusal } = await check(db, userId, outlineId);
  if (refusal) return { kind: "refused", message: refusal };
  if (existing) return { kind: "existing", applicationId: existing };

  const outline = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .innerJoin("form_definitions as fd", "fd.id", "a.form_definition_id")
    .select([
      "a.id",
      "a.reference",
      "a.fund_id",
      "a.round_id",
      "a.organisation_id",
      "a.title",
      "a.amount_requested_pence",
      "a.project_postcode",
      "a.district_code",
      "a.financial_year",
      "a.deadline_at",
      "r.application_form_id",
      "r.full_application_deadline",
      "fd.definition as outline_definition",
    ])
    .where("a.id", "=", row.id)
    .executeTakeFirstOrThrow();
  if (!outline.application_form_id) return { kind: "refused", message: "This round is not taking full applications online yet. Contact us to send yours." };
  const fullForm = await db.selectFrom("form_definitions").select("definition").where("id", "=", outline.application_form_id).executeTakeFirstOrThrow();
  const sections = await db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", outline.id).execute();
  const carried = carryOver(
    fromJson<FormDefinition>(outline.outline_definition, { sections: [] }),
    new Map(sections.map((s) => [s.section_key, fromJson<Answers>(s.answers, {})])),
    fromJson<FormDefinition>(fullForm.definition, { sections: [] }),
  );

  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("applications")
        .values({
          reference: outline.reference,
          fund_id: outline.fund_id,
          round_id: outline.round_id,
          organisation_id: outline.organisation_id,
          stage: "full",
          revision: 0,
          parent_application_id: outline.id,
          form_definition_id: outline.application_form_id!,
          status: "draft",
          lead_contact_user_id: userId,
          title: outline.title,
          amount_requested_pence: outline.amount_requested_pence,
          amount_awarded_pence: null,
          project_postcode: outline.project_postcode,
          district_code: outline.district_code,
          financial_year: outline.financial_year,
          deadline_at: outline.deadline_at ?? outline.full_application_deadline,
          submitted_at: null,
          decided_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [key, answers] of carried) {
        await trx.insertInto("application_sections").values({ application_id: id, section_key: key, answers: toJson(answers), updated_by_user_id: userId }).execute();
      }
      await appendAudit(trx, { actorUserId: userId, event: "application.started", entityType: "application", entityId: id, ip, toState: "draft", data: { outlineId: outline.id } });
      return { kind: "started" as const, applicationId: id };
    });
  } catch (error) {
    // Started by someone else a moment ago: one full application per outline (unique reference, stage, revision).
    const other = await fullApplicationOf(db, row.id);
    if (other) return { kind: "existing", applicationId: other };
    throw error;
  }
}
