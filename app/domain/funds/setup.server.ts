/**
 * Setting funds up: service administrators create funds; a fund's administrators change its details,
 * scoring criteria, eligibility questions, rounds and budgets. Every change is checked by the policy,
 * validated by the shared schemas (setup.schema.ts), made only if nobody changed the same thing since the
 * page was shown (the `version` columns: a stale edit is told, not overwritten), written to the audit log,
 * and shown on the public pages at once (`forgetFundCatalogue`).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, Stage } from "~db/schema";
import { fromJson, toJson } from "~db/json";
import { isoNow } from "~db/time";
import { loadActor } from "~/domain/access/access.server";
import { can, type FundAction } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { NotAllowed } from "~/domain/staff/staff.server";
import { penceToText } from "~/domain/forms/answers";
import { formatPence } from "~/domain/shared/money";
import { financialYearOf, formatLondonDateTime } from "~/domain/shared/time";
import { forgetFundCatalogue } from "./funds.server";
import {
  COUNTYWIDE,
  budgetSchema,
  criteriaSchema,
  eligibilitySchema,
  fundCreateSchema,
  fundEditSchema,
  parseWith,
  roundSchema,
  slugify,
  type FieldErrors,
  type Raw,
} from "./setup.schema";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export type SaveResult<T = Record<never, never>> =
  | ({ kind: "saved" } & T)
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "conflict"; message: string };

const CHANGED = "Someone else changed this while you were editing it. Your changes have not been saved: check the values now shown and make them again.";

async function requireFund(db: Db | Trx, userId: number, fundId: number, action: FundAction) {
  const actor = await loadActor(db as Db, userId);
  const fund = Number.isSafeInteger(fundId) && fundId > 0 ? await db.selectFrom("funds").selectAll().where("id", "=", fundId).executeTakeFirst() : undefined;
  if (!fund || !can(actor, action, { kind: "fund", id: fund.id })) throw new NotAllowed();
  return fund;
}

function stagesOf(fund: { stages: string }): Stage[] {
  return fund.stages === "two_stage" ? ["outline", "full"] : ["single"];
}

export const STAGE_NAMES: Record<Stage, string> = { single: "Application", outline: "Outline proposal", full: "Full application" };

/** London date parts and time of an instant, as the round form shows them. */
function londonFields(prefix: string, iso: string | null): Raw {
  if (!iso) return {};
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return { [`${prefix}-day`]: String(Number(parts.day)), [`${prefix}-month`]: String(Number(parts.month)), [`${prefix}-year`]: parts.year, [`${prefix}-time`]: formatLondonDateTime(iso).split(" on ")[0] };
}

async function districts(db: Db) {
  return db.selectFrom("districts").select(["code", "name"]).orderBy("name").execute();
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// The funds list and a fund's page

export async function adminFunds(db: Db, userId: number) {
  const actor = await loadActor(db, userId);
  const funds = await db.selectFrom("funds").select(["id", "code", "name", "status", "stages"]).orderBy("name").execute();
  const mine = funds.filter((f) => can(actor, "fund.edit", { kind: "fund", id: f.id }));
  const canCreate = can(actor, "service.create_fund", { kind: "service" });
  if (!canCreate && mine.length === 0) throw new NotAllowed();
  const rounds = mine.length ? await db.selectFrom("rounds").select(["fund_id", "opens_at", "closes_at"]).where("fund_id", "in", mine.map((f) => f.id)).execute() : [];
  const now = isoNow();
  return {
    canCreate,
    funds: mine.map((f) => ({
      id: f.id,
      code: f.code,
      name: f.name,
      status: f.status,
      twoStage: f.stages === "two_stage",
      openRounds: rounds.filter((r) => r.fund_id === f.id && r.opens_at <= now && now < r.closes_at).length,
    })),
  };
}

export async function fundOverview(db: Db, userId: number, fundId: number) {
  const fund = await requireFund(db, userId, fundId, "fund.edit");
  const [criteria, questions, rounds, budgets, areaNames, forms, counts] = await Promise.all([
    db.selectFrom("fund_criteria").selectAll().where("fund_id", "=", fund.id).orderBy("stage").orderBy("position").execute(),
    db.selectFrom("eligibility_questions").selectAll().where("fund_id", "=", fund.id).orderBy("position").execute(),
    db.selectFrom("rounds").selectAll().where("fund_id", "=", fund.id).orderBy("opens_at", "desc").orderBy("name").execute(),
    db.selectFrom("budgets").selectAll().where("fund_id", "=", fund.id).orderBy("financial_year", "desc").orderBy("area").execute(),
    districts(db),
    db.selectFrom("form_definitions").select(["id", "stage", "version_number", "published_at"]).where("fund_id", "=", fund.id).execute(),
    db.selectFrom("applications").select(["round_id", (eb) => eb.fn.countAll<number>().as("n")]).where("fund_id", "=", fund.id).where("submitted_at", "is not", null).groupBy("round_id").execute(),
  ]);
  const area = (code: string | null) => (code === null || code === COUNTYWIDE ? "Countywide" : (areaNames.find((d) => d.code === code)?.name ?? code));
  const formName = (id: number | null) => {
    const f = forms.find((x) => x.id === id);
    return f ? `${STAGE_NAMES[f.stage]} form, version ${f.version_number}` : null;
  };
  return {
    fund: {
      id: fund.id,
      code: fund.code,
      name: fund.name,
      slug: fund.slug,
      summary: fund.summary,
      status: fund.status,
      twoStage: fund.stages === "two_stage",
      perDistrict: fund.rounds_per_district === 1,
      minAwardPence: fund.min_award_pence,
      maxAwardPence: fund.max_award_pence,
      groupCapPence: fund.group_cap_pence,
    },
    criteria: stagesOf(fund).map((stage) => ({
      stage,
      stageName: STAGE_NAMES[stage],
      items: criteria.filter((c) => c.stage === stage).map((c) => ({ id: c.id, title: c.title, weightPercent: c.weight_percent, maxScore: c.max_score })),
    })),
    // Each stage's form: the version new rounds take, and whether a draft of the next is being edited.
    forms: stagesOf(fund).map((stage) => {
      const mine = forms.filter((f) => f.stage === stage);
      const published = mine.filter((f) => f.published_at !== null).sort((a, b) => b.version_number - a.version_number)[0];
      const draft = mine.find((f) => f.published_at === null);
      return { stage, stageName: STAGE_NAMES[stage], publishedVersion: published?.version_number ?? null, draftVersion: draft?.version_number ?? null };
    }),
    questions: questions.map((q) => ({ id: q.id, question: q.question, options: fromJson<{ label: string }[]>(q.options, []).length, excluding: fromJson<string[]>(q.excluding_values, []).length })),
    rounds: rounds.map((r) => ({
      id: r.id,
      name: r.name,
      area: area(r.district_code),
      financialYear: r.financial_year,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      fullApplicationDeadline: r.full_application_deadline,
      panelDate: r.panel_date,
      forms: [formName(r.outline_form_id), formName(r.application_form_id)].filter((x): x is string => x !== null),
      applications: Number(counts.find((c) => c.round_id === r.id)?.n ?? 0),
    })),
    budgets: budgets.map((b) => ({ id: b.id, financialYear: b.financial_year, area: area(b.area), areaCode: b.area, amountPence: b.amount_pence })),
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Creating a fund and changing its details

export async function createFund(db: Db, userId: number, raw: Raw, ip: string | null): Promise<SaveResult<{ fundId: number }>> {
  const actor = await loadActor(db, userId);
  if (!can(actor, "service.create_fund", { kind: "service" })) throw new NotAllowed();
  const parsed = parseWith(fundCreateSchema, raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const v = parsed.value;
  const slug = slugify(v.name);
  const clash = await db.selectFrom("funds").select(["code", "slug"]).where((eb) => eb.or([eb("code", "=", v.code), eb("slug", "=", slug)])).execute();
  if (clash.some((c) => c.code === v.code)) return { kind: "invalid", errors: { code: `Another fund already uses the reference code ${v.code}` } };
  if (clash.length) return { kind: "invalid", errors: { name: "Another fund already has that name" } };
  const fundId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("funds")
      .values({
        code: v.code,
        slug,
        name: v.name,
        summary: v.summary,
        description: v.description,
        who_can_apply: v.whoCanApply,
        stages: v.stages,
        min_award_pence: v.minAwardPence,
        max_award_pence: v.maxAwardPence,
        group_cap_pence: v.groupCapPence,
        rounds_per_district: v.roundsPerDistrict ? 1 : 0,
        // Staff set up its criteria, rounds and budgets before the public sees it.
        status: "draft",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorUserId: userId, event: "fund.created", entityType: "fund", entityId: id, ip, data: { code: v.code } });
    return id;
  });
  forgetFundCatalogue();
  return { kind: "saved", fundId };
}

export async function fundForEdit(db: Db, userId: number, fundId: number) {
  const fund = await requireFund(db, userId, fundId, "fund.edit");
  return {
    id: fund.id,
    name: fund.name,
    version: fund.version,
    values: {
      name: fund.name,
      summary: fund.summary,
      description: fund.description,
      whoCanApply: fund.who_can_apply,
      minAward: penceToText(fund.min_award_pence),
      maxAward: penceToText(fund.max_award_pence),
      groupCap: fund.group_cap_pence === null ? "" : penceToText(fund.group_cap_pence),
      status: fund.status,
    } as Raw,
  };
}

export async function updateFund(db: Db, userId: number, fundId: number, raw: Raw, version: number, ip: string | null): Promise<SaveResult> {
  const fund = await requireFund(db, userId, fundId, "fund.edit");
  const parsed = parseWith(fundEditSchema, raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const v = parsed.value;
  if (v.name !== fund.name) {
    const clash = await db.selectFrom("funds").select("id").where("slug", "=", slugify(v.name)).where("id", "!=", fund.id).executeTakeFirst();
    if (clash) return { kind: "invalid", errors: { name: "Another fund already has that name" } };
  }
  const saved = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("funds")
      .set({
        name: v.name,
        // The public address stays as it was: links to the fund keep working after a rename.
        summary: v.summary,
        description: v.description,
        who_can_apply: v.whoCanApply,
        min_award_pence: v.minAwardPence,
        max_award_pence: v.maxAwardPence,
        group_cap_pence: v.groupCapPence,
        status: v.status,
        version: version + 1,
        updated_at: isoNow(),
      })
      .where("id", "=", fund.id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await appendAudit(trx, { actorUserId: userId, event: "fund.updated", entityType: "fund", entityId: fund.id, ip, fromState: fund.status, toState: v.status });
    return true;
  });
  if (!saved) return { kind: "conflict", message: CHANGED };
  forgetFundCatalogue();
  return { kind: "saved" };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Rounds

export async function roundForm(db: Db, userId: number, fundId: number, roundId: number | null) {
  const fund = await requireFund(db, userId, fundId, "fund.manage_rounds");
  const round = roundId === null ? null : await db.selectFrom("rounds").selectAll().where("id", "=", roundId).where("fund_id", "=", fund.id).executeTakeFirst();
  if (roundId !== null && !round) throw new NotAllowed();
  const all = await districts(db);
  return {
    fund: { id: fund.id, name: fund.name, twoStage: fund.stages === "two_stage", perDistrict: fund.rounds_per_district === 1 },
    areas: [...(fund.rounds_per_district ? [] : [{ code: COUNTYWIDE, name: "Countywide" }]), ...all],
    round: round ? { id: round.id, name: round.name, version: round.version } : null,
    values: round
      ? ({
          name: round.name,
          area: round.district_code ?? COUNTYWIDE,
          ...londonFields("opens", round.opens_at),
          ...londonFields("closes", round.closes_at),
          ...londonFields("full", round.full_application_deadline),
          ...(round.panel_date ? { "panel-day": String(Number(round.panel_date.slice(8))), "panel-month": String(Number(round.panel_date.slice(5, 7))), "panel-year": round.panel_date.slice(0, 4) } : {}),
        } as Raw)
      : ({} as Raw),
  };
}

/** The newest published form of a fund's stage: what a new round pins (DESIGN.md, "Forms as data"). */
async function latestForm(trx: Trx, fundId: number, stage: Stage): Promise<number | null> {
  const row = await trx
    .selectFrom("form_definitions")
    .select("id")
    .where("fund_id", "=", fundId)
    .where("stage", "=", stage)
    .where("published_at", "is not", null)
    .orderBy("version_number", "desc")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function saveRound(db: Db, userId: number, fundId: number, roundId: number | null, raw: Raw, version: number, ip: string | null): Promise<SaveResult<{ roundId: number }>> {
  const fund = await requireFund(db, userId, fundId, "fund.manage_rounds");
  const all = await districts(db);
  const parsed = parseWith(roundSchema({ twoStage: fund.stages === "two_stage", perDistrict: fund.rounds_per_district === 1, districtCodes: all.map((d) => d.code) }), raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const v = parsed.value;
  const slug = slugify(v.name);
  const clash = await db.selectFrom("rounds").select("id").where("fund_id", "=", fund.id).where("slug", "=", slug).$if(roundId !== null, (q) => q.where("id", "!=", roundId!)).executeTakeFirst();
  if (clash) return { kind: "invalid", errors: { name: "This fund already has a round with that name" } };
  const outcome = await db.transaction().execute(async (trx): Promise<SaveResult<{ roundId: number }>> => {
    if (roundId === null) {
      const two = fund.stages === "two_stage";
      const { id } = await trx
        .insertInto("rounds")
        .values({
          fund_id: fund.id,
          name: v.name,
          slug,
          district_code: v.districtCode,
          financial_year: v.financialYear,
          opens_at: v.opensAt,
          closes_at: v.closesAt,
          full_application_deadline: v.fullApplicationDeadline,
          panel_date: v.panelDate,
          application_form_id: await latestForm(trx, fund.id, two ? "full" : "single"),
          outline_form_id: two ? await latestForm(trx, fund.id, "outline") : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await appendAudit(trx, { actorUserId: userId, event: "round.created", entityType: "round", entityId: id, ip, data: { fundId: fund.id, districtCode: v.districtCode, financialYear: v.financialYear } });
      return { kind: "saved", roundId: id };
    }
    const current = await trx.selectFrom("rounds").selectAll().where("id", "=", roundId).where("fund_id", "=", fund.id).executeTakeFirst();
    if (!current) throw new NotAllowed();
    if (current.version !== version) return { kind: "conflict", message: CHANGED };
    if (current.district_code !== v.districtCode || current.financial_year !== v.financialYear) {
      const used = await trx.selectFrom("applications").select("id").where("round_id", "=", current.id).executeTakeFirst();
      if (used) {
        return current.district_code !== v.districtCode
          ? { kind: "invalid", errors: { area: "Groups have applied to this round, so its area cannot change. Add a new round instead" } }
          : { kind: "invalid", errors: { "opens-day": "Groups have applied to this round, so it must stay in the same financial year" } };
      }
    }
    const r = await trx
      .updateTable("rounds")
      .set({
        name: v.name,
        slug,
        district_code: v.districtCode,
        financial_year: v.financialYear,
        opens_at: v.opensAt,
        closes_at: v.closesAt,
        full_application_deadline: v.fullApplicationDeadline,
        panel_date: v.panelDate,
        version: version + 1,
        updated_at: isoNow(),
      })
      .where("id", "=", current.id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { kind: "conflict", message: CHANGED };
    await appendAudit(trx, { actorUserId: userId, event: "round.updated", entityType: "round", entityId: current.id, ip, data: { fundId: fund.id } });
    return { kind: "saved", roundId: current.id };
  });
  if (outcome.kind === "saved") forgetFundCatalogue();
  return outcome;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Budgets: one amount per fund × financial year × area (a district, or countywide)

export async function budgetForm(db: Db, userId: number, fundId: number, pick: { financialYear: number | null; area: string | null }) {
  const fund = await requireFund(db, userId, fundId, "fund.manage_budgets");
  const all = await districts(db);
  const fy = financialYearOf(isoNow());
  const years = [fy - 1, fy, fy + 1, fy + 2];
  const areas = [...(fund.rounds_per_district ? [] : [{ code: COUNTYWIDE, name: "Countywide" }]), ...all];
  const existing =
    pick.financialYear && pick.area
      ? await db.selectFrom("budgets").selectAll().where("fund_id", "=", fund.id).where("financial_year", "=", pick.financialYear).where("area", "=", pick.area).executeTakeFirst()
      : undefined;
  return {
    fund: { id: fund.id, name: fund.name },
    years,
    areas,
    version: existing?.version ?? 0,
    values: existing
      ? ({ financialYear: String(existing.financial_year), area: existing.area, amount: penceToText(existing.amount_pence) } as Raw)
      : ({ financialYear: pick.financialYear ? String(pick.financialYear) : String(fy), area: pick.area ?? "" } as Raw),
  };
}

export async function setBudget(db: Db, userId: number, fundId: number, raw: Raw, version: number, ip: string | null): Promise<SaveResult> {
  const form = await budgetForm(db, userId, fundId, { financialYear: null, area: null });
  const parsed = parseWith(budgetSchema({ years: form.years, areas: form.areas.map((a) => a.code) }), raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const v = parsed.value;
  const outcome = await db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await trx.selectFrom("budgets").selectAll().where("fund_id", "=", fundId).where("financial_year", "=", v.financialYear).where("area", "=", v.area).executeTakeFirst();
    // Version 0: the person thought there was no budget yet. Anything else must match what is stored.
    if (current && version === 0) {
      return { kind: "conflict", message: `There is already a budget of ${formatPence(current.amount_pence)} for that year and area. Check it, then change it.` };
    }
    if ((current?.version ?? 0) !== version) return { kind: "conflict", message: CHANGED };
    if (current) {
      const r = await trx.updateTable("budgets").set({ amount_pence: v.amountPence, version: version + 1, updated_at: isoNow() }).where("id", "=", current.id).where("version", "=", version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return { kind: "conflict", message: CHANGED };
    } else {
      await trx.insertInto("budgets").values({ fund_id: fundId, financial_year: v.financialYear, area: v.area, amount_pence: v.amountPence }).execute();
    }
    await appendAudit(trx, {
      actorUserId: userId,
      event: "budget.set",
      entityType: "fund",
      entityId: fundId,
      ip,
      data: { financialYear: v.financialYear, area: v.area, fromPence: current?.amount_pence ?? null, toPence: v.amountPence },
    });
    return { kind: "saved" };
  });
  return outcome;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Scoring criteria, a stage at a time

export async function criteriaForm(db: Db, userId: number, fundId: number, stage: string) {
  const fund = await requireFund(db, userId, fundId, "fund.edit");
  const s = stagesOf(fund).find((x) => x === stage);
  if (!s) throw new NotAllowed();
  const rows = await db.selectFrom("fund_criteria").selectAll().where("fund_id", "=", fund.id).where("stage", "=", s).orderBy("position").execute();
  const values: Raw = {};
  rows.forEach((c, i) => {
    const f = (n: string) => `criteria-${i}-${n}`;
    values[f("id")] = String(c.id);
    values[f("version")] = String(c.version);
    values[f("title")] = c.title;
    values[f("description")] = c.description;
    values[f("weight")] = String(c.weight_percent);
    values[f("maxScore")] = String(c.max_score);
    values[f("descriptors")] = fromJson<{ score: number; label: string }[]>(c.descriptors, []).map((d) => `${d.score}: ${d.label}`).join("\n");
  });
  return { fund: { id: fund.id, name: fund.name }, stage: s, stageName: STAGE_NAMES[s], count: rows.length, values };
}

export async function saveCriteria(db: Db, userId: number, fundId: number, stage: string, raw: Raw, ip: string | null): Promise<SaveResult> {
  const form = await criteriaForm(db, userId, fundId, stage);
  const parsed = parseWith(criteriaSchema, raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const rows = parsed.value;
  const outcome = await db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await trx.selectFrom("fund_criteria").selectAll().where("fund_id", "=", fundId).where("stage", "=", form.stage).execute();
    // The set as shown must be the set stored: same criteria, same versions.
    const shown = new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, r.version]));
    const postedIds = Object.keys(raw).filter((k) => /^criteria-\d+-id$/.test(k) && raw[k]).map((k) => Number(raw[k]));
    if (current.length !== postedIds.length || current.some((c) => !postedIds.includes(c.id) || (shown.has(c.id) && shown.get(c.id) !== c.version))) {
      return { kind: "conflict", message: CHANGED };
    }
    const now = isoNow();
    const keep = new Set(rows.map((r) => r.id).filter((id): id is number => id !== null));
    for (const c of current) if (!keep.has(c.id)) await trx.deleteFrom("fund_criteria").where("id", "=", c.id).execute();
    const keys = new Set(current.filter((c) => keep.has(c.id)).map((c) => c.key));
    for (const [i, r] of rows.entries()) {
      const values = { title: r.title, description: r.description, weight_percent: r.weightPercent, max_score: r.maxScore, descriptors: toJson(r.descriptors), position: i + 1 };
      if (r.id !== null) {
        await trx.updateTable("fund_criteria").set({ ...values, version: r.version + 1, updated_at: now }).where("id", "=", r.id).where("version", "=", r.version).execute();
      } else {
        let key = slugify(r.title).replace(/-/g, "_");
        while (keys.has(key)) key = `${key}_${i + 1}`;
        keys.add(key);
        await trx.insertInto("fund_criteria").values({ fund_id: fundId, stage: form.stage, key, ...values }).execute();
      }
    }
    await appendAudit(trx, { actorUserId: userId, event: "fund.criteria_changed", entityType: "fund", entityId: fundId, ip, data: { stage: form.stage, criteria: rows.length } });
    return { kind: "saved" };
  });
  if (outcome.kind === "saved") forgetFundCatalogue();
  return outcome;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Eligibility questions

export async function eligibilityForm(db: Db, userId: number, fundId: number, questionId: number | null) {
  const fund = await requireFund(db, userId, fundId, "fund.edit");
  const q = questionId === null ? null : await db.selectFrom("eligibility_questions").selectAll().where("id", "=", questionId).where("fund_id", "=", fund.id).executeTakeFirst();
  if (questionId !== null && !q) throw new NotAllowed();
  const options = q ? fromJson<{ value: string; label: string }[]>(q.options, []) : [];
  const excluding = q ? fromJson<string[]>(q.excluding_values, []) : [];
  return {
    fund: { id: fund.id, name: fund.name },
    question: q ? { id: q.id, version: q.version } : null,
    values: q
      ? ({
          question: q.question,
          hint: q.hint ?? "",
          options: options.map((o) => o.label).join("\n"),
          excluding: options.filter((o) => excluding.includes(o.value)).map((o) => o.label).join("\n"),
          ineligibleMessage: q.ineligible_message,
        } as Raw)
      : ({} as Raw),
  };
}

export async function saveEligibility(db: Db, userId: number, fundId: number, questionId: number | null, raw: Raw, version: number, ip: string | null): Promise<SaveResult> {
  const form = await eligibilityForm(db, userId, fundId, questionId);
  const parsed = parseWith(eligibilitySchema, raw);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
  const v = parsed.value;
  const outcome = await db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = form.question ? await trx.selectFrom("eligibility_questions").selectAll().where("id", "=", form.question.id).executeTakeFirst() : undefined;
    // An answer keeps its stored value when its words are unchanged, so answers given before still match.
    const before = current ? fromJson<{ value: string; label: string }[]>(current.options, []) : [];
    const used = new Set<string>();
    const options = v.options.map((label) => {
      let value = before.find((o) => o.label === label)?.value ?? slugify(label).replace(/-/g, "_");
      while (used.has(value)) value = `${value}_`;
      used.add(value);
      return { value, label };
    });
    const excluding = options.filter((o) => v.excluding.includes(o.label)).map((o) => o.value);
    const values = { question: v.question, hint: v.hint, options: toJson(options), excluding_values: toJson(excluding), ineligible_message: v.ineligibleMessage };
    if (current) {
      const r = await trx.updateTable("eligibility_questions").set({ ...values, version: version + 1, updated_at: isoNow() }).where("id", "=", current.id).where("version", "=", version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return { kind: "conflict", message: CHANGED };
    } else {
      const last = await trx.selectFrom("eligibility_questions").select((eb) => eb.fn.max("position").as("p")).where("fund_id", "=", fundId).executeTakeFirst();
      const keys = new Set((await trx.selectFrom("eligibility_questions").select("key").where("fund_id", "=", fundId).execute()).map((k) => k.key));
      let key = slugify(v.question).replace(/-/g, "_").slice(0, 40);
      while (keys.has(key)) key = `${key}_`;
      await trx.insertInto("eligibility_questions").values({ fund_id: fundId, key, position: Number(last?.p ?? 0) + 1, ...values }).execute();
    }
    await appendAudit(trx, { actorUserId: userId, event: "fund.eligibility_changed", entityType: "fund", entityId: fundId, ip, data: { questionId: current?.id ?? null } });
    return { kind: "saved" };
  });
  if (outcome.kind === "saved") forgetFundCatalogue();
  return outcome;
}
