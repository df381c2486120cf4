/**
 * npm run bench:mail
 * 1. Throughput: enqueue 2,000 messages and deliver them through the mail worker (pooled SMTP, 5
 *    connections) to a local smtp-server in another process; prints messages/s from the first enqueue to
 *    the last delivery recorded (goal: at least 300/s).
 * 2. Isolation: the p99 latency of a trivial page on the portal's server, first with the worker idle, then
 *    with 2,000 messages due and the SMTP server hanging (accepting connections, never answering). The mail
 *    worker runs inside the server process, as with npm start. The p99 must not move.
 * BENCH_MESSAGES and BENCH_SECONDS override the counts.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { SAMPLE_APPLICATION } from "~emails/application-data";
import { MailWorker } from "~/domain/notifications/mail-worker.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { createSmtpTransport } from "~/utils/mail-transport.server";

const MESSAGES = Number(process.env.BENCH_MESSAGES || 2000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
/** Messages in flight at once; the pool has 5 connections, so more than 5 lets rendering overlap the network. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-bench-mail-"));
const children: ChildProcess[] = [];
const tsx = path.resolve("node_modules/.bin/tsx");

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`a helper process exited with ${code}`)));
  });
}

async function fill(url: string, n: number) {
  const handle = createDb(url);
  await migrateToLatest(handle.db, handle.engine);
  const started = performance.now();
  // One transaction per 100, as a bulk decision would write them.
  for (let i = 0; i < n; i += 100) {
    await handle.db.transaction().execute((trx) =>
      enqueue(trx, {
        template: "application-received",
        data: SAMPLE_APPLICATION,
        reference: SAMPLE_APPLICATION.reference,
        recipients: Array.from({ length: Math.min(100, n - i) }, (_, j) => ({ email: `member${i + j}@group.example.org` })),
      }),
    );
  }
  return { handle, enqueueMs: performance.now() - started };
}

async function throughput() {
  const smtp = spawn(tsx, [path.resolve("bench/servers/smtp-sink.ts")], {
    env: { ...process.env, PORT: "2526", MODE: "accept" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(smtp);
  await waitReady(smtp);
  const url = `file:${path.join(dir, "throughput.db")}`;
  const started = performance.now();
  const { handle, enqueueMs } = await fill(url, MESSAGES);
  const worker = new MailWorker({
    db: handle.db,
    engine: handle.engine,
    transport: createSmtpTransport("smtp://127.0.0.1:2526?ignoreTLS=true"),
    from: "no-reply@grants.example.org",
    context: async () => ({ operatorName: "Cambridgeshire County Council", serviceName: "Apply for a community grant", contactEmail: "help@example.org", contactPhone: null, serviceUrl: "http://localhost:3000" }),
    batchSize: 100,
    concurrency: CONCURRENCY,
    log: () => {},
  });
  let sent = 0;
  for (;;) {
    const r = await worker.runOnce();
    sent += r.sent;
    if (r.claimed === 0) break;
  }
  const totalMs = performance.now() - started;
  const pending = await handle.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "!=", "sent").executeTakeFirstOrThrow();
  await worker.stop();
  await handle.db.destroy();
  return { sent, enqueueMs, totalMs, notSent: Number(pending.n) };
}

async function p99(url: string) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS });
  if (r.non2xx + r.errors > 0) throw new Error(`${url}: ${r.non2xx + r.errors} failed responses`);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}

async function isolation() {
  execFileSync("npm", ["run", "build:css", "--silent"], { stdio: "ignore" });
  execFileSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "ignore", env: { ...process.env, BENCH_BUILD: "1" } });
  const hang = spawn(tsx, [path.resolve("bench/servers/smtp-sink.ts")], { env: { ...process.env, PORT: "2527", MODE: "hang" }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(hang);
  await waitReady(hang);

  const idleUrl = `file:${path.join(dir, "idle.db")}`;
  const idle = createDb(idleUrl);
  await migrateToLatest(idle.db, idle.engine);
  await idle.db.destroy();
  const busyUrl = `file:${path.join(dir, "busy.db")}`;
  const { handle } = await fill(busyUrl, MESSAGES);
  await handle.db.destroy();

  const results: Record<string, Awaited<ReturnType<typeof p99>>> = {};
  for (const [label, dbUrl, port] of [["worker idle (nothing to send)", idleUrl, 3111], [`${MESSAGES} due, SMTP server hanging`, busyUrl, 3112]] as const) {
    const server = spawn(tsx, [path.resolve("bench/servers/portal.ts")], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl, PORT: String(port), SMTP_URL: "smtp://127.0.0.1:2527?ignoreTLS=true" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(server);
    await waitReady(server);
    await p99(`http://127.0.0.1:${port}/bench/floor`); // warm-up, discarded
    results[label] = await p99(`http://127.0.0.1:${port}/bench/floor`);
    server.kill("SIGTERM");
  }
  return results;
}

async function main() {
  const t = await throughput();
  console.log(`\nbench:mail — ${os.cpus().length} cores, Node ${process.version}, SQLite (WAL, synchronous FULL), smtp-server in another process\n`);
  console.log(`throughput: ${t.sent} messages delivered in ${(t.totalMs / 1000).toFixed(2)} s end to end = ${(t.sent / (t.totalMs / 1000)).toFixed(0)} messages/s (goal 300/s)`);
  console.log(`  of which enqueueing ${MESSAGES} rows in transactions of 100: ${t.enqueueMs.toFixed(0)} ms; not delivered: ${t.notSent}`);
  const iso = await isolation();
  console.log(`\ntrivial page (/bench/floor), autocannon 10 connections, ${SECONDS} s, mail worker in the server process:`);
  for (const [label, r] of Object.entries(iso)) {
    console.log(`  ${label.padEnd(40)} p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   ${r.rps.toFixed(0)} req/s`);
  }
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill("SIGTERM"); // tsx passes SIGTERM on to the script; SIGKILL would orphan it
    fs.rmSync(dir, { recursive: true, force: true });
  });
