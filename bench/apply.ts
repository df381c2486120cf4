/**
 * npm run bench:apply — what applying costs, measured in one run on a seeded SQLite portal (production build):
 *   - req/s and p99 of the task-list page and of saving a section (signed in, 10 connections), each with its
 *     ratio to the framework floor (a trivial Remix route, signed in, same server) measured in the same run;
 *     goal for the page: at least 80 % of the floor;
 *   - milliseconds per application PDF (a seeded full application of the Innovation Fund, read from the
 *     database and drawn, as the download route does);
 *   - the gzipped JavaScript a browser downloads for a public page (goal 0), a question page (goal ≤ 100 KB)
 *     and the task list.
 * autocannon on 127.0.0.1; BENCH_SECONDS (10), BENCH_WARMUP (5), BENCH_CONNECTIONS (10), BENCH_PDFS (50).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const WARMUP = Number(process.env.BENCH_WARMUP || 5);
const PDFS = Number(process.env.BENCH_PDFS || 50);
const PORT = 3111;
const BASE = `http://127.0.0.1:${PORT}`;
const MEMBER = "maria@ramsey-timebank.example.org";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-bench-apply-"));
const dbUrl = `file:${path.join(dir, "bench.db")}`;
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl, SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123", MAIL_WORKER: "off" };
const children: ChildProcess[] = [];

function run(cmd: string, args: string[], extra: Record<string, string> = {}) {
  execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...env, ...extra } });
}

function start(): Promise<void> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["bench/servers/portal.ts"], { env: { ...env, PORT: String(PORT) }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code: number | null) => reject(new Error(`the portal exited with ${code}`)));
  });
}

/** A cookie jar of one: the session cookie the portal sets. */
function cookieOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const page = await fetch(`${BASE}/sign-in`);
  let cookie = cookieOf(page, jar);
  const res = await fetch(`${BASE}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: csrfIn(await page.text()), email, password: "community-grants-demo" }),
  });
  cookie = cookieOf(res, jar);
  const account = await fetch(`${BASE}/account`, { headers: { Cookie: cookie } });
  if (account.status !== 200) throw new Error(`Signing in as ${email} failed (${res.status}, then ${account.status})`);
  return { cookie, csrf: csrfIn(await account.text()) };
}

async function measure(opts: autocannon.Options, expectStatus: number) {
  const result = await autocannon({ connections: CONNECTIONS, ...opts });
  const ok = expectStatus === 200 ? result["2xx"] : result["3xx"];
  const failures = result.requests.sent - ok;
  if (result.errors + result.timeouts > 0 || failures > CONNECTIONS) {
    throw new Error(`${opts.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${failures} answers other than ${expectStatus} (${JSON.stringify(result.statusCodeStats)})`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** The scripts a browser loads for a page (script tags and module preloads), gzipped at level 9. */
async function javascriptOf(url: string, cookie = ""): Promise<{ files: number; gzip: number }> {
  const html = await (await fetch(url, { headers: { Cookie: cookie } })).text();
  const srcs = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]));
  // A module that imports others: a browser follows `import` statements too.
  const seen = new Set<string>();
  let gzip = 0;
  const load = async (src: string) => {
    const abs = new URL(src, url).toString();
    if (seen.has(abs)) return;
    seen.add(abs);
    const body = Buffer.from(await (await fetch(abs)).arrayBuffer());
    gzip += gzipSync(body, { level: 9 }).length;
    for (const m of body.toString("utf8").matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) await load(new URL(m[1], abs).toString());
  };
  for (const src of srcs) await load(src);
  return { files: seen.size, gzip };
}

async function pdfTimings(): Promise<{ median: number; p95: number; mean: number; bytes: number; pages: string }> {
  process.env.DATABASE_URL = dbUrl;
  const { getDb } = await import("~db/client");
  const { applicationCopyPdf } = await import("~/domain/applications/application-pdf.server");
  const db = getDb();
  const full = await db.selectFrom("applications").select(["id", "lead_contact_user_id"]).where("stage", "=", "full").orderBy("id").executeTakeFirstOrThrow();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < PDFS + 5; i++) {
    const t = performance.now();
    const pdf = await applicationCopyPdf(db, full.lead_contact_user_id, full.id);
    if (i >= 5) times.push(performance.now() - t);
    bytes = pdf.buffer.length;
  }
  times.sort((a, b) => a - b);
  const pages = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec((await applicationCopyPdf(db, full.lead_contact_user_id, full.id)).buffer.toString("latin1"))?.[1] ?? "?";
  await db.destroy();
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], mean: times.reduce((a, b) => a + b, 0) / times.length, bytes, pages };
}

async function main() {
  console.log(`Building the benchmark bundle and seeding ${dbUrl} …`);
  run("npm", ["run", "build:css", "--silent"]);
  run(path.resolve("node_modules/.bin/remix"), ["build"], { BENCH_BUILD: "1" });
  run(path.resolve("node_modules/.bin/tsx"), ["db/cli.ts", "seed"], { NODE_ENV: "development" });
  await start();

  const member = await signIn(MEMBER);
  // A draft to look at, and one draft per connection to save into (each connection counts its section's versions).
  const startPage = await fetch(`${BASE}/funds/community-reach-fund/check/you-can-apply?group_type=charity&in_cambridgeshire=yes&amount=up_to_1000&purpose=community_activity`, { headers: { Cookie: member.cookie } });
  const started = await fetch(`${BASE}/applications/start`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: member.cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: csrfIn(await startPage.text()), fund: "community-reach-fund" }),
  });
  const taskList = `${BASE}${started.headers.get("location")}`;
  if (!/\/applications\/\d+$/.test(taskList)) throw new Error(`Starting an application went to ${taskList}`);
  const draftId = Number(taskList.split("/").pop());
  const drafts = await cloneDrafts(draftId, CONNECTIONS);

  const rows: { name: string; rps: number; p50: number; p99: number; floor: number }[] = [];
  const floorUrl = `${BASE}/bench/floor`;
  await measure({ url: floorUrl, duration: WARMUP, headers: { Cookie: member.cookie } }, 200);
  const floor = await measure({ url: floorUrl, duration: SECONDS, headers: { Cookie: member.cookie } }, 200);
  rows.push({ name: "(a) floor: trivial route, signed in", ...floor, floor: floor.rps });

  await measure({ url: taskList, duration: WARMUP, headers: { Cookie: member.cookie } }, 200);
  const page = await measure({ url: taskList, duration: SECONDS, headers: { Cookie: member.cookie } }, 200);
  rows.push({ name: "(b) task list page", ...page, floor: floor.rps });

  // Saving: each connection saves its own draft's section, one request after another, sending the version
  // it saved last (autocannon keeps no state per connection, so this loop is ours: fetch, keep-alive).
  const saveLoop = async (seconds: number) => {
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      drafts.map(async (d) => {
        while (performance.now() < until) {
          const t = performance.now();
          const res = await fetch(`${BASE}/applications/${d.id}/activity/project-title`, {
            method: "POST",
            redirect: "manual",
            headers: { Cookie: member.cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ csrf: member.csrf, intent: "continue", version: String(d.version), project_title: `Saturday club ${d.version}` }),
          });
          await res.arrayBuffer();
          if (res.status !== 302) throw new Error(`Saving a section answered ${res.status}`);
          latencies.push(performance.now() - t);
          d.version += 1;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { rps: latencies.length / seconds, p50: Math.round(latencies[Math.floor(latencies.length / 2)]), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]) };
  };
  await saveLoop(WARMUP);
  const save = await saveLoop(SECONDS);
  rows.push({ name: "(c) save a section (POST, redirect)", ...save, floor: floor.rps });

  const js = {
    publicPage: await javascriptOf(`${BASE}/funds/community-reach-fund`),
    questionPage: await javascriptOf(`${taskList}/activity/project-title`, member.cookie),
    taskList: await javascriptOf(taskList, member.cookie),
  };
  for (const c of children) c.kill("SIGTERM");
  const pdf = await pdfTimings();

  console.log(`\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after ${WARMUP} s warm-up, 127.0.0.1, ${os.cpus().length} cores, Node ${process.version}, SQLite\n`);
  console.log("target".padEnd(40), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "÷ floor".padStart(9));
  for (const r of rows) console.log(r.name.padEnd(40), r.rps.toFixed(0).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8), (r.rps / r.floor).toFixed(2).padStart(9));
  console.log(`\ntask list page at ${((page.rps / floor.rps) * 100).toFixed(0)} % of the floor (goal: 80 %)`);
  console.log(`\napplication PDF (a seeded full application, ${pdf.pages} pages, ${(pdf.bytes / 1024).toFixed(0)} KB; read and drawn ${PDFS} times): median ${pdf.median.toFixed(1)} ms, p95 ${pdf.p95.toFixed(1)} ms, mean ${pdf.mean.toFixed(1)} ms`);
  console.log("\nJavaScript a browser downloads (gzip -9):");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`  public page (a fund's page)   ${kb(js.publicPage.gzip).padStart(9)} in ${js.publicPage.files} files (goal 0)`);
  console.log(`  question page                 ${kb(js.questionPage.gzip).padStart(9)} in ${js.questionPage.files} files (goal ≤ 100 KB)`);
  console.log(`  task list                     ${kb(js.taskList.gzip).padStart(9)} in ${js.taskList.files} files`);
}

/** Copies of the started draft, one per connection, each with no section saved yet (version 0). */
async function cloneDrafts(id: number, n: number): Promise<{ id: number; version: number }[]> {
  process.env.DATABASE_URL = dbUrl;
  const { createDb } = await import("~db/client");
  const { db } = createDb(dbUrl);
  const row = await db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const out: { id: number; version: number }[] = [];
  for (let i = 0; i < n; i++) {
    const { id: _id, created_at: _c, updated_at: _u, ...copy } = row;
    const { id: newId } = await db.insertInto("applications").values(copy).returning("id").executeTakeFirstOrThrow();
    out.push({ id: newId, version: 0 });
  }
  await db.destroy();
  return out;
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });
