/**
 * Seeds configuration and demo data into an empty database. `npm start` runs it when the database has no
 * funds; a production start never does. Every row goes in one transaction: a seed either lands whole or
 * not at all.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, StaffRole } from "../schema";
import { toJson } from "../json";
import { hashPassword } from "~/domain/accounts/password.server";
import { normaliseEmail } from "~/domain/accounts/email";
import { financialYearOf, londonToUtcIso } from "~/domain/shared/time";
import { COUNCIL, DISTRICTS, FUNDS, SCORE_SCALE, SERVICE_SETTINGS } from "./config";
import { FORMS } from "./forms";
import { insertSeedGroup, type SeedGroupRow } from "./groups";
import { seedInnovationRound } from "./innovation-seed";

/** Every demo account uses this password (shown in the README). Never seeded in production. */
export const DEMO_PASSWORD = "community-grants-demo";

type StaffSeed = {
  email: string;
  name: string;
  /** A fixed two-factor secret, listed in the README so a newcomer can add it to an authenticator app. Demo data only. */
  totpSecret: string;
  grants: { role: StaffRole; fund?: string; district?: string; round?: "cif-panel" | "crf-fenland" }[];
};

export const DEMO_STAFF: StaffSeed[] = [
  { email: "service.admin@council.example.org", name: "Sam Okafor", totpSecret: "DEMOSERVICEADMINTOTPKEY234567ABC", grants: [{ role: "service_admin" }] },
  { email: "fund.admin@council.example.org", name: "Priya Raman", totpSecret: "DEMOFUNDADMINTOTPKEY234567ABCDEF", grants: [{ role: "administrator", fund: "CRF" }, { role: "administrator", fund: "CIF" }] },
  { email: "coordinator@council.example.org", name: "Tom Barker", totpSecret: "DEMOCOORDINATORTOTPKEY234567ABCD", grants: [{ role: "coordinator", district: "E07000010" }, { role: "coordinator", district: "E07000011" }] },
  // One Community Coordinator per district, as the council has: each sees only their own district's groups.
  { email: "coordinator.fenland@council.example.org", name: "Fiona Reed", totpSecret: "DEMOFENLANDCOORDTOTPKEY234567ABC", grants: [{ role: "coordinator", district: "E07000010" }] },
  { email: "coordinator.huntingdonshire@council.example.org", name: "Harry Singh", totpSecret: "DEMOHUNTSCOORDTOTPKEY234567ABCDE", grants: [{ role: "coordinator", district: "E07000011" }] },
  { email: "panel.member@council.example.org", name: "Cllr Helen Marsh", totpSecret: "DEMOPANELMEMBERTOTPKEY234567ABCD", grants: [{ role: "panel_member", round: "cif-panel" }, { role: "panel_member", round: "crf-fenland" }] },
  { email: "adviser@council.example.org", name: "Dr Amir Haddad", totpSecret: "DEMOADVISERTOTPKEY234567ABCDEFGH", grants: [{ role: "adviser", round: "cif-panel" }] },
];

type GroupSeed = SeedGroupRow & {
  members: { email: string; name: string; role: "admin" | "member" }[];
  /** A Reach Fund draft the group has started, for its district's coordinator to advise on. */
  draft?: { title: string; summary: string; amountPence: number };
};

export const DEMO_GROUPS: GroupSeed[] = [
  {
    name: "Wisbech Riverside Community Larder",
    type: "charity",
    charity: "1187654",
    address: ["14 North Brink", "Wisbech"],
    postcode: "PE13 1JR",
    lsoa: "E01018094",
    district: "E07000010",
    members: [
      { email: "alex@larder.example.org", name: "Alex Turner", role: "admin" },
      { email: "jo@larder.example.org", name: "Jo Whitmore", role: "member" },
    ],
  },
  {
    name: "Ramsey Timebank",
    type: "unincorporated",
    address: ["Great Whyte Community Rooms", "Ramsey"],
    postcode: "PE26 1HA",
    lsoa: "E01018143",
    district: "E07000011",
    members: [{ email: "maria@ramsey-timebank.example.org", name: "Maria Costa", role: "admin" }],
  },
  {
    name: "Łódź Polish Community Café",
    type: "cic",
    company: "09876543",
    address: ["2 Mill Road", "Cambridge"],
    postcode: "CB1 2AD",
    lsoa: "E01017944",
    district: "E07000008",
    members: [
      { email: "kasia@polishcafe.example.org", name: "Katarzyna Nowak", role: "admin" },
      // One person in two groups, to choose which group they act for.
      { email: "alex@larder.example.org", name: "Alex Turner", role: "member" },
    ],
  },
  {
    name: "Soham Young Carers' Club",
    type: "charity",
    charity: "1093210",
    address: ["The Brook Centre, Brook Street", "Soham"],
    postcode: "CB7 5AE",
    lsoa: "E01018042",
    district: "E07000009",
    members: [{ email: "dev@sohamcarers.example.org", name: "Dev Patel", role: "admin" }],
  },
  {
    name: "Histon and Impington Good Neighbours",
    type: "unincorporated",
    address: ["Village Hall, New Road", "Impington"],
    postcode: "CB24 9LU",
    lsoa: "E01018225",
    district: "E07000012",
    members: [{ email: "ruth@hi-neighbours.example.org", name: "Ruth Ellis", role: "admin" }],
  },
  {
    // In one of Fenland's most deprived neighbourhoods (IMD 2019 decile 1).
    name: "March Riverside Men's Shed",
    type: "unincorporated",
    address: ["Unit 3, Station Road", "March"],
    postcode: "PE15 8QD",
    lsoa: "E01018103",
    district: "E07000010",
    members: [{ email: "sam@march-shed.example.org", name: "Sam Hollis", role: "admin" }],
    draft: { title: "Tools and a workbench for the shed", summary: "A shared workshop where older men meet, learn skills and repair things for neighbours.", amountPence: 85_000 },
  },
  {
    name: "St Neots Youth Band",
    type: "charity",
    charity: "1145678",
    address: ["The Priory Centre, Priory Lane", "St Neots"],
    postcode: "PE19 2BH",
    lsoa: "E01018113",
    district: "E07000011",
    members: [{ email: "lena@stneots-band.example.org", name: "Lena Brooks", role: "admin" }],
    draft: { title: "Instruments for new young players", summary: "Lending instruments to children whose families cannot buy them, with free weekly lessons.", amountPence: 60_000 },
  },
];


/** True when the database holds no funds yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("funds").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Quarterly Innovation Fund rounds for a financial year, in London time. Outlines are welcome at any time:
 * each round takes the outlines that arrive by 5pm on the 15th of its quarter's second month, and the next
 * round opens at that moment. Invited groups have until the 15th of the third month for their full
 * application; the panel sits on the last Thursday of that month.
 */
function lastThursday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  const back = (last.getUTCDay() - 4 + 7) % 7;
  return new Date(Date.UTC(year, month - 1, last.getUTCDate() - back)).toISOString().slice(0, 10);
}

export function quarterlyRounds(fy: number) {
  let opensAt = londonToUtcIso(fy, 4, 1, 0, 0);
  return [0, 1, 2, 3].map((q) => {
    const start = 4 + q * 3; // April, July, October, January
    const at = (offset: number) => {
      const m = start + offset;
      return { y: m > 12 ? fy + 1 : fy, m: ((m - 1) % 12) + 1 };
    };
    const outline = at(1);
    const full = at(2);
    const round = {
      name: `Quarter ${q + 1}, ${fy} to ${fy + 1}`,
      slug: `${fy}-q${q + 1}`,
      opensAt,
      closesAt: londonToUtcIso(outline.y, outline.m, 15, 17, 0),
      fullDeadline: londonToUtcIso(full.y, full.m, 15, 17, 0),
      panelDate: lastThursday(full.y, full.m),
    };
    opensAt = round.closesAt;
    return round;
  });
}

export interface SeedSummary {
  funds: number;
  rounds: number;
  users: number;
  organisations: number;
  innovationOutlines: number;
}

export async function seedDemo(db: Kysely<Database>, now: string = new Date().toISOString()): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute((trx) => seedInto(trx, now, passwordHash));
}

async function seedInto(trx: Transaction<Database>, now: string, passwordHash: string): Promise<SeedSummary> {
  const fy = financialYearOf(now);

  await trx.insertInto("service_settings").values(SERVICE_SETTINGS).execute();

  await trx
    .insertInto("districts")
    .values(DISTRICTS.map((d) => ({ code: d.code, name: d.name, county: COUNCIL.county })))
    .execute();

  const fundIds = new Map<string, number>();
  const roundIds = new Map<string, number>();
  let roundCount = 0;

  for (const f of FUNDS) {
    const { id: fundId } = await trx
      .insertInto("funds")
      .values({
        code: f.code,
        slug: f.slug,
        name: f.name,
        summary: f.summary,
        description: f.description,
        who_can_apply: f.whoCanApply,
        stages: f.stages,
        min_award_pence: f.minAwardPence,
        max_award_pence: f.maxAwardPence,
        group_cap_pence: f.groupCapPence,
        rounds_per_district: f.roundsPerDistrict ? 1 : 0,
        status: "active",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    fundIds.set(f.code, fundId);

    await trx
      .insertInto("fund_criteria")
      .values(
        f.criteria.map((c, i) => ({
          fund_id: fundId,
          stage: f.criteriaStage,
          key: c.key,
          title: c.title,
          description: c.description,
          weight_percent: c.weightPercent,
          max_score: 4,
          descriptors: toJson(SCORE_SCALE),
          position: i + 1,
        })),
      )
      .execute();

    await trx
      .insertInto("eligibility_questions")
      .values(
        f.eligibility.map((q, i) => ({
          fund_id: fundId,
          key: q.key,
          position: i + 1,
          question: q.question,
          hint: q.hint ?? null,
          options: toJson(q.options),
          excluding_values: toJson(q.excluding),
          ineligible_message: q.ineligibleMessage,
        })),
      )
      .execute();

    const formIds: Record<string, number> = {};
    for (const form of FORMS.filter((x) => x.fundCode === f.code)) {
      const { id } = await trx
        .insertInto("form_definitions")
        .values({
          fund_id: fundId,
          stage: form.stage,
          version_number: 1,
          title: form.title,
          definition: toJson({ sections: form.sections }),
          published_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      formIds[form.stage] = id;
    }

    if (f.roundsPerDistrict) {
      for (const d of DISTRICTS) {
        const { id } = await trx
          .insertInto("rounds")
          .values({
            fund_id: fundId,
            name: `${d.name}, ${fy} to ${fy + 1}`,
            slug: `${d.name.toLowerCase().replace(/\s+/g, "-")}-${fy}`,
            district_code: d.code,
            financial_year: fy,
            opens_at: londonToUtcIso(fy, 4, 1, 0, 0),
            closes_at: londonToUtcIso(fy + 1, 3, 31, 17, 0),
            application_form_id: formIds.single ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        roundIds.set(`${f.code}:${d.code}`, id);
        roundCount++;
        await trx.insertInto("budgets").values({ fund_id: fundId, financial_year: fy, area: d.code, amount_pence: f.budgetPence }).execute();
      }
    } else {
      for (const r of quarterlyRounds(fy)) {
        const { id } = await trx
          .insertInto("rounds")
          .values({
            fund_id: fundId,
            name: r.name,
            slug: r.slug,
            district_code: null,
            financial_year: fy,
            opens_at: r.opensAt,
            closes_at: r.closesAt,
            full_application_deadline: r.fullDeadline,
            panel_date: r.panelDate,
            outline_form_id: formIds.outline ?? null,
            application_form_id: formIds.full ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        roundCount++;
        if (r.opensAt <= now && now < r.closesAt) roundIds.set(`${f.code}:current`, id);
      }
      // After the last quarter's deadline, the panel still sits for the last round.
      if (!roundIds.has(`${f.code}:current`)) {
        const last = await trx.selectFrom("rounds").select("id").where("fund_id", "=", fundId).orderBy("closes_at", "desc").executeTakeFirstOrThrow();
        roundIds.set(`${f.code}:current`, last.id);
      }
      // The round the panel is reviewing: the latest whose outline deadline has passed (early in the year,
      // before any has, the first).
      const closed = await trx.selectFrom("rounds").select("id").where("fund_id", "=", fundId).where("closes_at", "<=", now).orderBy("closes_at", "desc").executeTakeFirst();
      const first = await trx.selectFrom("rounds").select("id").where("fund_id", "=", fundId).orderBy("closes_at").executeTakeFirstOrThrow();
      roundIds.set(`${f.code}:panel`, (closed ?? first).id);
      await trx.insertInto("budgets").values({ fund_id: fundId, financial_year: fy, area: "countywide", amount_pence: f.budgetPence }).execute();
    }
  }

  const userIds = new Map<string, number>();
  const ensureUser = async (email: string, name: string) => {
    const key = normaliseEmail(email);
    const existing = userIds.get(key);
    if (existing) return existing;
    const { id } = await trx
      .insertInto("users")
      .values({ email: key, full_name: name, password_hash: passwordHash, email_verified_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    userIds.set(key, id);
    return id;
  };

  const serviceAdminId = await ensureUser(DEMO_STAFF[0].email, DEMO_STAFF[0].name);
  for (const s of DEMO_STAFF) {
    const userId = await ensureUser(s.email, s.name);
    await trx.updateTable("users").set({ totp_secret: s.totpSecret, totp_enabled_at: now }).where("id", "=", userId).execute();
    for (const g of s.grants) {
      const round = g.round === "cif-panel" ? roundIds.get("CIF:panel") : g.round === "crf-fenland" ? roundIds.get("CRF:E07000010") : undefined;
      await trx
        .insertInto("role_grants")
        .values({
          user_id: userId,
          role: g.role,
          scope: g.fund ? "fund" : g.district ? "district" : round ? "round" : "all",
          fund_id: g.fund ? fundIds.get(g.fund)! : null,
          district_code: g.district ?? null,
          round_id: round ?? null,
          granted_by_user_id: userId === serviceAdminId ? null : serviceAdminId,
        })
        .execute();
    }
  }

  for (const g of DEMO_GROUPS) {
    const id = await insertSeedGroup(trx, g);
    for (const m of g.members) {
      const userId = await ensureUser(m.email, m.name);
      await trx.insertInto("organisation_members").values({ organisation_id: id, user_id: userId, role: m.role }).execute();
    }
    if (g.draft) {
      const round = await trx.selectFrom("rounds").selectAll().where("id", "=", roundIds.get(`CRF:${g.district}`)!).executeTakeFirstOrThrow();
      const app = await trx
        .insertInto("applications")
        .values({
          fund_id: round.fund_id,
          round_id: round.id,
          organisation_id: id,
          stage: "single",
          form_definition_id: round.application_form_id!,
          status: "draft",
          lead_contact_user_id: userIds.get(normaliseEmail(g.members[0].email))!,
          title: g.draft.title,
          amount_requested_pence: g.draft.amountPence,
          district_code: g.district,
          financial_year: round.financial_year,
          reference: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("application_sections")
        .values({ application_id: app.id, section_key: "activity", answers: toJson({ project_title: g.draft.title, project_summary: g.draft.summary }), completed: 0 })
        .execute();
    }
  }

  const outlines = await seedInnovationRound(trx, {
    fundId: fundIds.get("CIF")!,
    panelRoundId: roundIds.get("CIF:panel")!,
    currentRoundId: roundIds.get("CIF:current")!,
    fundAdministratorId: userIds.get(normaliseEmail(DEMO_STAFF[1].email))!,
    ensureUser,
    now,
  });

  return { funds: FUNDS.length, rounds: roundCount, users: userIds.size, organisations: DEMO_GROUPS.length + outlines.groups, innovationOutlines: outlines.outlines };
}
