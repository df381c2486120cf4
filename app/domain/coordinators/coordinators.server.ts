/**
 * Community Coordinators' pre-application support (DESIGN.md, "The people"): a district view of drafts and
 * submissions, a coordinator's page for one application with the advice thread, advice the group sees and
 * answers, and the coordinator named on the application. Anything outside a coordinator's districts is the
 * same "not found" as something that does not exist (decision 0007).
 *
 * Advice and replies are rows of `comments` (kind "advice" / "reply"); staff notes (kind "note") never
 * appear here. Each piece of advice and each reply is audited, and the other side is told by email
 * through the outbox, in the same transaction.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { fromJson } from "~db/json";
import { loadActor } from "~/domain/access/access.server";
import { can, coordinatorDistricts, type Actor } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { stateLabel } from "~/domain/applications/workflow";
import { findApplicationForPolicy, groupRecipients } from "~/domain/applications/applications.queries.server";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Answers } from "~/domain/forms/schema";
import { answeredSections, type AnsweredSection } from "~/domain/forms/summary";
import { enqueue } from "~/domain/notifications/outbox.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { supportOffer, type SupportOffer } from "~/domain/deprivation/deprivation.server";
import {
  PIPELINE_FILTERS,
  checkAdviceText,
  conversationState,
  lastWord,
  parseDistrictFilter,
  statusesFor,
  type ConversationState,
  type DistrictFilter,
} from "./advice.rules";

type Db = Kysely<Database>;

async function coordinatorsDistricts(db: Db, actor: Actor | null): Promise<{ code: string; name: string }[]> {
  const covered = coordinatorDistricts(actor);
  if (covered !== "all" && covered.length === 0) throw new NotAllowed();
  const rows = await db.selectFrom("districts").select(["code", "name"]).orderBy("name").execute();
  return covered === "all" ? rows : rows.filter((d) => covered.includes(d.code));
}

export interface DistrictRow {
  id: number;
  reference: string | null;
  title: string | null;
  /** "outline" or "full application" for a two-stage fund's; null for a one-stage fund's. */
  stage: string | null;
  status: string;
  statusLabel: string;
  fundName: string;
  organisationName: string;
  districtName: string | null;
  lastActivityAt: string;
  conversation: ConversationState;
  coordinatorName: string | null;
}

export interface DistrictView {
  districts: { code: string; name: string }[];
  filter: DistrictFilter;
  filters: { value: string; label: string }[];
  rows: DistrictRow[];
  /** More matched than are shown (the newest activity first). */
  more: boolean;
}

const DISTRICT_VIEW_LIMIT = 200;

/** Drafts and submissions in the coordinator's districts: where the activity happens, else the group's district. */
export async function districtView(db: Db, userId: number, params: URLSearchParams): Promise<DistrictView> {
  const actor = await loadActor(db, userId);
  const districts = await coordinatorsDistricts(db, actor);
  const codes = districts.map((d) => d.code);
  const filter = parseDistrictFilter(params, codes);
  const wanted = filter.district ? [filter.district] : codes;
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .leftJoin("districts as d", (j) => j.on((eb) => eb("d.code", "=", eb.fn.coalesce("a.district_code", "o.district_code"))))
    .leftJoin("users as cu", "cu.id", "a.coordinator_user_id")
    .select((eb) => [
      "a.id",
      "a.reference",
      "a.title",
      "a.stage",
      "a.status",
      "a.updated_at",
      "f.name as fund_name",
      "o.name as organisation_name",
      "d.name as district_name",
      "cu.full_name as coordinator_name",
      eb.selectFrom("comments as c").select((e) => e.fn.max("c.id").as("m")).whereRef("c.application_id", "=", "a.id").where("c.kind", "=", "advice").as("last_advice_id"),
      eb.selectFrom("comments as c").select((e) => e.fn.max("c.id").as("m")).whereRef("c.application_id", "=", "a.id").where("c.kind", "=", "reply").as("last_reply_id"),
      eb.selectFrom("comments as c").select((e) => e.fn.max("c.created_at").as("m")).whereRef("c.application_id", "=", "a.id").where("c.kind", "in", ["advice", "reply"]).as("last_comment_at"),
    ])
    .where((eb) => eb(eb.fn.coalesce("a.district_code", "o.district_code"), "in", wanted))
    .$if(filter.status !== null, (q) => q.where("a.status", "in", [...statusesFor(filter.status!)]))
    .orderBy("a.updated_at", "desc")
    .orderBy("a.id", "desc")
    .limit(DISTRICT_VIEW_LIMIT + 1)
    .execute();
  const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
  return {
    districts,
    filter,
    filters: PIPELINE_FILTERS.map((f) => ({ value: f.value, label: f.label })),
    more: rows.length > DISTRICT_VIEW_LIMIT,
    rows: rows.slice(0, DISTRICT_VIEW_LIMIT).map((r) => {
      const lastComment = iso(r.last_comment_at);
      const advice = r.last_advice_id === null ? null : Number(r.last_advice_id);
      const reply = r.last_reply_id === null ? null : Number(r.last_reply_id);
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        stage: r.stage === "outline" ? "outline" : r.stage === "full" ? "full application" : null,
        status: r.status,
        statusLabel: stateLabel(r.status),
        fundName: r.fund_name,
        organisationName: r.organisation_name,
        districtName: r.district_name,
        lastActivityAt: lastComment && lastComment > r.updated_at ? lastComment : r.updated_at,
        conversation: lastWord(advice, reply),
        coordinatorName: r.coordinator_name,
      };
    }),
  };
}

export interface ThreadEntry {
  id: number;
  kind: "advice" | "reply";
  at: string;
  who: string;
  body: string;
}

async function thread(db: Db, applicationId: number): Promise<ThreadEntry[]> {
  const rows = await db
    .selectFrom("comments as c")
    .leftJoin("users as u", "u.id", "c.author_user_id")
    .select(["c.id", "c.kind", "c.created_at", "c.body", "u.full_name"])
    .where("c.application_id", "=", applicationId)
    .where("c.kind", "in", ["advice", "reply"])
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as "advice" | "reply", at: r.created_at, who: r.full_name ?? "a former user", body: r.body }));
}

async function coordinatorNameOf(db: Db, applicationId: number): Promise<string | null> {
  const row = await db
    .selectFrom("applications as a")
    .innerJoin("users as u", "u.id", "a.coordinator_user_id")
    .select("u.full_name")
    .where("a.id", "=", applicationId)
    .executeTakeFirst();
  return row?.full_name ?? null;
}

async function allowed(db: Db, userId: number, applicationId: number, action: "application.coordinate" | "application.reply_to_advice") {
  const actor = await loadActor(db, userId);
  const found = Number.isSafeInteger(applicationId) && applicationId > 0 ? await findApplicationForPolicy(db, applicationId) : undefined;
  if (!found || !can(actor, action, found.facts)) throw new NotAllowed();
  return { ...found, actor };
}

export interface CoordinatorApplicationView {
  id: number;
  reference: string | null;
  title: string | null;
  status: string;
  statusLabel: string;
  fundName: string;
  organisationName: string;
  districtName: string | null;
  leadContact: string;
  coordinatorName: string | null;
  /** The signed-in coordinator is the one named on the application. */
  isNamedCoordinator: boolean;
  sections: AnsweredSection[];
  thread: ThreadEntry[];
  conversation: ConversationState;
}

/** A coordinator's page for one application in their districts: the answers so far (read-only) and the advice thread. */
export async function coordinatorApplication(db: Db, userId: number, applicationId: number): Promise<CoordinatorApplicationView> {
  const { row } = await allowed(db, userId, applicationId, "application.coordinate");
  const app = await db
    .selectFrom("applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("users as u", "u.id", "a.lead_contact_user_id")
    .innerJoin("form_definitions as fd", "fd.id", "a.form_definition_id")
    .leftJoin("districts as d", (j) => j.on((eb) => eb("d.code", "=", eb.fn.coalesce("a.district_code", "o.district_code"))))
    .leftJoin("users as cu", "cu.id", "a.coordinator_user_id")
    .select(["u.full_name as lead_name", "fd.definition", "d.name as district_name", "a.coordinator_user_id", "cu.full_name as coordinator_name"])
    .where("a.id", "=", row.id)
    .executeTakeFirstOrThrow();
  const [sections, entries] = await Promise.all([
    db.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", row.id).execute(),
    thread(db, row.id),
  ]);
  const form = fromJson<FormDefinition>(app.definition, { sections: [] });
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    statusLabel: stateLabel(row.status),
    fundName: row.fund_name,
    organisationName: row.organisation_name,
    districtName: app.district_name,
    leadContact: app.lead_name,
    coordinatorName: app.coordinator_name,
    isNamedCoordinator: app.coordinator_user_id === userId,
    sections: answeredSections(form, new Map(sections.map((s) => [s.section_key, fromJson<Answers>(s.answers, {})]))),
    thread: entries,
    conversation: conversationState(entries.map((e) => e.kind)),
  };
}

export type AdviceResult = { kind: "added" } | { kind: "invalid"; errors: Record<string, string> };

function emailData(row: { id: number; reference: string | null; title: string | null; organisation_name: string; fund_name: string }) {
  return { applicationId: row.id, reference: row.reference, title: row.title, organisationName: row.organisation_name, fundName: row.fund_name };
}

/**
 * A coordinator's advice on an application in their districts. The first coordinator to advise is named
 * on the application; the group's members are told by email.
 */
export async function giveAdvice(db: Db, userId: number, applicationId: number, body: string, ip: string | null): Promise<AdviceResult> {
  const { row } = await allowed(db, userId, applicationId, "application.coordinate");
  const checked = checkAdviceText("advice", body);
  if (!checked.ok) return { kind: "invalid", errors: { advice: checked.error } };
  const me = await db.selectFrom("users").select("full_name").where("id", "=", userId).executeTakeFirstOrThrow();
  const recipients = await groupRecipients(db, row.organisation_id);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("comments")
      .values({ application_id: row.id, author_user_id: userId, kind: "advice", body: checked.text, parent_comment_id: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const named = await trx
      .updateTable("applications")
      .set({ coordinator_user_id: userId })
      .where("id", "=", row.id)
      .where("coordinator_user_id", "is", null)
      .executeTakeFirst();
    await appendAudit(trx, { actorUserId: userId, event: "application.advice_given", entityType: "application", entityId: row.id, ip, data: { commentId: id } });
    if (Number(named.numUpdatedRows) > 0) {
      await appendAudit(trx, { actorUserId: userId, event: "application.coordinator_named", entityType: "application", entityId: row.id, ip, data: { coordinatorUserId: userId } });
    }
    await enqueue(trx, { template: "advice-given", data: { ...emailData(row), coordinatorName: me.full_name }, recipients, reference: row.reference });
  });
  return { kind: "added" };
}

/** A coordinator takes the group on for this application: they are named on it from now on. */
export async function takeOn(db: Db, userId: number, applicationId: number, ip: string | null): Promise<void> {
  const { row } = await allowed(db, userId, applicationId, "application.coordinate");
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable("applications")
      .set({ coordinator_user_id: userId })
      .where("id", "=", row.id)
      .where((eb) => eb.or([eb("coordinator_user_id", "is", null), eb("coordinator_user_id", "!=", userId)]))
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) > 0) {
      await appendAudit(trx, { actorUserId: userId, event: "application.coordinator_named", entityType: "application", entityId: row.id, ip, data: { coordinatorUserId: userId } });
    }
  });
}

export interface GroupAdviceView {
  id: number;
  reference: string | null;
  title: string | null;
  fundName: string;
  organisationName: string;
  coordinatorName: string | null;
  thread: ThreadEntry[];
}

/** The group's side: its coordinator's advice and its replies. Members of the group only. */
export async function groupAdvice(db: Db, userId: number, applicationId: number): Promise<GroupAdviceView> {
  const { row } = await allowed(db, userId, applicationId, "application.reply_to_advice");
  const [entries, coordinatorName] = await Promise.all([thread(db, row.id), coordinatorNameOf(db, row.id)]);
  if (!entries.some((e) => e.kind === "advice")) throw new NotAllowed(); // nothing to read or answer yet
  return { id: row.id, reference: row.reference, title: row.title, fundName: row.fund_name, organisationName: row.organisation_name, coordinatorName, thread: entries };
}

/** A group member's reply to the advice; the coordinator (the one named, else the last to advise) is told. */
export async function reply(db: Db, userId: number, applicationId: number, body: string, ip: string | null): Promise<AdviceResult> {
  const { row } = await allowed(db, userId, applicationId, "application.reply_to_advice");
  const lastAdvice = await db
    .selectFrom("comments")
    .select(["id", "author_user_id"])
    .where("application_id", "=", row.id)
    .where("kind", "=", "advice")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!lastAdvice) throw new NotAllowed();
  const checked = checkAdviceText("reply", body);
  if (!checked.ok) return { kind: "invalid", errors: { reply: checked.error } };
  const app = await db.selectFrom("applications").select("coordinator_user_id").where("id", "=", row.id).executeTakeFirstOrThrow();
  const coordinatorId = app.coordinator_user_id ?? lastAdvice.author_user_id;
  const [me, coordinator] = await Promise.all([
    db.selectFrom("users").select("full_name").where("id", "=", userId).executeTakeFirstOrThrow(),
    coordinatorId === null ? undefined : db.selectFrom("users").select(["email", "full_name"]).where("id", "=", coordinatorId).where("disabled_at", "is", null).executeTakeFirst(),
  ]);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("comments")
      .values({ application_id: row.id, author_user_id: userId, kind: "reply", body: checked.text, parent_comment_id: lastAdvice.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId: userId, event: "application.advice_replied", entityType: "application", entityId: row.id, ip, data: { commentId: id } });
    if (coordinator) {
      await enqueue(trx, { template: "advice-reply", data: { ...emailData(row), replierName: me.full_name }, recipients: [{ email: coordinator.email, name: coordinator.full_name }], reference: row.reference });
    }
  });
  return { kind: "added" };
}

export interface AdviceSummary {
  /** A flagged (deprived-area) application: its district's coordinators, offered to the group. */
  offer: SupportOffer | null;
  coordinatorName: string | null;
  adviceCount: number;
  conversation: ConversationState;
}

/** What the group's application page says about its coordinator's support. */
export async function adviceSummary(db: Db, applicationId: number): Promise<AdviceSummary> {
  const [entries, coordinatorName, offer] = await Promise.all([
    db.selectFrom("comments").select("kind").where("application_id", "=", applicationId).where("kind", "in", ["advice", "reply"]).orderBy("id").execute(),
    coordinatorNameOf(db, applicationId),
    supportOffer(db, applicationId),
  ]);
  const kinds = entries.map((e) => e.kind as "advice" | "reply");
  return { offer, coordinatorName, adviceCount: kinds.filter((k) => k === "advice").length, conversation: conversationState(kinds) };
}
