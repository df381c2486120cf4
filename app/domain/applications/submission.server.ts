/**
 * Sending an application: by one of the group's admins or the application's lead contact, after a
 * declaration, while every required section is complete, before the deadline (the round's, or the group's
 * extension), and within the fund's cap. The first submission gives the reference; the receipt to every
 * member of the group and the alert to the fund's administrators are written with the new status, in one
 * transaction. A double click or a replayed POST finds the application already sent and makes nothing twice.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { fromJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can, type Actor } from "~/domain/access/policy";
import { sectionStatus, type StoredSection } from "~/domain/forms/answers";
import type { FormDefinition } from "~/domain/forms/definition";
import { financialYearOf, formatFinancialYear } from "~/domain/shared/time";
import { applyTransition, TransitionRefused } from "./applications.server";
import { deprivationAtSubmission, storeDeprivation } from "~/domain/deprivation/deprivation.server";
import { findApplicationForPolicy } from "./applications.queries.server";
import { DraftNotFound } from "./drafts.server";
import { checkCap, deadlineFor, formatReference, isPastDeadline } from "./submission.rules";
import { isEditable, type Stage } from "./workflow";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** What the person sending confirms; kept in the audit log with the submission. */
export const DECLARATION =
  "I am allowed to send this application for my group, and the information in it is true to the best of my knowledge.";

export interface SectionLink {
  title: string;
  href: string;
}

export type SubmitProblem =
  | { kind: "not_lead"; leadContactName: string }
  | { kind: "declaration" }
  | { kind: "incomplete"; sections: SectionLink[] }
  | { kind: "closed"; closesAt: string; extended: boolean }
  | { kind: "over_cap"; remainingPence: number; capPence: number; requestedPence: number; area: string; financialYear: string; amountHref: string | null };

export type SubmitResult =
  | { kind: "submitted"; reference: string }
  /** Sent already (a second click, a replayed form): nothing more was done. */
  | { kind: "already_submitted" }
  | { kind: "refused"; problem: SubmitProblem };

interface Context {
  stage: Stage;
  status: string;
  fundCode: string;
  capPence: number | null;
  roundDistrictCode: string | null;
  area: string;
  financialYear: number;
  deadline: { closesAt: string; extended: boolean };
  incomplete: SectionLink[];
  amountHref: string | null;
  leadContactName: string;
}

/** Everything the rules need about one application, read outside any transaction. */
async function context(db: Db | Trx, applicationId: number): Promise<Context> {
  const app = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .innerJoin("form_definitions as fd", "fd.id", "a.form_definition_id")
    .innerJoin("users as lead", "lead.id", "a.lead_contact_user_id")
    .leftJoin("districts as d", "d.code", "r.district_code")
    .leftJoin("round_extensions as x", (j) => j.onRef("x.round_id", "=", "a.round_id").onRef("x.organisation_id", "=", "a.organisation_id").onRef("x.stage", "=", "a.stage"))
    .select([
      "a.id",
      "a.stage",
      "a.status",
      "a.deadline_at",
      "a.financial_year",
      "f.code as fund_code",
      "f.group_cap_pence",
      "r.closes_at",
      "r.full_application_deadline",
      "r.district_code as round_district_code",
      "d.name as district_name",
      "fd.definition",
      "x.closes_at as extension_closes_at",
      "lead.full_name as lead_name",
    ])
    .where("a.id", "=", applicationId)
    .executeTakeFirstOrThrow();
  const form = fromJson<FormDefinition>(app.definition, { sections: [] });
  const rows = await db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", app.id).execute();
  const stored = new Map(rows.map((r) => [r.section_key, { answers: fromJson<StoredSection["answers"]>(r.answers, {}) }]));
  const incomplete = form.sections
    .filter((s) => sectionStatus(s, stored.get(s.key) ?? null) !== "completed")
    .map((s) => ({ title: s.title, href: `/applications/${app.id}/${s.key}/${s.pages[0]?.key ?? ""}` }));
  const amount = form.sections.flatMap((s) => s.pages.map((p) => ({ s, p }))).find(({ p }) => p.questions.some((q) => q.bind === "amount_requested"));
  return {
    stage: app.stage,
    status: app.status,
    fundCode: app.fund_code,
    capPence: app.group_cap_pence,
    roundDistrictCode: app.round_district_code,
    area: app.district_name ?? "countywide",
    financialYear: app.financial_year,
    deadline: deadlineFor({
      stage: app.stage,
      roundClosesAt: app.closes_at,
      roundFullApplicationDeadline: app.full_application_deadline,
      applicationDeadline: app.deadline_at,
      extensionClosesAt: app.extension_closes_at,
    }),
    incomplete,
    amountHref: amount ? `/applications/${app.id}/${amount.s.key}/${amount.p.key}` : null,
    leadContactName: app.lead_name,
  };
}

/** What the check-answers page tells the person about sending: who may, by when, and what is missing. */
export interface SubmissionView {
  canSubmit: boolean;
  leadContactName: string;
  closesAt: string;
  extended: boolean;
  closed: boolean;
  incomplete: SectionLink[];
  resubmission: boolean;
  declaration: string;
}

export async function submissionView(db: Db, actor: Actor | null, applicationId: number, now = new Date()): Promise<SubmissionView> {
  const found = await findApplicationForPolicy(db, applicationId);
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  const ctx = await context(db, applicationId);
  const resubmission = ctx.status === "more_information";
  return {
    canSubmit: isEditable(ctx.status) && can(actor, "application.submit", found.facts),
    leadContactName: ctx.leadContactName,
    closesAt: ctx.deadline.closesAt,
    extended: ctx.deadline.extended,
    // A group asked for more information may answer after the round has closed.
    closed: !resubmission && isPastDeadline(ctx.deadline.closesAt, now.toISOString()),
    incomplete: ctx.incomplete,
    resubmission,
    declaration: DECLARATION,
  };
}

/**
 * Sends the application. Refusals come back as problems the page can show; NotFound (DraftNotFound) for
 * anyone who may not see it at all.
 */
export async function submitApplication(
  db: Db,
  userId: number,
  applicationId: number,
  input: { declaration: boolean },
  ip: string | null,
  now = new Date(),
): Promise<SubmitResult> {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();
  if (!isEditable(found.row.status)) return { kind: "already_submitted" };
  const ctx = await context(db, applicationId);
  if (!can(actor, "application.submit", found.facts)) return { kind: "refused", problem: { kind: "not_lead", leadContactName: ctx.leadContactName } };
  if (!input.declaration) return { kind: "refused", problem: { kind: "declaration" } };
  if (ctx.incomplete.length) return { kind: "refused", problem: { kind: "incomplete", sections: ctx.incomplete } };
  const resubmission = found.row.status === "more_information";
  if (!resubmission && isPastDeadline(ctx.deadline.closesAt, now.toISOString())) {
    return { kind: "refused", problem: { kind: "closed", closesAt: ctx.deadline.closesAt, extended: ctx.deadline.extended } };
  }

  // The deprived-area flag's inputs, which may ask postcodes.io: never inside the transaction.
  const deprivation = await deprivationAtSubmission(db, applicationId);

  try {
    return await db.transaction().execute(async (trx): Promise<SubmitResult> => {
      // One submission at a time per group: the cap counts the group's other applications, so two sent
      // at once must not both fit under it. A no-op write takes the lock (a row lock on PostgreSQL, the
      // write lock on SQLite).
      await trx.updateTable("organisations").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("id", "=", found.row.organisation_id).execute();
      const fresh = await findApplicationForPolicy(trx, applicationId);
      if (!fresh || !isEditable(fresh.row.status)) return { kind: "already_submitted" };
      const app = await trx
        .selectFrom("applications")
        .select(["id", "reference", "submitted_at", "amount_requested_pence", "financial_year", "fund_id", "organisation_id"])
        .where("id", "=", applicationId)
        .executeTakeFirstOrThrow();

      if (ctx.capPence !== null) {
        const others = await trx
          .selectFrom("applications as a")
          .innerJoin("rounds as r", "r.id", "a.round_id")
          .select(["a.status", "a.amount_requested_pence", "a.amount_awarded_pence"])
          .where("a.organisation_id", "=", app.organisation_id)
          .where("a.fund_id", "=", app.fund_id)
          .where("a.financial_year", "=", app.financial_year)
          .where("a.id", "!=", app.id)
          .where((eb) => (ctx.roundDistrictCode === null ? eb("r.district_code", "is", null) : eb("r.district_code", "=", ctx.roundDistrictCode)))
          .execute();
        const requested = app.amount_requested_pence ?? 0;
        const cap = checkCap(
          ctx.capPence,
          others.map((o) => ({ status: o.status, amountRequestedPence: o.amount_requested_pence, amountAwardedPence: o.amount_awarded_pence })),
          requested,
        );
        if (!cap.ok) {
          return {
            kind: "refused",
            problem: {
              kind: "over_cap",
              remainingPence: cap.remainingPence,
              capPence: ctx.capPence,
              requestedPence: requested,
              area: ctx.area,
              financialYear: formatFinancialYear(ctx.financialYear),
              amountHref: ctx.amountHref,
            },
          };
        }
      }

      const nowIso = now.toISOString();
      const reference = app.reference ?? (await nextReference(trx, app.fund_id, ctx.fundCode, financialYearOf(nowIso)));
      await applyTransition(
        trx,
        actor,
        fresh,
        { applicationId, action: resubmission ? "resubmit" : "submit", ip },
        { set: { reference, submitted_at: app.submitted_at ?? nowIso }, auditData: { declaration: DECLARATION } },
      );
      if (deprivation) await storeDeprivation(trx, applicationId, deprivation);
      return { kind: "submitted", reference };
    });
  } catch (error) {
    // Another request sent it between our look and our write: the same answer as a second click.
    if (error instanceof TransitionRefused && error.reason === "changed_meanwhile") return { kind: "already_submitted" };
    throw error;
  }
}

/** The next reference of a fund in a financial year, counted in the same transaction as the submission. */
async function nextReference(trx: Trx, fundId: number, fundCode: string, financialYear: number): Promise<string> {
  const { last_value } = await trx
    .insertInto("reference_sequences")
    .values({ fund_id: fundId, financial_year: financialYear, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(["fund_id", "financial_year"]).doUpdateSet((eb) => ({ last_value: eb("reference_sequences.last_value", "+", 1), updated_at: new Date().toISOString() })),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return formatReference(fundCode, financialYear, Number(last_value));
}
