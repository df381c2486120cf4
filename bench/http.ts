/**
 * npm run bench:http — requests per second for the portal's public pages against two baselines, in one run:
 *   (a) a bare node:http server sending the start page's HTML (the ceiling);
 *   (b) the framework floor: a trivial Remix route on the same express server and root layout;
 *   (c) the portal's start page and (d) a fund page.
 * autocannon on 127.0.0.1, 10 connections, 5 s warm-up (discarded) then 10 s measured per target.
 * Prints req/s, p50 and p99 latency, and each page's ratio to the floor (goal: at least 0.8).
 * BENCH_SECONDS, BENCH_WARMUP and BENCH_CONNECTIONS override the duration, warm-up and connections.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const WARMUP = Number(process.env.BENCH_WARMUP || 5);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-bench-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
};
const children: ChildProcess[] = [];

function run(cmd: string, args: string[], extra: Record<string, string> = {}) {
  execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...env, ...extra } });
}

function start(script: string, port: number, extra: Record<string, string> = {}): Promise<void> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), [script], {
    env: { ...env, PORT: String(port), ...extra },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code: number | null) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function measure(url: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${url}: ${failures} failed responses`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average };
}

async function main() {
  console.log(`Building the benchmark bundle and seeding ${env.DATABASE_URL} …`);
  run("npm", ["run", "build:css", "--silent"]);
  run(path.resolve("node_modules/.bin/remix"), ["build"], { BENCH_BUILD: "1" });
  run(path.resolve("node_modules/.bin/tsx"), ["db/cli.ts", "seed"], { NODE_ENV: "development" });

  await start("bench/servers/portal.ts", 3101);
  const startHtml = await (await fetch("http://127.0.0.1:3101/")).text();
  fs.writeFileSync(path.join(dir, "start.html"), startHtml);
  await start("bench/servers/bare.ts", 3100, { HTML_FILE: path.join(dir, "start.html") });

  const targets = [
    { name: "(a) bare node:http, start page HTML", url: "http://127.0.0.1:3100/" },
    { name: "(b) floor: trivial Remix route", url: "http://127.0.0.1:3101/bench/floor" },
    { name: "(c) portal start page /", url: "http://127.0.0.1:3101/" },
    { name: "(d) portal fund page", url: "http://127.0.0.1:3101/funds/community-reach-fund" },
  ];
  const rows: { name: string; rps: number; p50: number; p99: number }[] = [];
  for (const t of targets) {
    await measure(t.url, WARMUP);
    const r = await measure(t.url, SECONDS);
    rows.push({ name: t.name, ...r });
    console.log(`  measured ${t.name}`);
  }
  const floor = rows[1].rps;
  console.log(`\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after ${WARMUP} s warm-up, 127.0.0.1, ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log("target".padEnd(40), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "÷ floor".padStart(9));
  for (const r of rows) {
    console.log(r.name.padEnd(40), r.rps.toFixed(0).padStart(9), String(r.p50).padStart(8), String(r.p99).padStart(8), (r.rps / floor).toFixed(2).padStart(9));
  }
  const worst = Math.min(rows[2].rps, rows[3].rps) / floor;
  console.log(`\nportal pages at ${(worst * 100).toFixed(0)} % of the floor or better (goal: 80 %)`);
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
