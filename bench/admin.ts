/**
 * npm run bench:admin — the fund administrators' applications list and CSV export at 1,000, 10,000 and
 * 100,000 applications (SQLite, the embedded default).
 *
 * Seeds the demo configuration, then applications in bulk (one transaction per size step, 500 rows a
 * statement) spread over both funds, every district and round, the statuses of the workflow (with a tenth
 * still drafts, which the list leaves out) and 2,000 groups. Starts the portal's express server on the
 * benchmark build as bench:http does, signs in as the funds' administrator (a session made directly, as
 * the role-matrix test does) and, at each size, prints:
 *   - p50 and p95 of the list page filtered by fund + district + status (sequential requests, full body
 *     read, rotating over districts and statuses), goal p95 ≤ 50 ms at 100,000 and ≤ 1.5× the 1,000 figure;
 *   - the time and the server's peak resident memory (sampled every 20 ms from /proc) while the CSV of a
 *     large filter (every Reach Fund application) downloads;
 *   - SQLite's query plan for the list's two queries.
 * BENCH_REQUESTS (default 300) and BENCH_WARMUP (30) change the number of list requests per size, BENCH_SIZES
 * the sizes (e.g. "1000,100000"); BENCH_KEEP=1 keeps the database for a look afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type Insertable } from "kysely";
import type { ApplicationsTable } from "~db/schema";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { seedDemo } from "~db/seeds/index";
import { DEFAULT_AUTH_SETTINGS } from "~/domain/accounts/settings";
import { createSession } from "~/domain/accounts/sessions.server";
import { compiledListQueries } from "~/domain/admin/applications-list.server";
import { parseFilter } from "~/domain/admin/list-filter";
import { portalCookies, setSecureCookies } from "~/utils/cookies.server";

const REQUESTS = Number(process.env.BENCH_REQUESTS || 300);
const WARMUP = Number(process.env.BENCH_WARMUP || 30);
const SIZES = (process.env.BENCH_SIZES || "1000,10000,100000").split(",").map(Number);
const PORT = 3104;
const BASE = `http://127.0.0.1:${PORT}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-bench-admin-"));
const DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL, SESSION_SECRET: "bench-admin-".repeat(4) };
let server: ChildProcess | undefined;

function run(cmd: string, args: string[], extra: Record<string, string> = {}) {
  execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...env, ...extra } });
}

/** A small deterministic generator, so every run seeds the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Statuses as a fund's year might leave them (drafts are seeded too: the list must leave them out). */
const SINGLE_STATUSES: [string, number][] = [
  ["draft", 10], ["submitted", 14], ["more_information", 4], ["eligible", 8], ["ineligible", 5], ["in_review", 9], ["awarded", 8], ["declined", 9],
  ["deferred", 2], ["offered", 5], ["accepted", 5], ["offer_declined", 1], ["monitoring", 8], ["closed", 8], ["withdrawn", 4],
];
const OUTLINE_STATUSES: [string, number][] = [
  ["draft", 10], ["submitted", 20], ["more_information", 4], ["eligible", 12], ["ineligible", 6], ["invited", 16], ["strengthen", 8], ["signposted", 8], ["declined", 12], ["withdrawn", 4],
];

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) {
    r -= w;
    if (r < 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** undici may reuse a kept-alive socket the server has just closed (idle while seeding): try once more. */
async function get(url: string, cookie: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { Cookie: cookie } });
  } catch {
    return fetch(url, { headers: { Cookie: cookie } });
  }
}

async function main() {
  console.log(`Building the benchmark bundle and seeding ${DATABASE_URL} …`);
  run("npm", ["run", "build:css", "--silent"]);
  run(path.resolve("node_modules/.bin/remix"), ["build"], { BENCH_BUILD: "1" });

  const { db, engine } = createDb(DATABASE_URL);
  await migrateToLatest(db, engine);
  await seedDemo(db);
  const funds = await db.selectFrom("funds").select(["id", "code", "stages"]).execute();
  const rounds = await db.selectFrom("rounds").selectAll().execute();
  const districts = (await db.selectFrom("districts").select("code").execute()).map((d) => d.code);
  const reach = funds.find((f) => f.code === "CRF")!;
  const innovation = funds.find((f) => f.code === "CIF")!;
  const fy = rounds[0].financial_year;

  // 2,000 groups, each with one member who leads its applications.
  const rand = random(42);
  const groups: { id: number; district: string; lead: number }[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 2_000; i++) {
      const district = districts[i % districts.length];
      const { id: userId } = await trx.insertInto("users").values({ email: `bench.lead.${i}@example.org`, full_name: `Lead ${i}`, email_verified_at: new Date().toISOString() }).returning("id").executeTakeFirstOrThrow();
      const { id } = await trx.insertInto("organisations").values({ name: `Bench Community Group ${i}`, org_type: "unincorporated", district_code: district, postcode: "PE13 1JR" }).returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("organisation_members").values({ organisation_id: id, user_id: userId, role: "admin" }).execute();
      groups.push({ id, district, lead: userId });
    }
  });

  const sequence = { CRF: 0, CIF: 0 } as Record<string, number>;
  const now = Date.now();
  async function addApplications(count: number) {
    await db.transaction().execute(async (trx) => {
      let batch: Insertable<ApplicationsTable>[] = [];
      const flush = async () => {
        if (batch.length) await trx.insertInto("applications").values(batch).execute();
        batch = [];
      };
      for (let i = 0; i < count; i++) {
        const group = groups[Math.floor(rand() * groups.length)];
        const isReach = rand() < 0.6;
        const fund = isReach ? reach : innovation;
        // A Reach Fund application's district is mostly its group's, sometimes another (where the activity is).
        const district = rand() < 0.85 ? group.district : districts[Math.floor(rand() * districts.length)];
        const fundRounds = rounds.filter((r) => r.fund_id === fund.id && (!isReach || r.district_code === district));
        const round = fundRounds[Math.floor(rand() * fundRounds.length)];
        const stage = isReach ? "single" : rand() < 0.75 ? "outline" : "full";
        const status = pick(rand, stage === "outline" ? OUTLINE_STATUSES : SINGLE_STATUSES);
        const submitted = status !== "draft";
        const submittedAt = new Date(now - Math.floor(rand() * 365 * 86_400_000)).toISOString();
        const amount = isReach ? 10_000 + Math.floor(rand() * 90) * 1_000 : 500_000 + Math.floor(rand() * 450) * 10_000;
        batch.push({
          reference: submitted || stage === "full" ? `${fund.code}-${fy}-${String(++sequence[fund.code]).padStart(6, "0")}` : null,
          fund_id: fund.id,
          round_id: round.id,
          organisation_id: group.id,
          stage,
          form_definition_id: (stage === "outline" ? round.outline_form_id : round.application_form_id)!,
          status,
          lead_contact_user_id: group.lead,
          title: `${["Community", "Village", "Youth", "Food", "Warm"][i % 5]} ${["garden", "hub", "club", "larder", "space"][Math.floor(rand() * 5)]} project ${sequence[fund.code]}`,
          amount_requested_pence: amount,
          district_code: district,
          financial_year: round.financial_year,
          submitted_at: submitted ? submittedAt : null,
          project_postcode: null,
          parent_application_id: null,
          amount_awarded_pence: null,
          decided_at: null,
        });
        if (batch.length === 500) await flush();
      }
      await flush();
    });
  }

  // The funds' administrator (both funds), signed in as the role-matrix test does: a session made directly.
  setSecureCookies(true);
  const admin = await db.selectFrom("users").select("id").where("email", "=", "fund.admin@council.example.org").executeTakeFirstOrThrow();
  const { token } = await createSession(db, { userId: admin.id, stage: "active", idleMs: 6 * 3_600_000, ip: null, userAgent: "bench" }, DEFAULT_AUTH_SETTINGS);
  const cookie = (await portalCookies().session.serialize(token)).split(";")[0];

  const results: { size: number; p50: number; p95: number; exportMs: number; exportRows: number; exportBytes: number; rssBeforeMb: number; rssPeakMb: number }[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    await addApplications(size - seeded);
    seeded = size;
    // As a database in steady use would be: the bulk load moved from the write-ahead log into the file.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    console.log(`\nSeeded ${size.toLocaleString("en-GB")} applications (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    if (!server) {
      server = spawn(process.execPath, ["--import", "tsx", "bench/servers/portal.ts"], { env: { ...env, PORT: String(PORT) }, stdio: ["ignore", "pipe", "inherit"] });
      await new Promise<void>((resolve, reject) => {
        server!.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        server!.on("exit", (code, signal) => reject(new Error(`the server exited with ${code ?? signal}`)));
      });
    }

    // The list filtered by fund + district + status, rotating over districts and statuses.
    const combos = districts.flatMap((d) => ["submitted", "eligible", "in_review"].map((s) => `/admin/applications?fund=${reach.id}&district=${d}&status=${s}`));
    const times: number[] = [];
    let rowsSeen = 0;
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const url = combos[i % combos.length];
      const start = performance.now();
      const res = await get(`${BASE}${url}`, cookie);
      const html = await res.text();
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      if (i >= WARMUP) times.push(ms);
      if (i === WARMUP) rowsSeen = (html.match(/href="\/admin\/applications\/\d+"/g) ?? []).length;
    }
    times.sort((a, b) => a - b);

    // The CSV of a large filter: every Reach Fund application.
    const pid = server.pid!;
    const rssBefore = rssKb(pid);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
    const e0 = performance.now();
    const res = await get(`${BASE}/admin/applications/export?fund=${reach.id}`, cookie);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const exportMs = performance.now() - e0;
    clearInterval(sampler);
    peak = Math.max(peak, rssKb(pid));
    results.push({ size, p50: percentile(times, 50), p95: percentile(times, 95), exportMs, exportRows: lines - 1, exportBytes: bytes, rssBeforeMb: rssBefore / 1024, rssPeakMb: peak / 1024 });
    console.log(`  list page: ${REQUESTS} requests (${rowsSeen} rows on the first), p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
    console.log(`  export: ${(lines - 1).toLocaleString("en-GB")} rows, ${(bytes / 1_048_576).toFixed(1)} MB in ${(exportMs / 1000).toFixed(2)} s; server RSS ${(rssBefore / 1024).toFixed(0)} MB before, ${(peak / 1024).toFixed(0)} MB at peak`);

    const scope = { fundIds: null, excludeOrganisationIds: [] };
    const filter = parseFilter(new URLSearchParams({ fund: String(reach.id), district: districts[2], status: "submitted" }));
    const q = compiledListQueries(db, scope, filter);
    // EXPLAIN needs the driver's own connection (the parameters bound as the query runs them).
    const raw = new Database(DATABASE_URL.slice("file:".length), { readonly: true });
    for (const [name, compiled] of Object.entries(q)) {
      const rows = raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[];
      console.log(`  plan (${name}): ${rows.map((r) => r.detail).join(" | ")}`);
    }
    raw.close();
  }

  console.log(`\nbench:admin on ${engine}, ${os.cpus().length} cores, Node ${process.version}; list page signed in as the funds' administrator, ${REQUESTS} sequential requests per size after ${WARMUP} warm-up\n`);
  console.log("applications".padStart(12), "list p50 ms".padStart(12), "list p95 ms".padStart(12), "export rows".padStart(12), "export s".padStart(9), "RSS before MB".padStart(14), "RSS peak MB".padStart(12));
  for (const r of results) {
    console.log(
      r.size.toLocaleString("en-GB").padStart(12),
      r.p50.toFixed(1).padStart(12),
      r.p95.toFixed(1).padStart(12),
      r.exportRows.toLocaleString("en-GB").padStart(12),
      (r.exportMs / 1000).toFixed(2).padStart(9),
      r.rssBeforeMb.toFixed(0).padStart(14),
      r.rssPeakMb.toFixed(0).padStart(12),
    );
  }
  const first = results[0];
  const last = results[results.length - 1];
  console.log(`\np95 at ${last.size.toLocaleString("en-GB")}: ${last.p95.toFixed(1)} ms (goal ≤ 50 ms); growth from ${first.size.toLocaleString("en-GB")}: ${(last.p95 / first.p95).toFixed(2)}× (goal ≤ 1.5×)`);
  await db.destroy();
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  })
  .finally(() => {
    server?.kill("SIGTERM");
    if (process.env.BENCH_KEEP) console.log(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });
