/**
 * The fund administrators' screens, on whichever engine TEST_ENGINE names: setting funds up (refusing bad
 * values, stale edits told not overwritten), the applications list (filters, search, sort, keyset pages,
 * counts), its CSV export (exactly the filtered rows, formulas neutralised, audited), the staff view, and
 * the audit log (filters; append-only in the code and in the database).
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seeds/index";
import { listApplications, listScope, exportApplications, type ListScope } from "~/domain/admin/applications-list.server";
import { addNote, staffApplicationView } from "~/domain/admin/application-view.server";
import { auditQuery, parseAuditFilter } from "~/domain/admin/audit-filter";
import { listAudit } from "~/domain/admin/audit-log.server";
import { parseCursor, parseFilter } from "~/domain/admin/list-filter";
import { appendAudit } from "~/domain/audit/audit.server";
import { getFundPage } from "~/domain/funds/funds.server";
import { budgetForm, createFund, fundOverview, roundForm, saveCriteria, saveRound, setBudget, updateFund, fundForEdit, saveEligibility } from "~/domain/funds/setup.server";
import { financialYearOf } from "~/domain/shared/time";
import { makeApplication, userId, clearApplications } from "../factories";
import { TEST_ENGINE, useTestDb } from "../setup/test-db";

const handle = useTestDb();
const db = () => handle().db;

const people = { service: 0, fundAdmin: 0, reachAdmin: 0, coordinator: 0, applicant: 0 };
const fundIds = { reach: 0, innovation: 0 };
const FENLAND = "E07000010";
const HUNTS = "E07000011";

beforeAll(async () => {
  await seedDemo(db());
  // The lists below are counted exactly: start with none of the seeded applications.
  await clearApplications(db());
  people.service = await userId(db(), "service.admin@council.example.org");
  people.fundAdmin = await userId(db(), "fund.admin@council.example.org");
  people.coordinator = await userId(db(), "coordinator@council.example.org");
  people.applicant = await userId(db(), "alex@larder.example.org");
  const funds = await db().selectFrom("funds").select(["id", "code"]).execute();
  fundIds.reach = funds.find((f) => f.code === "CRF")!.id;
  fundIds.innovation = funds.find((f) => f.code === "CIF")!.id;
  const { id } = await db().insertInto("users").values({ email: "reach.only@council.example.org", full_name: "Reach Only", email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
  await db().insertInto("role_grants").values({ user_id: id, role: "administrator", scope: "fund", fund_id: fundIds.reach, district_code: null, round_id: null, granted_by_user_id: null }).execute();
  people.reachAdmin = id;
});

/** An application written straight into a state, submitted at a given time. */
async function submitted(opts: { group: string; fundCode: string; status?: string; title?: string; amount?: number; district?: string; at: string }) {
  const app = await makeApplication(db(), { group: opts.group, fundCode: opts.fundCode, status: opts.status ?? "submitted", title: opts.title, district: opts.district });
  await db().updateTable("applications").set({ submitted_at: opts.at, amount_requested_pence: opts.amount ?? 75_000 }).where("id", "=", app.id).execute();
  return { ...app, submitted_at: opts.at };
}

const roundInput = (over: Record<string, string> = {}) => ({
  name: "Fenland, spring top-up",
  area: FENLAND,
  "opens-day": "1",
  "opens-month": "4",
  "opens-year": "2031",
  "opens-time": "",
  "closes-day": "30",
  "closes-month": "6",
  "closes-year": "2031",
  "closes-time": "",
  ...over,
});

describe(`setting funds up (${TEST_ENGINE})`, () => {
  it("a round that closes before it opens is refused with a message, and nothing is written", async () => {
    const before = await db().selectFrom("rounds").select("id").execute();
    const r = await saveRound(db(), people.fundAdmin, fundIds.reach, null, roundInput({ "closes-day": "31", "closes-month": "3", "closes-year": "2031" }), 0, null);
    expect(r).toEqual({ kind: "invalid", errors: { "closes-day": "The closing date must be after the opening date" } });
    const bad = await saveRound(db(), people.fundAdmin, fundIds.reach, null, roundInput({ "opens-day": "31", "opens-month": "2", "closes-time": "half five" }), 0, null);
    expect(bad.kind === "invalid" && bad.errors).toEqual({ "opens-day": "The opening date must be a real date", "closes-time": "Enter the time of the closing date like 5pm or 17:00" });
    const countywide = await saveRound(db(), people.fundAdmin, fundIds.reach, null, roundInput({ area: "countywide" }), 0, null);
    expect(countywide.kind === "invalid" && countywide.errors.area).toBe("Select the district this round is for");
    expect(await db().selectFrom("rounds").select("id").execute()).toHaveLength(before.length);
  });

  it("a new district round closes at 5pm London time, pins the fund's latest published form, and shows on the fund's public page at once", async () => {
    await getFundPage("community-reach-fund"); // the catalogue is now cached
    const latest = await db().selectFrom("form_definitions").select(["id", "definition", "title"]).where("fund_id", "=", fundIds.reach).where("stage", "=", "single").executeTakeFirstOrThrow();
    // A newer published version, and a newer draft (never pinned).
    const { id: v2 } = await db().insertInto("form_definitions").values({ fund_id: fundIds.reach, stage: "single", version_number: 2, title: latest.title, definition: latest.definition, published_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
    await db().insertInto("form_definitions").values({ fund_id: fundIds.reach, stage: "single", version_number: 3, title: latest.title, definition: latest.definition, published_at: null }).execute();
    const r = await saveRound(db(), people.fundAdmin, fundIds.reach, null, roundInput({ "panel-day": "15", "panel-month": "7", "panel-year": "2031" }), 0, null);
    expect(r.kind).toBe("saved");
    const round = await db().selectFrom("rounds").selectAll().where("id", "=", (r as { roundId: number }).roundId).executeTakeFirstOrThrow();
    expect(round).toMatchObject({
      district_code: FENLAND,
      financial_year: 2031,
      opens_at: "2031-03-31T23:00:00.000Z", // midnight on 1 April, British Summer Time
      closes_at: "2031-06-30T16:00:00.000Z", // 5pm BST
      panel_date: "2031-07-15",
      application_form_id: v2,
      outline_form_id: null,
    });
    const page = await getFundPage("community-reach-fund");
    expect(page!.rounds.map((x) => x.name)).toContain("Fenland, spring top-up");
    // The same name again is refused.
    const again = await saveRound(db(), people.fundAdmin, fundIds.reach, null, roundInput(), 0, null);
    expect(again.kind === "invalid" && again.errors.name).toBe("This fund already has a round with that name");
  });

  it("a stale edit of a round is told, not saved over the newer one", async () => {
    const round = await db().selectFrom("rounds").selectAll().where("name", "=", "Fenland, spring top-up").executeTakeFirstOrThrow();
    const form = await roundForm(db(), people.fundAdmin, fundIds.reach, round.id);
    expect(form.values).toMatchObject({ "opens-day": "1", "opens-month": "4", "opens-year": "2031", "opens-time": "midnight", "closes-time": "5pm" });
    const first = await saveRound(db(), people.fundAdmin, fundIds.reach, round.id, { ...form.values, "closes-time": "6pm" }, form.round!.version, null);
    expect(first.kind).toBe("saved");
    const second = await saveRound(db(), people.service, fundIds.reach, round.id, { ...form.values, "closes-time": "4pm" }, form.round!.version, null);
    expect(second.kind).toBe("conflict");
    expect((await db().selectFrom("rounds").select("closes_at").where("id", "=", round.id).executeTakeFirstOrThrow()).closes_at).toBe("2031-06-30T17:00:00.000Z");
  });

  it("scoring criteria whose weights do not add up to 100 are refused; a set that does is saved", async () => {
    const form = await criteriaForm(people.fundAdmin);
    expect(form.count).toBe(3);
    const raw = { ...form.values, "criteria-2-weight": "10" }; // 40 + 40 + 10
    const r = await saveCriteria(db(), people.fundAdmin, fundIds.reach, "single", raw, null);
    expect(r).toEqual({ kind: "invalid", errors: { weights: "The weights must add up to 100. They add up to 90" } });
    const descriptors = await saveCriteria(db(), people.fundAdmin, fundIds.reach, "single", { ...form.values, "criteria-0-descriptors": "0: None\n1: Some" }, null);
    expect(descriptors.kind === "invalid" && descriptors.errors["criteria-0-descriptors"]).toBe("Describe each score of criterion 1 from 0 to 4, one a line: 5 lines, not 2");
    // Remove the third (empty its fields) and give its weight to the second.
    const ok = await saveCriteria(db(), people.fundAdmin, fundIds.reach, "single", { ...form.values, "criteria-1-weight": "60", "criteria-2-title": "", "criteria-2-description": "", "criteria-2-weight": "", "criteria-2-descriptors": "" }, null);
    expect(ok.kind).toBe("saved");
    const rows = await db().selectFrom("fund_criteria").select(["title", "weight_percent"]).where("fund_id", "=", fundIds.reach).orderBy("position").execute();
    expect(rows).toEqual([
      { title: "Levers other funding", weight_percent: 40 },
      { title: "Benefit to the community", weight_percent: 60 },
    ]);
    // The form shown before that save is now stale.
    expect((await saveCriteria(db(), people.fundAdmin, fundIds.reach, "single", form.values, null)).kind).toBe("conflict");
  });

  it("a negative budget is refused; a budget is set per fund, financial year and district, and a stale change is told", async () => {
    const fy = financialYearOf(new Date().toISOString());
    const negative = await setBudget(db(), people.fundAdmin, fundIds.reach, { financialYear: String(fy + 1), area: FENLAND, amount: "-500" }, 0, null);
    expect(negative).toEqual({ kind: "invalid", errors: { amount: "The budget must be £0 or more" } });
    const countywide = await setBudget(db(), people.fundAdmin, fundIds.reach, { financialYear: String(fy + 1), area: "countywide", amount: "500" }, 0, null);
    expect(countywide.kind === "invalid" && countywide.errors.area).toBe("Select the district, or countywide");
    expect(await setBudget(db(), people.fundAdmin, fundIds.reach, { financialYear: String(fy + 1), area: FENLAND, amount: "£12,500.50" }, 0, null)).toEqual({ kind: "saved" });
    const shown = await budgetForm(db(), people.fundAdmin, fundIds.reach, { financialYear: fy + 1, area: FENLAND });
    expect(shown.values).toEqual({ financialYear: String(fy + 1), area: FENLAND, amount: "12,500.50" });
    expect(await setBudget(db(), people.fundAdmin, fundIds.reach, { ...shown.values, amount: "13000" }, shown.version, null)).toEqual({ kind: "saved" });
    const stale = await setBudget(db(), people.fundAdmin, fundIds.reach, { ...shown.values, amount: "9000" }, shown.version, null);
    expect(stale.kind).toBe("conflict");
    // Someone who thought there was no budget yet is told there is one.
    const fresh = await setBudget(db(), people.fundAdmin, fundIds.reach, { ...shown.values, amount: "1" }, 0, null);
    expect(fresh).toEqual({ kind: "conflict", message: "There is already a budget of £13,000 for that year and area. Check it, then change it." });
    const row = await db().selectFrom("budgets").selectAll().where("fund_id", "=", fundIds.reach).where("financial_year", "=", fy + 1).where("area", "=", FENLAND).executeTakeFirstOrThrow();
    expect(row.amount_pence).toBe(1_300_000);
  });

  it("only service administrators create funds; a new fund starts as a draft, and bad award amounts are refused", async () => {
    const input = { code: "ngf", name: "Neighbourhood Green Fund", summary: "Small grants for green spaces.", description: "Long text.", whoCanApply: "Groups.", minAward: "100", maxAward: "5,000", groupCap: "", stages: "single", roundsPerDistrict: "no" };
    await expect(createFund(db(), people.fundAdmin, input, null)).rejects.toThrow();
    const bad = await createFund(db(), people.service, { ...input, minAward: "5000", maxAward: "100" }, null);
    expect(bad.kind === "invalid" && bad.errors.maxAward).toBe("The maximum award must be the same as or more than the minimum award");
    const dup = await createFund(db(), people.service, { ...input, code: "CRF" }, null);
    expect(dup.kind === "invalid" && dup.errors.code).toBe("Another fund already uses the reference code CRF");
    const r = await createFund(db(), people.service, input, null);
    expect(r.kind).toBe("saved");
    const fund = await db().selectFrom("funds").selectAll().where("code", "=", "NGF").executeTakeFirstOrThrow();
    expect(fund).toMatchObject({ slug: "neighbourhood-green-fund", status: "draft", min_award_pence: 10_000, max_award_pence: 500_000, rounds_per_district: 0 });
    // The funds' administrator (of the two seeded funds) cannot see or change it.
    await expect(fundOverview(db(), people.fundAdmin, fund.id)).rejects.toThrow();
    const edit = await fundForEdit(db(), people.service, fund.id);
    expect(await updateFund(db(), people.service, fund.id, { ...edit.values, status: "active" }, edit.version, null)).toEqual({ kind: "saved" });
    expect((await updateFund(db(), people.service, fund.id, { ...edit.values, name: "Stale" }, edit.version, null)).kind).toBe("conflict");
    expect(await getFundPage("neighbourhood-green-fund")).not.toBeNull();
  });

  it("an eligibility question: answers that rule a group out must be among its answers", async () => {
    const bad = await saveEligibility(db(), people.fundAdmin, fundIds.reach, null, { question: "Is your group based in a village?", options: "Yes\nNo", excluding: "Maybe", ineligibleMessage: "Sorry" }, 0, null);
    expect(bad.kind === "invalid" && bad.errors.excluding).toBe("“Maybe” is not one of the answers: copy it exactly");
    expect(await saveEligibility(db(), people.fundAdmin, fundIds.reach, null, { question: "Is your group based in a village?", options: "Yes\nNo", excluding: "no", ineligibleMessage: "Only villages." }, 0, null)).toEqual({ kind: "saved" });
    const q = await db().selectFrom("eligibility_questions").selectAll().where("question", "=", "Is your group based in a village?").executeTakeFirstOrThrow();
    expect(JSON.parse(q.options)).toEqual([{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]);
    expect(JSON.parse(q.excluding_values)).toEqual(["no"]);
  });

  it("an administrator of one fund cannot set up another", async () => {
    await expect(saveRound(db(), people.reachAdmin, fundIds.innovation, null, roundInput({ area: "countywide" }), 0, null)).rejects.toThrow();
    await expect(setBudget(db(), people.reachAdmin, fundIds.innovation, { financialYear: "2030", area: "countywide", amount: "1" }, 0, null)).rejects.toThrow();
    await expect(fundOverview(db(), people.coordinator, fundIds.reach)).rejects.toThrow();
  });
});

async function criteriaForm(user: number) {
  const { criteriaForm: form } = await import("~/domain/funds/setup.server");
  return form(db(), user, fundIds.reach, "single");
}

describe(`the applications list (${TEST_ENGINE})`, () => {
  const made: Record<string, { id: number; reference: string | null }> = {};
  let scope: ListScope;

  beforeAll(async () => {
    made.a = await submitted({ group: "Wisbech Riverside Community Larder", fundCode: "CRF", title: "Fridges for the larder", amount: 90_000, at: "2026-06-01T09:00:00.000Z" });
    made.b = await submitted({ group: "Ramsey Timebank", fundCode: "CRF", status: "eligible", title: "Timebank tea mornings", amount: 40_000, at: "2026-06-02T09:00:00.000Z" });
    made.c = await submitted({ group: "Wisbech Riverside Community Larder", fundCode: "CRF", status: "in_review", title: "Cooking classes", amount: 60_000, at: "2026-06-03T09:00:00.000Z" });
    made.d = await submitted({ group: "Łódź Polish Community Café", fundCode: "CIF", title: "Café hub for new arrivals", amount: 2_000_000, at: "2026-06-04T09:00:00.000Z" });
    made.e = await submitted({ group: "Soham Young Carers' Club", fundCode: "CRF", title: "Summer trips", amount: 50_000, at: "2026-06-05T09:00:00.000Z" });
    made.draft = await makeApplication(db(), { group: "Ramsey Timebank", fundCode: "CRF", title: "A draft nobody submitted" });
    scope = (await listScope(db(), people.service)).scope;
  });

  const list = (params: Record<string, string>, s = scope, pageSize?: number) => listApplications(db(), s, parseFilter(new URLSearchParams(params)), parseCursor(new URLSearchParams(params), parseFilter(new URLSearchParams(params)).sort), pageSize);
  const refs = (rows: { reference: string | null }[]) => rows.map((r) => r.reference);

  it("lists submitted applications, newest first, never drafts; with the count and total requested", async () => {
    const page = await list({});
    expect(refs(page.rows)).toEqual([made.e, made.d, made.c, made.b, made.a].map((x) => x.reference));
    expect(page.count).toBe(5);
    expect(page.totalRequestedPence).toBe(90_000 + 40_000 + 60_000 + 2_000_000 + 50_000);
    expect(page.rows[0]).toMatchObject({ organisationName: "Soham Young Carers' Club", statusLabel: "submitted", fundCode: "CRF" });
  });

  it("filters by fund, district, status, stage and round", async () => {
    expect(refs((await list({ fund: String(fundIds.reach) })).rows)).toEqual([made.e, made.c, made.b, made.a].map((x) => x.reference));
    const fenland = await list({ fund: String(fundIds.reach), district: FENLAND });
    expect(refs(fenland.rows)).toEqual([made.c, made.a].map((x) => x.reference));
    expect(fenland.totalRequestedPence).toBe(150_000);
    expect(refs((await list({ fund: String(fundIds.reach), district: FENLAND, status: "in_review" })).rows)).toEqual([made.c.reference]);
    expect(refs((await list({ district: HUNTS, status: "eligible" })).rows)).toEqual([made.b.reference]);
    expect(refs((await list({ stage: "outline" })).rows)).toEqual([made.d.reference]);
    const round = await db().selectFrom("applications").select("round_id").where("id", "=", made.b.id).executeTakeFirstOrThrow();
    expect(refs((await list({ round: String(round.round_id) })).rows)).toEqual([made.b.reference]);
    // Values that mean nothing are ignored, not an error.
    expect((await list({ status: "draft", district: "nowhere", fund: "abc" })).count).toBe(5);
  });

  it("finds an application by its reference as people type it, or by words of its group's name or title", async () => {
    const ref = made.c.reference!;
    const [code, year, number] = ref.split("-");
    expect(refs((await list({ q: `${code.toLowerCase()}-${year}-${Number(number)}` })).rows)).toEqual([ref]);
    expect(refs((await list({ q: "Łódź" })).rows)).toEqual([made.d.reference]);
    expect(refs((await list({ q: "POLISH community" })).rows)).toEqual([made.d.reference]);
    expect(refs((await list({ q: "timebank" })).rows)).toEqual([made.b.reference]);
    expect(refs((await list({ q: "classes" })).rows)).toEqual([made.c.reference]);
    // LIKE's wildcards are searched for as themselves.
    expect((await list({ q: "%" })).count).toBe(0);
    expect((await list({ q: "_" })).count).toBe(0);
    expect((await list({ q: "A draft nobody" })).count).toBe(0);
  });

  it("sorts by amount and reference", async () => {
    expect(refs((await list({ sort: "amount-high" })).rows)).toEqual([made.d, made.a, made.c, made.e, made.b].map((x) => x.reference));
    expect(refs((await list({ sort: "amount-low" })).rows)).toEqual([made.b, made.e, made.c, made.a, made.d].map((x) => x.reference));
    expect(refs((await list({ sort: "reference" })).rows)).toEqual([...Object.values(made)].filter((x) => x !== made.draft).map((x) => x.reference).sort());
  });

  it("pages forwards and back by keyset, every row once, for each sort", async () => {
    for (const sort of ["newest", "oldest", "amount-high", "amount-low", "reference"]) {
      const all = refs((await list({ sort })).rows);
      const seen: (string | null)[] = [];
      let page = await list({ sort }, scope, 2);
      const pages = [page];
      seen.push(...refs(page.rows));
      while (page.next) {
        page = await list({ sort, after: page.next }, scope, 2);
        pages.push(page);
        seen.push(...refs(page.rows));
      }
      expect(seen, sort).toEqual(all);
      expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
      // Back from the last page to the first.
      const back = await list({ sort, before: pages[2].previous! }, scope, 2);
      expect(refs(back.rows)).toEqual(refs(pages[1].rows));
      const first = await list({ sort, before: back.previous! }, scope, 2);
      expect(refs(first.rows)).toEqual(refs(pages[0].rows));
      expect(first.previous).toBeNull();
    }
  });

  it("an administrator of one fund sees only that fund's applications, and never their own group's", async () => {
    const reachOnly = (await listScope(db(), people.reachAdmin)).scope;
    expect(refs((await list({}, reachOnly)).rows)).toEqual([made.e, made.c, made.b, made.a].map((x) => x.reference));
    expect((await list({ fund: String(fundIds.innovation) }, reachOnly)).count).toBe(0);
    // The Reach Fund administrator joins the Wisbech group: its applications leave their list.
    const wisbech = await db().selectFrom("organisations").select("id").where("name", "=", "Wisbech Riverside Community Larder").executeTakeFirstOrThrow();
    const { id } = await db().insertInto("organisation_members").values({ organisation_id: wisbech.id, user_id: people.reachAdmin, role: "member" }).returning("id").executeTakeFirstOrThrow();
    expect(refs((await list({}, (await listScope(db(), people.reachAdmin)).scope)).rows)).toEqual([made.e, made.b].map((x) => x.reference));
    await expect(staffApplicationView(db(), people.reachAdmin, made.a.id)).rejects.toThrow();
    await db().deleteFrom("organisation_members").where("id", "=", id).execute();
    await expect(listScope(db(), people.coordinator)).rejects.toThrow();
    await expect(listScope(db(), people.applicant)).rejects.toThrow();
  });

  it("exports exactly the filtered rows as CSV, in batches, with spreadsheet formulas neutralised, and audits the export", async () => {
    await db().updateTable("applications").set({ title: '=HYPERLINK("http://evil.example","Click")' }).where("id", "=", made.a.id).execute();
    await db().updateTable("applications").set({ title: "@SUM(A1:A9)" }).where("id", "=", made.c.id).execute();
    await db().updateTable("applications").set({ title: "-2+3, \"quoted\"\nnext line" }).where("id", "=", made.e.id).execute();
    const filter = parseFilter(new URLSearchParams({ fund: String(fundIds.reach) }));
    const bytes = new Uint8Array(await new Response(exportApplications(db(), people.fundAdmin, scope, filter, "203.0.113.9", 2)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8's byte-order mark, so spreadsheets read "Łódź" right
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Reference,Stage,Fund,Round,Group,Title,District,Amount requested (£),Status,Submitted,Deprived area");
    expect(text).toContain(`${made.a.reference},Application (one stage),Community Reach Fund,`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",Fenland,900.00,submitted,`);
    expect(text).toContain(",'@SUM(A1:A9),");
    expect(text).toContain(`,"'-2+3, ""quoted""\nnext line",`);
    expect(text).not.toContain(made.d.reference!); // the Innovation Fund's: not in the filter
    expect(text).not.toContain("A draft nobody submitted");
    // One line per row (the title with a line break is one quoted cell), in the list's order.
    const references = [...text.matchAll(/^(CRF-\d{4}-\d{5}),/gm)].map((m) => m[1]);
    expect(references).toEqual(refs((await list({ fund: String(fundIds.reach) })).rows));
    const audit = await db().selectFrom("audit_log").selectAll().where("event", "=", "applications.exported").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: people.fundAdmin, entity_type: "fund", entity_id: fundIds.reach, ip: "203.0.113.9" });
    expect(JSON.parse(audit.data!)).toEqual({ filter: { fund: fundIds.reach }, rows: 4, complete: true });
  });

  it("the staff view shows every answer, documents with their scan state in words, the history and staff notes", async () => {
    await db().insertInto("application_sections").values({ application_id: made.b.id, section_key: "activity", answers: JSON.stringify({ project_title: "Timebank tea mornings" }) }).execute();
    await db()
      .insertInto("documents")
      .values([
        { application_id: made.b.id, section_key: "budget", question_id: "quote", storage_key: "k1", filename: "quote.pdf", content_type: "application/pdf", size_bytes: 20_480, sha256: "a".repeat(64), scan_state: "not_scanned" },
        { application_id: made.b.id, section_key: "budget", question_id: "quote", storage_key: "k2", filename: "accounts.pdf", content_type: "application/pdf", size_bytes: 1_000, sha256: "b".repeat(64), scan_state: "clean" },
      ])
      .execute();
    await appendAudit(db(), { actorUserId: people.fundAdmin, event: "application.transition", entityType: "application", entityId: made.b.id, fromState: "submitted", toState: "eligible", reason: "Checked the constitution", data: { action: "mark_eligible" } });
    await appendAudit(db(), { actorUserId: null, event: "application.transition", entityType: "application", entityId: made.b.id, fromState: "eligible", toState: "in_review", data: { action: "open_panel" } });
    expect(await addNote(db(), people.fundAdmin, made.b.id, "   ", null)).toEqual({ kind: "invalid", errors: { note: "Enter a note" } });
    expect(await addNote(db(), people.fundAdmin, made.b.id, "Rang the treasurer: accounts on their way.", null)).toEqual({ kind: "added" });
    const view = await staffApplicationView(db(), people.fundAdmin, made.b.id);
    expect(view.sections.find((s) => s.key === "activity")!.rows.find((r) => r.questionId === "project_title")!.lines).toEqual(["Timebank tea mornings"]);
    expect(view.documents.map((d) => [d.filename, d.scanText])).toEqual([["quote.pdf", "Not scanned"], ["accounts.pdf", "No virus found"]]);
    expect(view.history.map((h) => [h.who, h.from, h.to, h.why])).toEqual([
      ["Priya Raman", "submitted", "eligible", "Checked the constitution"],
      ["the portal", "eligible", "with the panel", null],
      ["Priya Raman", null, null, null],
    ]);
    expect(view.notes.map((n) => [n.who, n.body])).toEqual([["Priya Raman", "Rang the treasurer: accounts on their way."]]);
    // Nobody outside the fund's administrators, and no draft.
    await expect(staffApplicationView(db(), people.coordinator, made.b.id)).rejects.toThrow();
    await expect(staffApplicationView(db(), people.reachAdmin, made.d.id)).rejects.toThrow();
    await expect(staffApplicationView(db(), people.service, made.draft.id)).rejects.toThrow();
    await expect(addNote(db(), people.applicant, made.a.id, "From the group", null)).rejects.toThrow();
  });
});

describe(`the audit log (${TEST_ENGINE})`, () => {
  const query = (params: Record<string, string>) => auditQuery(parseAuditFilter(new URLSearchParams(params)));

  it("filters by event, person, record and date, newest first, a page at a time", async () => {
    const app = await db().selectFrom("applications").select(["id", "reference"]).where("title", "=", "Timebank tea mornings").executeTakeFirstOrThrow();
    const byRef = await listAudit(db(), people.service, query({ entity: app.reference!.toLowerCase() }).query, null);
    expect(byRef.entries.map((e) => e.what)).toEqual(["Staff note added", "Status changed (open panel)", "Status changed (mark eligible)"]);
    expect(byRef.entries[2]).toMatchObject({ who: "Priya Raman", from: "submitted", to: "eligible", why: "Checked the constitution", entityType: "application", entityId: app.id });
    const portal = await listAudit(db(), people.service, query({ person: "the portal", event: "application.transition" }).query, null);
    expect(portal.entries.map((e) => e.who)).toEqual(["the portal"]);
    const exported = await listAudit(db(), people.service, query({ event: "applications.exported", person: "FUND.ADMIN@council.example.org" }).query, null);
    expect(exported.entries[0].what).toBe("Applications exported as CSV: 4 rows");
    const today = new Date();
    const day = { "from-day": String(today.getUTCDate()), "from-month": String(today.getUTCMonth() + 1), "from-year": String(today.getUTCFullYear()) };
    expect((await listAudit(db(), people.service, query({ ...day, event: "budget.set" }).query, null)).entries.length).toBe(2);
    expect((await listAudit(db(), people.service, query({ "to-day": "1", "to-month": "1", "to-year": "2020" }).query, null)).entries).toEqual([]);
    expect(query({ "from-day": "31", "from-month": "2", "from-year": "2026" }).errors).toEqual({ "from-day": "The date from must be a real date" });
    const first = await listAudit(db(), people.service, query({}).query, null, 3);
    const second = await listAudit(db(), people.service, query({}).query, first.nextBefore, 3);
    expect(first.entries.map((e) => e.id).every((id) => second.entries.every((s) => s.id < id))).toBe(true);
    await expect(listAudit(db(), people.fundAdmin, query({}).query, null)).rejects.toThrow();
  });

  it("the database refuses to change or remove an entry", async () => {
    const before = await db().selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await expect(db().updateTable("audit_log").set({ reason: "rewritten" }).where("id", ">", 0).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom("audit_log").where("id", ">", 0).execute()).rejects.toThrow(/append-only/);
    if (TEST_ENGINE === "postgres") await expect(sql`TRUNCATE audit_log`.execute(db())).rejects.toThrow(/append-only/);
    const after = await db().selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await db().selectFrom("audit_log").select("id").where("reason", "=", "rewritten").execute()).length).toBe(0);
  });
});

describe("no code path changes or removes an audit log entry", () => {
  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : files(p);
      return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
    });
  }

  it("app/, db/, server/, emails/ and templates/ never update or delete audit_log (migrations only create it and its guards)", () => {
    const offenders: string[] = [];
    const pattern = /(updateTable|deleteFrom)\(\s*["'`]audit_log|\b(update|delete\s+from|truncate)\s+["`]?audit_log\b/i;
    for (const dir of ["app", "db", "server", "emails", "templates"].filter((d) => fs.existsSync(d))) {
      for (const file of files(dir)) {
        if (file.startsWith(path.join("db", "migrations"))) continue;
        if (pattern.test(fs.readFileSync(file, "utf8"))) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the check itself finds an update or a delete", () => {
    const pattern = /(updateTable|deleteFrom)\(\s*["'`]audit_log|\b(update|delete\s+from|truncate)\s+["`]?audit_log\b/i;
    expect(pattern.test('db.updateTable("audit_log")')).toBe(true);
    expect(pattern.test("trx.deleteFrom('audit_log')")).toBe(true);
    expect(pattern.test("sql`DELETE FROM audit_log`")).toBe(true);
    expect(pattern.test('db.insertInto("audit_log")')).toBe(false);
  });
});
