/**
 * PDFs of applications: a copy of one application (for the group and for staff who may see it), and the
 * printable blank form of a fund stage (public, for people who cannot apply online).
 *
 * Everything is read first, outside any transaction; the PDF is drawn afterwards (never hold a database
 * connection or a lock while rendering). Who may have a copy is the policy's `application.view`; anyone
 * else gets DraftNotFound, which routes answer with 404 like an application that does not exist.
 */
import type { Kysely } from "kysely";
import type { Database, Stage } from "~db/schema";
import { fromJson } from "~db/json";
import { renderApplicationCopy } from "~templates/application-copy";
import { renderBlankForm } from "~templates/blank-form";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { roundStatus } from "~/domain/funds/funds.rules";
import { DEFAULT_SETTINGS } from "~/domain/settings/settings.server";
import { getDb } from "~/utils/db.server";
import { readMailConfig } from "~/utils/mail-config.server";
import { applicationCopy, applicationCopyFilename } from "./application-copy";
import { findApplicationForPolicy } from "./applications.queries.server";
import { DraftNotFound } from "./drafts.server";
import { STAGE_LABELS, fundStages, stageFromSlug } from "./stages";

type Db = Kysely<Database>;

export interface PdfFile {
  filename: string;
  buffer: Buffer;
}

async function serviceSettings(db: Db) {
  const row = await db.selectFrom("service_settings").selectAll().orderBy("id").executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, version: 0 };
  return {
    operatorName: row.operator_name,
    serviceName: row.service_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    version: row.version,
  };
}

/** A copy of one application as a PDF, for someone the policy lets see it. */
export async function applicationCopyPdf(db: Db, userId: number, applicationId: number, now = new Date()): Promise<PdfFile> {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, "application.view", found.facts)) throw new DraftNotFound();

  const app = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .innerJoin("form_definitions as d", "d.id", "a.form_definition_id")
    .select([
      "a.reference",
      "a.stage",
      "a.status",
      "a.title",
      "a.submitted_at",
      "f.name as fund_name",
      "d.definition",
      "o.name as organisation_name",
      "o.address_line1",
      "o.address_line2",
      "o.town",
      "o.postcode",
    ])
    .where("a.id", "=", found.row.id)
    .executeTakeFirstOrThrow();
  const [sections, documents, settings] = await Promise.all([
    db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", found.row.id).execute(),
    db
      .selectFrom("documents")
      .select(["filename", "content_type", "size_bytes", "scan_state", "question_id"])
      .where("application_id", "=", found.row.id)
      .orderBy("id")
      .execute(),
    serviceSettings(db),
  ]);

  const copy = applicationCopy({
    service: settings,
    fundName: app.fund_name,
    application: { reference: app.reference, stage: app.stage, status: app.status, title: app.title, submittedAt: app.submitted_at },
    group: { name: app.organisation_name, addressLine1: app.address_line1, addressLine2: app.address_line2, town: app.town, postcode: app.postcode },
    form: fromJson<FormDefinition>(app.definition, { sections: [] }),
    answers: Object.fromEntries(sections.map((s) => [s.section_key, fromJson<Answers>(s.answers, {})])),
    documents: documents.map((d) => ({ filename: d.filename, contentType: d.content_type, sizeBytes: Number(d.size_bytes), scanState: d.scan_state, questionId: d.question_id })),
    now,
  });
  return { filename: applicationCopyFilename(app.reference, app.stage), buffer: await renderApplicationCopy(copy) };
}

// ---------------------------------------------------------------------------------------------------------
// Printable blank forms

/**
 * The form a fund stage takes now: the version pinned by a round open now (the one closing first, as
 * applications start in it), else the latest published version. Null for an unknown or inactive fund, a
 * stage the fund does not have, or a stage with no published form.
 */
async function currentForm(db: Db, fundSlug: string, stage: Stage, now: Date) {
  const fund = await db.selectFrom("funds").select(["id", "name", "slug", "stages"]).where("slug", "=", fundSlug).where("status", "=", "active").executeTakeFirst();
  if (!fund || !fundStages(fund.stages === "two_stage").includes(stage)) return null;
  const rounds = await db.selectFrom("rounds").selectAll().where("fund_id", "=", fund.id).execute();
  const pinned = rounds
    .filter((r) => roundStatus(r, now.toISOString()) === "open")
    .sort((a, b) => a.closes_at.localeCompare(b.closes_at))
    .map((r) => (stage === "outline" ? r.outline_form_id : r.application_form_id))
    .find((id): id is number => id !== null);
  const form = await db
    .selectFrom("form_definitions")
    .select(["id", "definition", "version"])
    .where("fund_id", "=", fund.id)
    .where("stage", "=", stage)
    .where("published_at", "is not", null)
    .$if(pinned !== undefined, (q) => q.where("id", "=", pinned!))
    .orderBy("version_number", "desc")
    .executeTakeFirst();
  return form ? { fund, form } : null;
}

// Public and the same for everyone: each form is drawn once and kept a while (a few fund stages at most).
const BLANK_TTL_MS = 10 * 60_000;
const BLANK_MAX = 32;
const blankCache = new Map<string, { at: number; file: Promise<PdfFile> }>();

/** The printable form of a fund stage ("application", "outline-proposal", "full-application"), or null. */
export async function blankFormPdf(db: Db, fundSlug: string, stageSlugValue: string, now = new Date()): Promise<PdfFile | null> {
  const stage = stageFromSlug(stageSlugValue);
  if (!stage) return null;
  const found = await currentForm(db, fundSlug, stage, now);
  if (!found) return null;
  const settings = await serviceSettings(db);
  const publicUrl = readMailConfig().publicUrl;
  const key = `${found.form.id}:${found.form.version}:${settings.version}:${found.fund.name}:${publicUrl}`;
  const cached = blankCache.get(key);
  if (cached && now.getTime() - cached.at < BLANK_TTL_MS) return cached.file;

  const label = STAGE_LABELS[stage];
  const file = renderBlankForm({
    serviceName: settings.serviceName,
    operatorName: settings.operatorName,
    contact: { email: settings.contactEmail, phone: settings.contactPhone, address: settings.contactAddress },
    applyOnlineUrl: `${publicUrl}/funds/${found.fund.slug}`,
    fundName: found.fund.name,
    stage: label,
    form: fromJson<FormDefinition>(found.form.definition, { sections: [] }),
  }).then((buffer) => ({ filename: `${found.fund.name} ${label.toLowerCase()} form.pdf`, buffer }));
  if (blankCache.size >= BLANK_MAX) blankCache.clear();
  blankCache.set(key, { at: now.getTime(), file });
  file.catch(() => blankCache.delete(key));
  return file;
}

/** What routes call: the operations bound to the portal's database. */
export const applicationPdfs = {
  copy: (userId: number, applicationId: number) => applicationCopyPdf(getDb(), userId, applicationId),
  blankForm: (fundSlug: string, stage: string) => blankFormPdf(getDb(), fundSlug, stage),
};
