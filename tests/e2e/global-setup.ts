/**
 * Starts the portal once for the browser suite: a fresh SQLite database in a temp folder, seeded,
 * MOCKS=true so no outside service is called, on a free port on 127.0.0.1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

let server: ChildProcess | undefined;

export async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grants-e2e-"));
  const port = await freePort();
  const log = fs.createWriteStream(path.join(dataDir, "server.log"));
  // npm start builds first, exactly as a newcomer's first run does.
  server = spawn("npm", ["start", "--silent"], {
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      // Links in emails point at the address the browser uses, so its cookies go with them.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MOCKS: "true",
      // The registers are looked up (and answered by tests/mocks) as on a portal with API keys.
      CHARITY_COMMISSION_API_KEY: "e2e-test-key",
      COMPANIES_HOUSE_API_KEY: "e2e-test-key",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(`The server stopped before it was ready; see ${path.join(dataDir, "server.log")}:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`);
    }
    try {
      const res = await fetch(`${baseUrl}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The server did not answer within 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);
}

export async function teardown() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM"); // the whole group: npm and the node it started
    } catch {
      // already gone
    }
  }
}
