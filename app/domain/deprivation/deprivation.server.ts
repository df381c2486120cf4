/**
 * The deprived-area flag (docs/decisions/0014-coordinators-and-deprivation.md): editions of the English
 * Indices of Deprivation keyed by LSOA, one of them current; the decile found for an application at
 * submission (the project's postcode when its form asks for one, else the group's) and the flag the rule
 * gives; an administrator's own setting of the flag, with a reason; and a service administrator's import of
 * a newer edition from CSV, all or nothing, and the threshold.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { Database, Flag } from "~db/schema";
import { fromJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { findApplicationForPolicy } from "~/domain/applications/applications.queries.server";
import type { FormDefinition } from "~/domain/forms/definition";
import { DEFAULT_SETTINGS } from "~/domain/settings/settings.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { lookupPostcode, type PostcodeResult } from "~/utils/postcodes.server";
import type { FileReceiver } from "~/utils/upload-form.server";
import {
  DEFAULT_THRESHOLD,
  LSOA_VINTAGES,
  checkEditionName,
  checkThreshold,
  flagAtSubmission,
  isCountywide,
  parseEdition,
  type CsvProblem,
  type EditionRow,
  type LsoaVintage,
} from "./deprivation.rules";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export const REFERENCE_EDITION = { name: "IoD2019", vintage: "lsoa11" as const, file: "db/data/imd2019-england-lsoa11.csv.gz", source: "English indices of deprivation 2019, File 1 (MHCLG), Open Government Licence v3.0" };

export async function currentEdition(db: Db | Trx) {
  return db.selectFrom("deprivation_editions").select(["id", "name", "lsoa_vintage"]).where("is_current", "=", 1).executeTakeFirst();
}

export async function deprivationThreshold(db: Db | Trx): Promise<number> {
  const row = await db.selectFrom("service_settings").select("deprivation_threshold").orderBy("id").executeTakeFirst();
  return row?.deprivation_threshold ?? DEFAULT_THRESHOLD;
}

async function insertEdition(trx: Trx, e: { name: string; vintage: LsoaVintage; rows: EditionRow[]; source: string | null; userId: number | null; makeCurrent: boolean }) {
  const { id } = await trx
    .insertInto("deprivation_editions")
    .values({ name: e.name, lsoa_vintage: e.vintage, row_count: e.rows.length, source: e.source, is_current: 0, imported_by_user_id: e.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < e.rows.length; i += 1000) {
    await trx
      .insertInto("deprivation_lsoas")
      .values(e.rows.slice(i, i + 1000).map((r) => ({ edition_id: id, lsoa_code: r.lsoaCode, decile: r.decile, rank: r.rank })))
      .execute();
  }
  if (e.makeCurrent) {
    await trx.updateTable("deprivation_editions").set({ is_current: 0 }).where("is_current", "=", 1).execute();
    await trx.updateTable("deprivation_editions").set({ is_current: 1 }).where("id", "=", id).execute();
  }
  return id;
}

/**
 * The indices that ship with the portal (db/data), loaded as the current edition when a database has no
 * edition at all: on every start (production too), so any postcode in England can be placed.
 */
export async function ensureReferenceEdition(db: Db, file = path.resolve(REFERENCE_EDITION.file)): Promise<boolean> {
  const any = await db.selectFrom("deprivation_editions").select("id").executeTakeFirst();
  if (any) return false;
  const parsed = parseEdition(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8"));
  if (!parsed.ok) throw new Error(`The shipped deprivation file ${file} could not be read: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
  await db.transaction().execute((trx) =>
    insertEdition(trx, { name: REFERENCE_EDITION.name, vintage: REFERENCE_EDITION.vintage, rows: parsed.rows, source: REFERENCE_EDITION.source, userId: null, makeCurrent: true }),
  );
  return true;
}

// ── at submission ──────────────────────────────────────────────────────────────────────────────────

export interface DeprivationFound {
  decile: number | null;
  edition: string;
  lsoaCode: string | null;
  /** Where the LSOA came from. */
  from: "project" | "group" | "none";
  countywide: boolean;
  flagged: boolean;
  /** An administrator set the flag by hand: the rule leaves it alone. */
  manual: boolean;
}

function lsoaOf(found: PostcodeResult, vintage: LsoaVintage): string | null {
  if (found.kind !== "found") return null;
  return vintage === "lsoa11" ? found.lsoaCode : found.lsoa21Code;
}

function textAnswer(sections: { answers: string }[], questionId: string): string | null {
  for (const s of sections) {
    const v = fromJson<Record<string, unknown>>(s.answers, {})[questionId];
    if (typeof v === "string" && v.trim()) return v;
  }
  return null;
}

/**
 * What the current edition says about an application, read before its submission's transaction (it may ask
 * postcodes.io): the project's postcode's LSOA when its form asks for one and it is answered (the group's if
 * postcodes.io cannot be reached), otherwise the group's. Null when there is no edition.
 */
export async function deprivationAtSubmission(db: Db, applicationId: number, lookup: (postcode: string) => Promise<PostcodeResult> = lookupPostcode): Promise<DeprivationFound | null> {
  const edition = await currentEdition(db);
  if (!edition) return null;
  const [threshold, app, sections] = await Promise.all([
    deprivationThreshold(db),
    db
      .selectFrom("applications as a")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .innerJoin("form_definitions as fd", "fd.id", "a.form_definition_id")
      .select(["a.project_postcode", "a.district_code", "a.deprived_area_reason", "o.lsoa_code", "o.postcode", "fd.definition"])
      .where("a.id", "=", applicationId)
      .executeTakeFirstOrThrow(),
    db.selectFrom("application_sections").select("answers").where("application_id", "=", applicationId).execute(),
  ]);
  const form = fromJson<FormDefinition>(app.definition, { sections: [] });
  const asksPostcode = form.sections.some((s) => s.pages.some((p) => p.questions.some((q) => q.bind === "project_postcode")));
  let lsoa: string | null = null;
  let from: DeprivationFound["from"] = "none";
  if (asksPostcode && app.project_postcode) {
    lsoa = lsoaOf(await lookup(app.project_postcode), edition.lsoa_vintage);
    if (lsoa) from = "project";
  }
  if (!lsoa) {
    lsoa = edition.lsoa_vintage === "lsoa11" ? app.lsoa_code : app.postcode ? lsoaOf(await lookup(app.postcode), edition.lsoa_vintage) : null;
    if (lsoa) from = "group";
  }
  const row = lsoa
    ? await db.selectFrom("deprivation_lsoas").select("decile").where("edition_id", "=", edition.id).where("lsoa_code", "=", lsoa).executeTakeFirst()
    : undefined;
  const decile = row?.decile ?? null;
  const countywide = isCountywide(textAnswer(sections, "target_area"), app.district_code);
  return { decile, edition: edition.name, lsoaCode: lsoa, from, countywide, flagged: flagAtSubmission({ decile, threshold, countywide }), manual: app.deprived_area_reason !== null };
}

/** Inside the submission's transaction: the decile and edition, and the rule's flag unless an administrator set it. */
export async function storeDeprivation(trx: Trx, applicationId: number, found: DeprivationFound): Promise<void> {
  await trx
    .updateTable("applications")
    .set({
      imd_decile: found.decile,
      imd_edition: found.edition,
      imd_lsoa_code: found.lsoaCode,
      // Decided on the row as it is now, not as it was read before the transaction: an administrator who
      // set the flag in between keeps their decision.
      deprived_area: sql<Flag>`CASE WHEN deprived_area_reason IS NULL THEN ${found.flagged ? 1 : 0} ELSE deprived_area END`,
    })
    .where("id", "=", applicationId)
    .execute();
}

// ── an administrator's own setting ──────────────────────────────────────────────────────────────────

export const REASON_MAX = 1_000;
export type FlagResult = { kind: "saved" } | { kind: "invalid"; errors: Record<string, string> };

/** A fund's administrator sets or clears the flag on a submitted application, with a reason (audited). */
export async function setDeprivedFlag(db: Db, userId: number, applicationId: number, input: { flag: string; reason: string }, ip: string | null): Promise<FlagResult> {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, "application.decide", found.facts)) throw new NotAllowed();
  const app = await db.selectFrom("applications").select(["submitted_at", "deprived_area"]).where("id", "=", applicationId).executeTakeFirstOrThrow();
  if (!app.submitted_at) throw new NotAllowed();
  const errors: Record<string, string> = {};
  if (input.flag !== "yes" && input.flag !== "no") errors.flag = "Select whether the project is in a deprived area";
  const reason = input.reason.replace(/\r\n/g, "\n").trim();
  if (!reason) errors.reason = "Enter why you are changing the flag";
  else if (reason.length > REASON_MAX) errors.reason = `The reason must be ${REASON_MAX.toLocaleString("en-GB")} characters or fewer`;
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  const flagged = input.flag === "yes" ? 1 : 0;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("applications").set({ deprived_area: flagged, deprived_area_reason: reason, deprived_area_set_by_user_id: userId }).where("id", "=", applicationId).execute();
    await appendAudit(trx, {
      actorUserId: userId,
      event: "application.deprived_area_set",
      entityType: "application",
      entityId: applicationId,
      reason,
      ip,
      data: { from: app.deprived_area === 1, to: flagged === 1 },
    });
  });
  return { kind: "saved" };
}

// ── the service administrator's screen ──────────────────────────────────────────────────────────────

export interface DeprivationAdminView {
  threshold: number;
  editions: { id: number; name: string; vintage: string; vintageLabel: string; rows: number; current: boolean; importedAt: string; importedBy: string | null; source: string | null }[];
  vintages: { value: string; label: string }[];
}

async function requireServiceAdmin(db: Db, userId: number) {
  const actor = await loadActor(db, userId);
  if (!can(actor, "service.manage_deprivation", { kind: "service" })) throw new NotAllowed();
}

export async function deprivationAdmin(db: Db, userId: number): Promise<DeprivationAdminView> {
  await requireServiceAdmin(db, userId);
  const [threshold, editions] = await Promise.all([
    deprivationThreshold(db),
    db
      .selectFrom("deprivation_editions as e")
      .leftJoin("users as u", "u.id", "e.imported_by_user_id")
      .select(["e.id", "e.name", "e.lsoa_vintage", "e.row_count", "e.is_current", "e.created_at", "e.source", "u.full_name"])
      .orderBy("e.id", "desc")
      .execute(),
  ]);
  return {
    threshold,
    vintages: LSOA_VINTAGES.map((v) => ({ value: v.value, label: v.label })),
    editions: editions.map((e) => ({
      id: e.id,
      name: e.name,
      vintage: e.lsoa_vintage,
      vintageLabel: LSOA_VINTAGES.find((v) => v.value === e.lsoa_vintage)?.label ?? e.lsoa_vintage,
      rows: e.row_count,
      current: e.is_current === 1,
      importedAt: e.created_at,
      importedBy: e.full_name ?? (e.source ? "shipped with the portal" : null),
      source: e.source,
    })),
  };
}

export type SettingResult = { kind: "saved" } | { kind: "invalid"; errors: Record<string, string> };

export async function saveThreshold(db: Db, userId: number, raw: string, ip: string | null): Promise<SettingResult> {
  await requireServiceAdmin(db, userId);
  const checked = checkThreshold(raw);
  if (!checked.ok) return { kind: "invalid", errors: { threshold: checked.error } };
  const before = await deprivationThreshold(db);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("service_settings").select("id").orderBy("id").executeTakeFirst();
    if (row) await trx.updateTable("service_settings").set({ deprivation_threshold: checked.value }).where("id", "=", row.id).execute();
    else {
      // No one has recorded who runs the portal yet: keep the defaults the pages already show.
      await trx
        .insertInto("service_settings")
        .values({ operator_name: DEFAULT_SETTINGS.operatorName, service_name: DEFAULT_SETTINGS.serviceName, contact_email: DEFAULT_SETTINGS.contactEmail, deprivation_threshold: checked.value })
        .execute();
    }
    await appendAudit(trx, { actorUserId: userId, event: "deprivation.threshold_changed", ip, data: { from: before, to: checked.value } });
  });
  return { kind: "saved" };
}

export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export interface UploadedCsv {
  filename: string;
  bytes: Buffer | null;
  tooLarge: boolean;
}

/** Keeps an uploaded CSV in memory (up to 20 MB; a larger one is read to its end and refused). */
export function csvReceiver(): FileReceiver<UploadedCsv> {
  return {
    async receive(part) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.body) {
        size += chunk.byteLength;
        if (size <= MAX_CSV_BYTES) chunks.push(Buffer.from(chunk));
      }
      return { filename: part.filename ?? "", bytes: size > MAX_CSV_BYTES ? null : Buffer.concat(chunks), tooLarge: size > MAX_CSV_BYTES };
    },
    async discard() {},
  };
}

/** The text of an uploaded CSV, gzipped or not. */
function decodeCsv(file: UploadedCsv): { ok: true; text: string } | { ok: false; error: string } {
  if (file.tooLarge) return { ok: false, error: "The file must be smaller than 20 MB (or gzip it)" };
  if (!file.bytes || file.bytes.length === 0) return { ok: false, error: file.filename ? "The selected file is empty" : "Select a CSV file" };
  let bytes = file.bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes, { maxOutputLength: 5 * MAX_CSV_BYTES });
    } catch {
      return { ok: false, error: "The file could not be unzipped: choose a CSV file, or a CSV file compressed with gzip" };
    }
  }
  if (bytes.includes(0)) return { ok: false, error: "The selected file must be a CSV" };
  return { ok: true, text: bytes.toString("utf8") };
}

export type ImportResult = { kind: "imported"; name: string; rows: number } | { kind: "invalid"; errors: Record<string, string>; problems: CsvProblem[] };

/** Imports an edition from CSV text: every row or none. Made current if asked. */
export async function importEdition(
  db: Db,
  userId: number,
  input: { name: string; vintage: string; file: UploadedCsv | null; makeCurrent: boolean },
  ip: string | null,
): Promise<ImportResult> {
  await requireServiceAdmin(db, userId);
  const errors: Record<string, string> = {};
  const name = checkEditionName(input.name);
  if (!name.ok) errors.name = name.error;
  else if (await db.selectFrom("deprivation_editions").select("id").where("name", "=", name.value).executeTakeFirst()) errors.name = `There is already an edition called ${name.value}`;
  const vintage = LSOA_VINTAGES.find((v) => v.value === input.vintage)?.value;
  if (!vintage) errors.vintage = "Select which LSOAs the file uses";
  let problems: CsvProblem[] = [];
  let rows: EditionRow[] = [];
  const csv = input.file ? decodeCsv(input.file) : { ok: false as const, error: "Select a CSV file" };
  if (!csv.ok) errors.file = csv.error;
  else {
    const parsed = parseEdition(csv.text);
    if (!parsed.ok) {
      problems = parsed.problems;
      const count = parsed.problems.length === 1 ? "1 problem" : `${parsed.problems.length}${parsed.problems.length >= 20 ? " or more" : ""} problems`;
      errors.file = `The file has ${count} (see “Problems in the file”). Nothing was imported`;
    } else rows = parsed.rows;
  }
  if (Object.keys(errors).length || !name.ok || !vintage) return { kind: "invalid", errors, problems };
  await db.transaction().execute(async (trx) => {
    const id = await insertEdition(trx, { name: name.value, vintage, rows, source: null, userId, makeCurrent: input.makeCurrent });
    await appendAudit(trx, { actorUserId: userId, event: "deprivation.edition_imported", entityType: "deprivation_edition", entityId: id, ip, data: { name: name.value, vintage, rows: rows.length, current: input.makeCurrent } });
  });
  return { kind: "imported", name: name.value, rows: rows.length };
}

/** Makes an imported edition the one used at submission from now on. */
export async function makeEditionCurrent(db: Db, userId: number, editionId: number, ip: string | null): Promise<void> {
  await requireServiceAdmin(db, userId);
  const edition = await db.selectFrom("deprivation_editions").select(["id", "name"]).where("id", "=", editionId).executeTakeFirst();
  if (!edition) throw new NotAllowed();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("deprivation_editions").set({ is_current: 0 }).where("is_current", "=", 1).execute();
    await trx.updateTable("deprivation_editions").set({ is_current: 1 }).where("id", "=", edition.id).execute();
    await appendAudit(trx, { actorUserId: userId, event: "deprivation.edition_made_current", entityType: "deprivation_edition", entityId: edition.id, ip, data: { name: edition.name } });
  });
}

// ── the offer to flagged groups ─────────────────────────────────────────────────────────────────────

export interface SupportOffer {
  districtName: string | null;
  coordinators: { name: string; email: string }[];
}

/** For a flagged application: its district's Community Coordinators, whom the group is invited to contact. */
export async function supportOffer(db: Db | Trx, applicationId: number): Promise<SupportOffer | null> {
  const app = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("districts as d", (j) => j.on((eb) => eb("d.code", "=", eb.fn.coalesce("a.district_code", "o.district_code"))))
    .select(["a.deprived_area", "d.code", "d.name"])
    .where("a.id", "=", applicationId)
    .executeTakeFirst();
  if (!app || app.deprived_area !== 1) return null;
  const coordinators = app.code
    ? await db
        .selectFrom("role_grants as g")
        .innerJoin("users as u", "u.id", "g.user_id")
        .select(["u.full_name", "u.email"])
        .distinct()
        .where("g.role", "=", "coordinator")
        .where("g.revoked_at", "is", null)
        .where("u.disabled_at", "is", null)
        .where("g.scope", "=", "district")
        .where("g.district_code", "=", app.code)
        .orderBy("u.full_name")
        .execute()
    : [];
  return { districtName: app.name, coordinators: coordinators.map((c) => ({ name: c.full_name, email: c.email })) };
}
