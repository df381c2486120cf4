/**
 * The applications list for fund administrators, and its CSV export.
 *
 * Only applications submitted at least once are listed (a draft is the group's own business), only of the
 * funds the person administers (the policy's `fund.view_applications`; a service administrator sees every
 * fund), and never their own groups' (nobody handles their own group's application). Pages are keyset
 * pages over (sort key, id), so page 2,000 costs what page 1 does; the filter's count and total requested
 * come from the same conditions. The export walks the same keyset in batches, each its own short query,
 * so no query holds the database for the whole download. See docs/decisions/0012.
 */
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "~db/schema";
import { loadActor } from "~/domain/access/access.server";
import { can } from "~/domain/access/policy";
import { appendAudit } from "~/domain/audit/audit.server";
import { stateLabel } from "~/domain/applications/workflow";
import { NotAllowed } from "~/domain/staff/staff.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CSV_BOM, csvRow, penceForCsv } from "./csv";
import { SORTS, STAGES, asReference, cursorParam, describeFilter, type Cursor, type ListFilter } from "./list-filter";

type Db = Kysely<Database>;
type Listed = Database & { a: Database["applications"] };
type Where = (eb: ExpressionBuilder<Listed, "a">) => ReturnType<ExpressionBuilder<Listed, "a">["and"]>;

export const PAGE_SIZE = 50;
export const EXPORT_BATCH = 1_000;

export interface ListScope {
  /** null: every fund (a service administrator, or an administrator of all funds). */
  fundIds: number[] | null;
  excludeOrganisationIds: number[];
}

export interface ListOptions {
  funds: { id: number; code: string; name: string }[];
  rounds: { id: number; fundId: number; name: string }[];
  districts: { code: string; name: string }[];
}

/** Who is looking, what they may see, and the choices their filter offers; NotAllowed for anyone else. */
export async function listScope(db: Db, userId: number, action: "fund.view_applications" | "fund.export" = "fund.view_applications"): Promise<{ scope: ListScope; options: ListOptions }> {
  const actor = await loadActor(db, userId);
  const funds = await db.selectFrom("funds").select(["id", "code", "name"]).orderBy("name").execute();
  const visible = funds.filter((f) => can(actor, action, { kind: "fund", id: f.id }));
  if (!actor || visible.length === 0) throw new NotAllowed();
  const ids = visible.map((f) => f.id);
  const [rounds, districts] = await Promise.all([
    db.selectFrom("rounds").select(["id", "fund_id", "name"]).where("fund_id", "in", ids).orderBy("opens_at", "desc").orderBy("name").execute(),
    db.selectFrom("districts").select(["code", "name"]).orderBy("name").execute(),
  ]);
  return {
    scope: { fundIds: visible.length === funds.length ? null : ids, excludeOrganisationIds: actor.memberships.map((m) => m.organisationId) },
    options: { funds: visible, rounds: rounds.map((r) => ({ id: r.id, fundId: r.fund_id, name: r.name })), districts },
  };
}

/** A LIKE pattern for "contains", with LIKE's own wildcards (and the escape character) matched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The conditions of a filter within a scope, as one expression (the same for the page, the counts and the export). */
function conditions(scope: ListScope, f: ListFilter): Where {
  return (eb) => {
    const all = [eb("a.submitted_at", "is not", null)];
    if (scope.fundIds) all.push(eb("a.fund_id", "in", scope.fundIds));
    if (scope.excludeOrganisationIds.length) all.push(eb("a.organisation_id", "not in", scope.excludeOrganisationIds));
    if (f.fund) all.push(eb("a.fund_id", "=", f.fund));
    if (f.district === "none") all.push(eb("a.district_code", "is", null));
    else if (f.district) all.push(eb("a.district_code", "=", f.district));
    if (f.status) all.push(eb("a.status", "=", f.status));
    if (f.deprived) all.push(eb("a.deprived_area", "=", f.deprived === "yes" ? 1 : 0));
    if (f.stage) all.push(eb("a.stage", "=", f.stage as "single" | "outline" | "full"));
    if (f.round) all.push(eb("a.round_id", "=", f.round));
    if (f.q) {
      const reference = asReference(f.q);
      if (reference) all.push(eb("a.reference", "=", reference));
      else {
        const pattern = likePattern(f.q);
        // lower() on both sides, by the database: PostgreSQL's LIKE minds case; SQLite's lower() and LIKE fold
        // ASCII letters only, so there "ŁÓDŹ" does not find "Łódź" (docs/decisions/0012).
        all.push(
          eb.or([
            sql<boolean>`lower(${eb.ref("a.title")}) like lower(${pattern}) escape '\\'`,
            sql<boolean>`lower(${eb.ref("a.reference")}) like lower(${pattern}) escape '\\'`,
            eb(
              "a.organisation_id",
              "in",
              eb.selectFrom("organisations as so").select("so.id").where(sql<boolean>`lower(${sql.ref("so.name")}) like lower(${pattern}) escape '\\'`),
            ),
          ]),
        );
      }
    }
    return eb.and(all);
  };
}

/** The sort's column as an expression: the submission time as stored (its index orders it), others made total. */
function sortExpression(f: ListFilter): RawBuilder<string | number> {
  switch (SORTS[f.sort].column) {
    case "submitted":
      return sql<string>`${sql.ref("a.submitted_at")}`;
    case "reference":
      return sql<string>`coalesce(${sql.ref("a.reference")}, '')`;
    case "amount":
      return sql<number>`coalesce(${sql.ref("a.amount_requested_pence")}, 0)`;
  }
}

function rowsQuery(db: Db, scope: ListScope, f: ListFilter, cursor: Cursor | null, limit: number) {
  const desc = SORTS[f.sort].direction === "desc";
  // Going back a page reads the rows before the cursor in the opposite order, then turns them round.
  const backwards = cursor?.direction === "before";
  const order = desc !== backwards ? "desc" : "asc";
  let q = db
    .selectFrom("applications as a")
    .where(conditions(scope, f))
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("funds as f", "f.id", "a.fund_id")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .leftJoin("districts as d", "d.code", "a.district_code")
    .select([
      "a.id",
      "a.reference",
      "a.stage",
      "a.status",
      "a.title",
      "a.amount_requested_pence",
      "a.submitted_at",
      "a.district_code",
      "a.deprived_area",
      "o.name as organisation_name",
      "f.code as fund_code",
      "f.name as fund_name",
      "r.name as round_name",
      "d.name as district_name",
    ])
    .select(sortExpression(f).as("sort_key"))
    .orderBy(sortExpression(f), order)
    .orderBy("a.id", order)
    .limit(limit);
  if (cursor) {
    const op = order === "desc" ? "<" : ">";
    q = q.where((eb) => {
      // A row value, (submitted_at, id) < (…, …), is a range an index on those columns can seek to.
      if (SORTS[f.sort].column === "submitted") return eb(eb.refTuple("a.submitted_at", "a.id"), op, eb.tuple(String(cursor.key), cursor.id));
      const key = sortExpression(f);
      return eb.or([eb(key, op, cursor.key), eb.and([eb(key, "=", cursor.key), eb("a.id", op, cursor.id)])]);
    });
  }
  return q;
}

export interface ListRow {
  id: number;
  reference: string | null;
  stage: string;
  status: string;
  statusLabel: string;
  title: string | null;
  organisationName: string;
  fundCode: string;
  fundName: string;
  roundName: string;
  districtName: string | null;
  amountRequestedPence: number | null;
  submittedAt: string;
  deprived: boolean;
}

export interface ListPage {
  rows: ListRow[];
  count: number;
  totalRequestedPence: number;
  next: string | null;
  previous: string | null;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof rowsQuery>["execute"]>>[number]): ListRow {
  return {
    id: r.id,
    reference: r.reference,
    stage: r.stage,
    status: r.status,
    statusLabel: stateLabel(r.status),
    title: r.title,
    organisationName: r.organisation_name,
    fundCode: r.fund_code,
    fundName: r.fund_name,
    roundName: r.round_name,
    districtName: r.district_name,
    amountRequestedPence: r.amount_requested_pence,
    submittedAt: r.submitted_at!,
    deprived: r.deprived_area === 1,
  };
}

function totalsQuery(db: Db, scope: ListScope, f: ListFilter) {
  return db
    .selectFrom("applications as a")
    .where(conditions(scope, f))
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number | null>("a.amount_requested_pence").as("total")]);
}

/** The list page's two queries, compiled, for EXPLAIN (bench/admin.ts, docs/decisions/0012). */
export function compiledListQueries(db: Db, scope: ListScope, f: ListFilter) {
  return { page: rowsQuery(db, scope, f, null, PAGE_SIZE + 1).compile(), totals: totalsQuery(db, scope, f).compile() };
}

/** One page of the filtered list, with the count and total requested of the whole filter. */
export async function listApplications(db: Db, scope: ListScope, f: ListFilter, cursor: Cursor | null, pageSize = PAGE_SIZE): Promise<ListPage> {
  const [found, totals] = await Promise.all([rowsQuery(db, scope, f, cursor, pageSize + 1).execute(), totalsQuery(db, scope, f).executeTakeFirstOrThrow()]);
  const more = found.length > pageSize;
  let rows = found.slice(0, pageSize);
  if (cursor?.direction === "before") rows = rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  // A next page exists when more rows were found going forwards, or (going back) there are rows after this page.
  const hasNext = cursor?.direction === "before" ? true : more;
  const hasPrevious = cursor?.direction === "before" ? more : cursor !== null;
  return {
    rows: rows.map(toRow),
    count: Number(totals.n),
    totalRequestedPence: Number(totals.total ?? 0),
    next: hasNext && last ? cursorParam(last.sort_key as string | number, last.id) : null,
    previous: hasPrevious && first ? cursorParam(first.sort_key as string | number, first.id) : null,
  };
}

const EXPORT_HEADINGS = ["Reference", "Stage", "Fund", "Round", "Group", "Title", "District", "Amount requested (£)", "Status", "Submitted", "Deprived area"];

/**
 * The CSV of exactly the filtered list, in the list's order, written a batch at a time as the browser
 * reads it: each batch is one keyset query of EXPORT_BATCH rows. The export is a security event: who,
 * which filter and how many rows go in the audit log when it ends (or is broken off).
 */
export function exportApplications(
  db: Db,
  actorUserId: number,
  scope: ListScope,
  f: ListFilter,
  ip: string | null,
  batchSize = EXPORT_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let rows = 0;
  let started = false;
  let finished = false;
  const audit = (complete: boolean) =>
    appendAudit(db, { actorUserId, event: "applications.exported", entityType: "fund", entityId: f.fund ?? undefined, ip, data: { filter: describeFilter(f), rows, complete } });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvRow(EXPORT_HEADINGS)));
          return;
        }
        const batch = await rowsQuery(db, scope, f, cursor, batchSize).execute();
        if (batch.length > 0) {
          let text = "";
          for (const r of batch) {
            text += csvRow([
              r.reference,
              STAGES.find((s) => s.value === r.stage)?.label ?? r.stage,
              r.fund_name,
              r.round_name,
              r.organisation_name,
              r.title,
              r.district_name ?? "",
              penceForCsv(r.amount_requested_pence),
              stateLabel(r.status),
              r.submitted_at ? formatLondonDateTime(r.submitted_at) : "",
              r.deprived_area === 1 ? "Yes" : "No",
            ]);
          }
          rows += batch.length;
          const last = batch[batch.length - 1];
          cursor = { direction: "after", key: last.sort_key as string | number, id: last.id };
          controller.enqueue(encoder.encode(text));
        }
        if (batch.length < batchSize) {
          finished = true;
          await audit(true);
          controller.close();
        }
      },
      async cancel() {
        if (!finished) await audit(false);
      },
    },
    // One batch waiting at most: the next is read only when the browser has taken the last.
    { highWaterMark: 1 },
  );
}
