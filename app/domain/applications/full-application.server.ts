/**
 * What follows an Innovation Fund outline proposal, started by a member of the group:
 * - after an invitation, the full application (stage "full", the same round, the deadline the invitation
 *   gave);
 * - after advice on strengthening, a revised outline (the next revision, in the round open now).
 * Either is a new record linked to the outline (parent_application_id), with the outline's reference and
 * its answers carried into the questions the new form shares with it. Starting twice (a double click, two
 * members at once) finds the one already started.
 */
import type { Kysely } from "kysely";
import type { Database, Stage } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { carryOver } from "~/domain/forms/carry-over";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { roundStatus } from "~/domain/funds/funds.rules";
import { findApplicationForPolicy } from "./applications.queries.server";
import { DraftNotFound } from "./drafts.server";
import type { NextStep } from "./next-step";

type Db = Kysely<Database>;


const STEP: Record<NextStep, { stage: Stage; after: string; name: string; notYet: string }> = {
  full: { stage: "full", after: "invited", name: "full application", notYet: "You can start a full application once the panel has invited you to." },
  revision: { stage: "outline", after: "strengthen", name: "revised outline proposal", notYet: "You can send a revised outline once the panel has advised how to strengthen it." },
};

export type StartNextResult = { kind: "started" | "existing"; applicationId: number } | { kind: "refused"; message: string };

async function startedFrom(db: Db, outlineId: number, stage: Stage): Promise<number | null> {
  const row = await db.selectFrom("applications").select("id").where("parent_application_id", "=", outlineId).where("stage", "=", stage).orderBy("id").executeTakeFirst();
  return row?.id ?? null;
}

/** What may happen now: one already started to go to, a refusal in words, or a start. */
async function check(db: Db, userId: number, outlineId: number, step: NextStep) {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(outlineId) && outlineId > 0 ? await findApplicationForPolicy(db, outlineId) : undefined;
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const { row } = found;
  const refuse = (message: string) => ({ row, existing: null, refusal: message });
  if (row.stage !== "outline") return refuse(`Only an outline proposal leads to a ${STEP[step].name}.`);
  if (!actor?.memberships.some((m) => m.organisationId === row.organisation_id)) return refuse(`Only members of ${row.organisation_name} can start its ${STEP[step].name}.`);
  const existing = await startedFrom(db, row.id, STEP[step].stage);
  if (existing) return { row, existing, refusal: null };
  if (row.status !== STEP[step].after) return refuse(STEP[step].notYet);
  return { row, existing: null, refusal: null };
}

export interface NextStart {
  outlineId: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  organisationName: string;
  /** Where to go instead: the one already started. */
  existingId: number | null;
  refusal: string | null;
  deadline: string | null;
}

/** Where the next record goes: its round, form, revision and deadline. */
async function target(db: Db, outlineId: number, step: NextStep, now: Date) {
  const outline = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .selectAll("a")
    .select(["r.application_form_id", "r.outline_form_id", "r.full_application_deadline", "r.closes_at"])
    .where("a.id", "=", outlineId)
    .executeTakeFirstOrThrow();
  if (step === "full") {
    return { outline, roundId: outline.round_id, formId: outline.application_form_id, revision: 0, deadline: outline.deadline_at ?? outline.full_application_deadline, financialYear: outline.financial_year };
  }
  // A revised outline goes to the round open now (the panel reviews it with that round's outlines).
  const rounds = await db.selectFrom("rounds").selectAll().where("fund_id", "=", outline.fund_id).orderBy("closes_at").execute();
  const open = rounds.find((r) => roundStatus(r, now.toISOString()) === "open") ?? rounds.find((r) => r.id === outline.round_id)!;
  return { outline, roundId: open.id, formId: open.outline_form_id, revision: outline.revision + 1, deadline: open.closes_at, financialYear: open.financial_year };
}

/** The page before starting: what will happen, by when, or why it cannot. */
export async function nextStart(db: Db, userId: number, outlineId: number, step: NextStep, now = new Date()): Promise<NextStart> {
  const { row, existing, refusal } = await check(db, userId, outlineId, step);
  const t = await target(db, row.id, step, now);
  return {
    outlineId: row.id,
    reference: row.reference,
    title: row.title,
    fundName: row.fund_name,
    organisationName: row.organisation_name,
    existingId: existing,
    refusal,
    deadline: t.deadline,
  };
}

export async function startNext(db: Db, userId: number, outlineId: number, step: NextStep, ip: string | null, now = new Date()): Promise<StartNextResult> {
  const { row, existing, refusal } = await check(db, userId, outlineId, step);
  if (refusal) return { kind: "refused", message: refusal };
  if (existing) return { kind: "existing", applicationId: existing };
  const { outline, roundId, formId, revision, deadline, financialYear } = await target(db, row.id, step, now);
  if (!formId) return { kind: "refused", message: `This round is not taking a ${STEP[step].name} online yet. Contact us to send yours.` };
  const [outlineForm, nextForm, sections] = await Promise.all([
    db.selectFrom("form_definitions").select("definition").where("id", "=", outline.form_definition_id).executeTakeFirstOrThrow(),
    db.selectFrom("form_definitions").select("definition").where("id", "=", formId).executeTakeFirstOrThrow(),
    db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", outline.id).execute(),
  ]);
  const carried = carryOver(
    fromJson<FormDefinition>(outlineForm.definition, { sections: [] }),
    new Map(sections.map((s) => [s.section_key, fromJson<Answers>(s.answers, {})])),
    fromJson<FormDefinition>(nextForm.definition, { sections: [] }),
  );

  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("applications")
        .values({
          reference: outline.reference,
          fund_id: outline.fund_id,
          round_id: roundId,
          organisation_id: outline.organisation_id,
          stage: STEP[step].stage,
          revision,
          parent_application_id: outline.id,
          form_definition_id: formId,
          status: "draft",
          lead_contact_user_id: userId,
          title: outline.title,
          amount_requested_pence: outline.amount_requested_pence,
          amount_awarded_pence: null,
          project_postcode: outline.project_postcode,
          district_code: outline.district_code,
          financial_year: financialYear,
          deadline_at: step === "full" ? deadline : null,
          submitted_at: null,
          decided_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [key, answers] of carried) {
        await trx.insertInto("application_sections").values({ application_id: id, section_key: key, answers: toJson(answers), updated_by_user_id: userId }).execute();
      }
      await appendAudit(trx, { actorUserId: userId, event: "application.started", entityType: "application", entityId: id, ip, toState: "draft", data: { from: outline.id, step } });
      return { kind: "started" as const, applicationId: id };
    });
  } catch (error) {
    // Started by someone else a moment ago: one of each per outline (unique reference, stage, revision).
    const other = await startedFrom(db, row.id, STEP[step].stage);
    if (other) return { kind: "existing", applicationId: other };
    throw error;
  }
}

export const startFullApplication = (db: Db, userId: number, outlineId: number, ip: string | null) => startNext(db, userId, outlineId, "full", ip);
