/**
 * The staff view of one application: every answer (through the form engine), its documents with their
 * virus-scan state, its history from the audit log, and staff notes. Only the fund's administrators (the
 * policy's `application.view_as_staff`, never someone in the applying group) see it, and only once it has
 * been submitted; anyone else gets the same 404 as for an application that does not exist.
 */
import type { Kysely } from "kysely";
import type { Database, ScanState } from "~db/schema";
import { fromJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { stateLabel } from "~/domain/applications/workflow";
import { findApplicationForPolicy } from "~/domain/applications/applications.queries.server";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { answeredSections, type AnsweredSection } from "~/domain/forms/summary";
import { NotAllowed } from "~/domain/staff/staff.server";
import { ACTION_LABELS, actionsNow } from "~/domain/applications/review-pages.server";
import { describeEvent } from "./audit-words";
import { STAGES } from "./list-filter";

type Db = Kysely<Database>;

export const SCAN_STATES: Record<ScanState, { text: string; classes: string }> = {
  pending: { text: "Waiting for virus scan", classes: "govuk-tag--yellow" },
  clean: { text: "No virus found", classes: "govuk-tag--green" },
  infected: { text: "Virus found: do not open", classes: "govuk-tag--red" },
  not_scanned: { text: "Not scanned", classes: "govuk-tag--orange" },
};

export const NOTE_MAX = 5_000;

async function allowed(db: Db, userId: number, applicationId: number, action: "application.view_as_staff" | "application.add_note") {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, action, found.facts)) throw new NotAllowed();
  const submitted = await db.selectFrom("applications").select("submitted_at").where("id", "=", applicationId).executeTakeFirstOrThrow();
  // A draft is the group's own business until it is first submitted.
  if (!submitted.submitted_at) throw new NotAllowed();
  return found;
}

export interface StaffApplicationView {
  id: number;
  reference: string | null;
  title: string | null;
  stage: string;
  status: string;
  statusLabel: string;
  version: number;
  fundName: string;
  roundName: string;
  organisationName: string;
  organisationId: number;
  districtName: string | null;
  amountRequestedPence: number | null;
  submittedAt: string;
  leadContact: string;
  coordinatorName: string | null;
  /** The deprived-area flag, what was found at submission, and an administrator's reason if set by hand. */
  deprivation: { flagged: boolean; decile: number | null; edition: string | null; lsoaCode: string | null; reason: string | null; setBy: string | null };
  /** The advice a Community Coordinator gave the group, and its replies (the group sees these). */
  advice: { id: number; kind: "advice" | "reply"; at: string; who: string; body: string }[];
  sections: AnsweredSection[];
  documents: { id: number; filename: string; sizeBytes: number; scanState: ScanState; scanText: string; uploadedAt: string; question: string }[];
  history: { id: number; at: string; who: string; what: string; from: string | null; to: string | null; why: string | null }[];
  notes: { id: number; at: string; who: string; body: string }[];
  /** What the administrator may decide now (links to the decision form), and whether the group can be given more time. */
  actions: { value: string; label: string }[];
  canExtend: boolean;
}

export async function staffApplicationView(db: Db, userId: number, applicationId: number): Promise<StaffApplicationView> {
  const { row, facts } = await allowed(db, userId, applicationId, "application.view_as_staff");
  const actor = await loadActor(db, userId);
  const app = await db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .innerJoin("users as u", "u.id", "a.lead_contact_user_id")
    .innerJoin("form_definitions as fd", "fd.id", "a.form_definition_id")
    .leftJoin("districts as d", "d.code", "a.district_code")
    .leftJoin("users as cu", "cu.id", "a.coordinator_user_id")
    .leftJoin("users as fu", "fu.id", "a.deprived_area_set_by_user_id")
    .select(["a.deprived_area", "a.imd_decile", "a.imd_edition", "a.imd_lsoa_code", "a.deprived_area_reason", "fu.full_name as flag_set_by"])
    .select(["a.amount_requested_pence", "a.submitted_at", "r.name as round_name", "u.full_name as lead_name", "fd.definition", "d.name as district_name", "cu.full_name as coordinator_name"])
    .where("a.id", "=", row.id)
    .executeTakeFirstOrThrow();
  const [sections, documents, history, notes] = await Promise.all([
    db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", row.id).execute(),
    db.selectFrom("documents").selectAll().where("application_id", "=", row.id).orderBy("id").execute(),
    db
      .selectFrom("audit_log as l")
      .leftJoin("users as u", "u.id", "l.actor_user_id")
      .select(["l.id", "l.created_at", "l.event", "l.actor_user_id", "l.from_state", "l.to_state", "l.reason", "l.data", "u.full_name"])
      .where("l.entity_type", "=", "application")
      .where("l.entity_id", "=", row.id)
      // Each page a group saves is in the full audit log; the history here is what happened to the application.
      .where("l.event", "!=", "application.section_saved")
      .orderBy("l.id")
      .execute(),
    db
      .selectFrom("comments as c")
      .leftJoin("users as u", "u.id", "c.author_user_id")
      .select(["c.id", "c.kind", "c.created_at", "c.body", "u.full_name"])
      .where("c.application_id", "=", row.id)
      .where("c.kind", "in", ["note", "advice", "reply"])
      .orderBy("c.id")
      .execute(),
  ]);
  const form = fromJson<FormDefinition>(app.definition, { sections: [] });
  const questionLabel = (id: string) => form.sections.flatMap((s) => s.pages.flatMap((p) => p.questions)).find((q) => q.id === id)?.label ?? id;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    stage: STAGES.find((s) => s.value === row.stage)?.label ?? row.stage,
    status: row.status,
    statusLabel: stateLabel(row.status),
    version: row.version,
    fundName: row.fund_name,
    roundName: app.round_name,
    organisationName: row.organisation_name,
    organisationId: row.organisation_id,
    districtName: app.district_name,
    amountRequestedPence: app.amount_requested_pence,
    submittedAt: app.submitted_at!,
    leadContact: app.lead_name,
    sections: answeredSections(form, new Map(sections.map((s) => [s.section_key, fromJson<Answers>(s.answers, {})]))),
    documents: documents.map((d) => ({
      id: d.id,
      filename: d.filename,
      sizeBytes: d.size_bytes,
      scanState: d.scan_state,
      scanText: SCAN_STATES[d.scan_state]?.text ?? d.scan_state,
      uploadedAt: d.created_at,
      question: questionLabel(d.question_id),
    })),
    history: history.map((h) => ({
      id: h.id,
      at: h.created_at,
      who: h.actor_user_id === null ? "the portal" : (h.full_name ?? "a former user"),
      what: describeEvent(h.event, fromJson<Record<string, unknown> | null>(h.data, null)),
      from: h.from_state ? stateLabel(h.from_state) : null,
      to: h.to_state ? stateLabel(h.to_state) : null,
      why: h.reason,
    })),
    coordinatorName: app.coordinator_name,
    deprivation: {
      flagged: app.deprived_area === 1,
      decile: app.imd_decile,
      edition: app.imd_edition,
      lsoaCode: app.imd_lsoa_code,
      reason: app.deprived_area_reason,
      setBy: app.deprived_area_reason === null ? null : (app.flag_set_by ?? "a former user"),
    },
    advice: notes.filter((n) => n.kind !== "note").map((n) => ({ id: n.id, kind: n.kind as "advice" | "reply", at: n.created_at, who: n.full_name ?? "a former user", body: n.body })),
    notes: notes.filter((n) => n.kind === "note").map((n) => ({ id: n.id, at: n.created_at, who: n.full_name ?? "a former user", body: n.body })),
    actions: actionsNow(actor, { stage: row.stage, status: row.status, facts }).map((a) => ({ value: a, label: ACTION_LABELS[a] })),
    // An invited outline's full application is still to come: its group can be given more time for it.
    canExtend: row.status === "invited",
  };
}

export type NoteResult = { kind: "added" } | { kind: "invalid"; errors: { note: string } };

/** Adds a staff note (never shown to the group). The note's words stay in comments; the log says one was added. */
export async function addNote(db: Db, userId: number, applicationId: number, body: string, ip: string | null): Promise<NoteResult> {
  const { row } = await allowed(db, userId, applicationId, "application.add_note");
  const text = body.replace(/\r\n/g, "\n").trim();
  if (!text) return { kind: "invalid", errors: { note: "Enter a note" } };
  if (text.length > NOTE_MAX) return { kind: "invalid", errors: { note: `The note must be ${NOTE_MAX.toLocaleString("en-GB")} characters or fewer` } };
  await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto("comments").values({ application_id: row.id, author_user_id: userId, kind: "note", body: text, parent_comment_id: null }).returning("id").executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId: userId, event: "application.note_added", entityType: "application", entityId: row.id, ip, data: { commentId: id } });
  });
  return { kind: "added" };
}
