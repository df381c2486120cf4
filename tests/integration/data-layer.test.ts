/**
 * The data layer on whichever engine TEST_ENGINE names: migrations, and that every kind of column reads
 * back exactly as it was written (the same on SQLite and PostgreSQL).
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateDownToZero, migrateToLatest } from "~db/migrate";
import { fromJson, toJson } from "~db/json";
import { migrations } from "~db/migrations/index";
import { TEST_ENGINE, useTestDb } from "../setup/test-db";

const db = useTestDb();

const TABLES = [
  "users", "sessions", "role_grants", "districts", "organisations", "organisation_members", "funds", "fund_criteria",
  "eligibility_questions", "rounds", "budgets", "form_definitions", "applications", "application_sections", "audit_log", "outbox", "service_settings",
];

async function insertFund(code = "TST") {
  return db().db
    .insertInto("funds")
    .values({
      code, slug: code.toLowerCase(), name: `Fund ${code}`, summary: "s", description: "d", who_can_apply: "w",
      stages: "single", min_award_pence: 0, max_award_pence: 100_000, group_cap_pence: null, rounds_per_district: 0, status: "active",
    })
    .returning(["id", "created_at", "updated_at", "version"])
    .executeTakeFirstOrThrow();
}

describe(`data layer on ${TEST_ENGINE}`, () => {
  it("creates every table of the design", async () => {
    const tables = (await db().db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
  });

  it("migrations run down to nothing and up again", async () => {
    const { db: k, engine } = db();
    const undone = await migrateDownToZero(k, engine);
    expect(undone).toEqual(Object.keys(migrations).reverse());
    const remaining = (await k.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n));
    expect(remaining).toEqual([]);
    expect(await migrateToLatest(k, engine)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(k, engine)).toEqual([]);
  });

  it("gives every row an id, UTC ISO created/updated times and a version", async () => {
    const before = new Date().toISOString();
    const row = await insertFund("AAA");
    expect(row.id).toEqual(expect.any(Number));
    expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row.updated_at).toBe(row.created_at);
    expect(row.created_at >= before.slice(0, 19)).toBe(true);
    expect(row.version).toBe(1);
  });

  it("reads money, times, dates, flags and JSON back exactly as written", async () => {
    const k = db().db;
    const fund = await insertFund("BBB");
    const closes = "2027-03-31T16:00:00.000Z";
    const round = await k
      .insertInto("rounds")
      .values({
        fund_id: fund.id, name: "R", slug: "r", district_code: null, financial_year: 2026,
        opens_at: "2026-04-01T00:00:00.000Z", closes_at: closes, panel_date: "2027-03-25",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // More than 2^31 pence (£21m) must survive: PostgreSQL bigint comes back as a number, not a string.
    const big = 2_500_000_000_000; // £25bn in pence: beyond 32 bits, well inside Number.MAX_SAFE_INTEGER
    await k.insertInto("budgets").values({ fund_id: fund.id, financial_year: 2026, area: "countywide", amount_pence: big }).execute();
    const budget = await k.selectFrom("budgets").selectAll().where("fund_id", "=", fund.id).executeTakeFirstOrThrow();
    expect(budget.amount_pence).toBe(big);
    expect(typeof budget.amount_pence).toBe("number");

    const r = await k.selectFrom("rounds").selectAll().where("id", "=", round.id).executeTakeFirstOrThrow();
    expect(r.closes_at).toBe(closes);
    expect(r.panel_date).toBe("2027-03-25");
    expect(r.full_application_deadline).toBeNull();

    const doc = { sections: [{ key: "a", questions: [{ id: "q", label: "Łódź café — “quotes”" }] }], n: 1.5, none: null };
    const form = await k
      .insertInto("form_definitions")
      .values({ fund_id: fund.id, stage: "single", version_number: 1, title: "F", definition: toJson(doc), published_at: null })
      .returning("definition")
      .executeTakeFirstOrThrow();
    expect(typeof form.definition).toBe("string");
    expect(fromJson(form.definition, {})).toEqual(doc);

    const outbox = await k
      .insertInto("outbox")
      .values({ template: "t", data: "{}", to_email: "a@example.org", message_id: "<1@example.org>", contains_secret: 1 })
      .returning(["contains_secret", "next_attempt_at", "sent_at"])
      .executeTakeFirstOrThrow();
    expect(outbox.contains_secret).toBe(1);
    expect(outbox.next_attempt_at).toMatch(/Z$/);
    expect(outbox.sent_at).toBeNull();
  });

  it("counts and sums come back as numbers", async () => {
    const k = db().db;
    const row = await k
      .selectFrom("budgets")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("amount_pence").as("total")])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe("number");
    expect(typeof row.total).toBe("number");
  });

  it("orders and compares times correctly as stored", async () => {
    const k = db().db;
    const rows = await k
      .selectFrom("rounds")
      .select("closes_at")
      .where("closes_at", ">", "2027-03-31T15:59:59.999Z")
      .where("closes_at", "<=", "2027-03-31T16:00:00.000Z")
      .execute();
    expect(rows.map((r) => r.closes_at)).toEqual(["2027-03-31T16:00:00.000Z"]);
  });

  it("enforces foreign keys, uniqueness and checks", async () => {
    const k = db().db;
    await expect(
      k.insertInto("organisation_members").values({ organisation_id: 999_999, user_id: 999_999, role: "admin" }).execute(),
    ).rejects.toThrow();
    await expect(insertFund("AAA")).rejects.toThrow(); // code is unique
    const fund = await insertFund("CCC");
    await expect(
      k.insertInto("budgets").values({ fund_id: fund.id, financial_year: 2026, area: "countywide", amount_pence: -1 }).execute(),
    ).rejects.toThrow();
    await expect(
      k.insertInto("rounds").values({
        fund_id: fund.id, name: "Backwards", slug: "backwards", district_code: null, financial_year: 2026,
        opens_at: "2026-05-01T00:00:00.000Z", closes_at: "2026-04-01T00:00:00.000Z",
      }).execute(),
    ).rejects.toThrow();
  });

  it("opens the engine with the settings the design asks for", async () => {
    const k = db().db;
    if (TEST_ENGINE === "sqlite") {
      const one = async (pragma: string) => Object.values((await sql.raw(`PRAGMA ${pragma}`).execute(k)).rows[0] as object)[0];
      expect(await one("journal_mode")).toBe("wal");
      expect(await one("foreign_keys")).toBe(1);
      expect(await one("synchronous")).toBe(2); // FULL
      expect(await one("busy_timeout")).toBe(5000);
    } else {
      // Native types underneath, converted on the way out.
      const rows = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_name = 'budgets' and column_name in ('amount_pence', 'created_at')
        order by column_name`.execute(k);
      expect(rows.rows).toEqual([
        { column_name: "amount_pence", data_type: "bigint" },
        { column_name: "created_at", data_type: "timestamp with time zone" },
      ]);
    }
  });
});

describe("the latest migrations", () => {
  it("each undo leaves the schema as it was, so it can be applied again", async () => {
    const { migrations } = await import("~db/migrations/index");
    const { db: k, engine } = db();
    const names = Object.keys(migrations).slice(-2).reverse();
    for (const name of names) await migrations[name].down!(k, engine);
    for (const name of [...names].reverse()) await migrations[name].up(k, engine);
    const columns = await k.introspection.getTables();
    const sessions = columns.find((t) => t.name === "sessions")!;
    expect(sessions.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["stage", "acting_organisation_id", "totp_pending_secret"]));
  });
});
