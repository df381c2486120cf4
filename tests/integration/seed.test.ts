/** The seeded configuration, as a fund administrator and a service administrator would find it. */
import { describe, expect, it } from "vitest";
import { fromJson } from "~db/json";
import { isEmpty, seedDemo, DEMO_STAFF, DEMO_PASSWORD } from "~db/seeds/index";
import { verifyPassword } from "~/domain/accounts/password.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { sectionStatus } from "~/domain/forms/answers";
import type { FormDefinition } from "~/domain/forms/definition";
import { useTestDb } from "../setup/test-db";

const db = useTestDb();
const NOW = "2026-11-22T10:00:00.000Z";

describe("seeding demo data", () => {
  it("fills an empty database once", async () => {
    expect(await isEmpty(db().db)).toBe(true);
    const summary = await seedDemo(db().db, NOW);
    expect(summary).toMatchObject({ funds: 2, rounds: 9, organisations: 7 + 32, innovationOutlines: 34 });
    expect(await isEmpty(db().db)).toBe(false);
  });

  it("seeds a Reach Fund draft for a Fenland group and one for a Huntingdonshire group, each unfinished", async () => {
    const k = db().db;
    const drafts = await k.selectFrom("applications as a").innerJoin("organisations as o", "o.id", "a.organisation_id").select(["o.name", "a.district_code", "a.title"]).where("a.status", "=", "draft").orderBy("a.id").execute();
    expect(drafts).toEqual([
      { name: "March Riverside Men's Shed", district_code: "E07000010", title: "Tools and a workbench for the shed" },
      { name: "St Neots Youth Band", district_code: "E07000011", title: "Instruments for new young players" },
    ]);
  });

  it("seeds the Community Reach Fund: £1,000 cap, one stage, a round and a pot per district for the financial year", async () => {
    const k = db().db;
    const crf = await k.selectFrom("funds").selectAll().where("code", "=", "CRF").executeTakeFirstOrThrow();
    expect(crf).toMatchObject({ name: "Community Reach Fund", stages: "single", max_award_pence: 100_000, group_cap_pence: 100_000 });
    const rounds = await k.selectFrom("rounds").selectAll().where("fund_id", "=", crf.id).orderBy("district_code").execute();
    expect(rounds.map((r) => r.district_code)).toEqual(["E07000008", "E07000009", "E07000010", "E07000011", "E07000012"]);
    for (const r of rounds) {
      expect(r.financial_year).toBe(2026);
      expect(formatLondonDateTime(r.closes_at)).toBe("5pm on 31 March 2027");
      expect(r.closes_at).toBe("2027-03-31T16:00:00.000Z"); // British Summer Time has begun by then
      expect(r.application_form_id).not.toBeNull();
    }
    const budgets = await k.selectFrom("budgets").selectAll().where("fund_id", "=", crf.id).orderBy("area").execute();
    expect(budgets.map((b) => [b.area, b.financial_year])).toEqual(rounds.map((r) => [r.district_code, 2026]));
  });

  it("seeds the Innovation Fund: two stages, up to £50,000, quarterly rounds and weighted criteria adding up to 100", async () => {
    const k = db().db;
    const cif = await k.selectFrom("funds").selectAll().where("code", "=", "CIF").executeTakeFirstOrThrow();
    expect(cif).toMatchObject({ name: "Cambridgeshire Communities Innovation Fund", stages: "two_stage", max_award_pence: 5_000_000 });
    const rounds = await k.selectFrom("rounds").selectAll().where("fund_id", "=", cif.id).orderBy("opens_at").execute();
    expect(rounds).toHaveLength(4);
    for (const [i, r] of rounds.entries()) {
      expect(r.outline_form_id).not.toBeNull();
      expect(r.application_form_id).not.toBeNull();
      expect(r.full_application_deadline! > r.closes_at).toBe(true);
      expect(new Date(`${r.panel_date}T12:00:00Z`).getUTCDay(), "panels sit on a Thursday").toBe(4);
      expect(r.panel_date! > r.full_application_deadline!.slice(0, 10)).toBe(true);
      if (i > 0) expect(r.opens_at).toBe(rounds[i - 1].closes_at); // one round is always open for outlines
    }
    const criteria = await k.selectFrom("fund_criteria").selectAll().where("fund_id", "=", cif.id).orderBy("position").execute();
    expect(criteria.map((c) => c.title)).toEqual([
      "Community resilience",
      "Local wellbeing",
      "Savings to the council",
      "Deliverability and value",
      "Reach into disadvantaged areas",
    ]);
    expect(criteria.reduce((n, c) => n + c.weight_percent, 0)).toBe(100);
    expect(fromJson<unknown[]>(criteria[0].descriptors, [])).toHaveLength(5);
  });

  it("seeds eligibility questions whose answers can rule a group out, with a message", async () => {
    const k = db().db;
    const rows = await k.selectFrom("eligibility_questions").innerJoin("funds", "funds.id", "eligibility_questions.fund_id")
      .select(["funds.code", "key", "excluding_values", "ineligible_message"]).execute();
    for (const code of ["CRF", "CIF"]) {
      expect(rows.filter((r) => r.code === code).map((r) => r.key)).toEqual(["group_type", "in_cambridgeshire", "amount", "purpose"]);
    }
    for (const r of rows) {
      expect(fromJson<string[]>(r.excluding_values, []).length).toBeGreaterThan(0);
      expect(r.ineligible_message.length).toBeGreaterThan(20);
    }
  });

  it("seeds one demo staff account per role, with scoped grants and the demo password", async () => {
    const k = db().db;
    const grants = await k.selectFrom("role_grants").innerJoin("users", "users.id", "role_grants.user_id")
      .select(["users.email", "users.password_hash", "role", "scope", "fund_id", "district_code", "round_id"]).execute();
    expect(new Set(grants.map((g) => g.role))).toEqual(new Set(["service_admin", "administrator", "coordinator", "panel_member", "adviser"]));
    expect(grants.find((g) => g.role === "service_admin")).toMatchObject({ scope: "all" });
    expect(grants.filter((g) => g.role === "administrator").every((g) => g.scope === "fund" && g.fund_id)).toBe(true);
    expect(grants.filter((g) => g.role === "coordinator").map((g) => g.district_code).sort()).toEqual(["E07000010", "E07000010", "E07000011", "E07000011"]);
    expect(grants.filter((g) => g.role === "panel_member" || g.role === "adviser").every((g) => g.scope === "round" && g.round_id)).toBe(true);
    expect(grants.map((g) => g.email)).toEqual(expect.arrayContaining(DEMO_STAFF.map((s) => s.email)));
    expect(await verifyPassword(DEMO_PASSWORD, grants[0].password_hash!)).toBe(true);
    expect(await verifyPassword("wrong password", grants[0].password_hash!)).toBe(false);
  });

  it("seeds demo groups with 360Giving identifiers and at least one admin each", async () => {
    const k = db().db;
    const orgs = await k.selectFrom("organisations").selectAll().orderBy("id").execute();
    expect(orgs.slice(0, 5).map((o) => o.org_identifier)).toEqual([
      "GB-CHC-1187654",
      expect.stringMatching(/^360G-cambscc-\d+$/),
      "GB-COH-09876543",
      "GB-CHC-1093210",
      expect.stringMatching(/^360G-cambscc-\d+$/),
    ]);
    for (const o of orgs) expect(o.org_identifier, o.name).toMatch(/^(GB-CHC-\d+|GB-COH-\d{8}|360G-cambscc-\d+)$/);
    expect(orgs.map((o) => o.name)).toContain("Łódź Polish Community Café");
    for (const o of orgs) {
      const admins = await k.selectFrom("organisation_members").select("id").where("organisation_id", "=", o.id).where("role", "=", "admin").execute();
      expect(admins.length, o.name).toBeGreaterThanOrEqual(1);
    }
  });

  it("seeds the Innovation Fund's first quarterly round as the 2017 paper tells it", async () => {
    const k = db().db;
    const cif = await k.selectFrom("funds").select("id").where("code", "=", "CIF").executeTakeFirstOrThrow();
    const panelRound = await k
      .selectFrom("role_grants as g")
      .innerJoin("users as u", "u.id", "g.user_id")
      .select("g.round_id")
      .where("u.email", "=", "panel.member@council.example.org")
      .where("g.round_id", "is not", null)
      .execute();
    const apps = await k.selectFrom("applications").selectAll().where("fund_id", "=", cif.id).orderBy("id").execute();
    const round = apps.filter((a) => a.round_id === apps[0].round_id);
    const outlines = round.filter((a) => a.stage === "outline");
    const full = round.filter((a) => a.stage === "full");
    expect(outlines).toHaveLength(32);
    expect(outlines.filter((a) => a.status === "invited")).toHaveLength(9);
    expect(outlines.filter((a) => a.status === "submitted")).toHaveLength(23);
    expect(full).toHaveLength(9);
    expect(full.every((a) => a.status === "submitted" && a.submitted_at! <= NOW)).toBe(true);
    expect(full.reduce((n, a) => n + a.amount_requested_pence!, 0)).toBe(25_771_700); // £257,717
    // A full application shares its outline's reference, and is linked to it.
    for (const f of full) expect(outlines.find((o) => o.id === f.parent_application_id)!.reference).toBe(f.reference);
    expect(outlines.map((o) => o.reference)).toEqual(Array.from({ length: 32 }, (_, i) => `CIF-2026-${String(i + 1).padStart(5, "0")}`));
    // As written in the paper's appendix.
    const objectives = await k.selectFrom("application_sections").select("answers").where("section_key", "=", "proposal").where("application_id", "in", full.map((f) => f.id)).execute();
    expect(objectives.map((o) => fromJson<{ objective: string }>(o.answers, { objective: "" }).objective)).toContain("To expand timebanks across the county, in particular targeting older or socially isolated people.");
    // The panel member and the adviser sit on that round.
    expect(panelRound.map((g) => g.round_id)).toContain(apps[0].round_id);
    // New outlines carry on from the last number given.
    const seq = await k.selectFrom("reference_sequences").selectAll().where("fund_id", "=", cif.id).executeTakeFirstOrThrow();
    expect(seq).toMatchObject({ financial_year: 2026, last_value: 34 });
  });

  it("every seeded application answers every section of its form, as the form's own rules read them", async () => {
    const k = db().db;
    // The two Reach Fund drafts (for the coordinators to advise on) are unfinished on purpose.
    const apps = await k.selectFrom("applications as a").innerJoin("form_definitions as f", "f.id", "a.form_definition_id").select(["a.id", "a.title", "f.definition"]).where("a.status", "!=", "draft").execute();
    expect(apps.length).toBe(34 + 9);
    for (const app of apps) {
      const form = fromJson<FormDefinition>(app.definition, { sections: [] });
      const rows = await k.selectFrom("application_sections").select(["section_key", "answers"]).where("application_id", "=", app.id).execute();
      for (const section of form.sections) {
        const stored = rows.find((r) => r.section_key === section.key);
        expect(sectionStatus(section, stored ? { answers: fromJson(stored.answers, {}) } : null), `${app.title}: ${section.title}`).toBe("completed");
      }
    }
  });
});
