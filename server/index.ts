/**
 * npm start: migrate (and, outside production, seed an empty database), then serve the Remix build.
 * SIGTERM/SIGINT stop taking connections, finish the requests in flight, close the database and exit.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { closeDb, getDbHandle } from "~db/client";
import { describeDatabase, prepareDatabase } from "~db/setup";
import { startMailWorker } from "~/domain/notifications/mail.server";
import { describeUploads } from "~/domain/documents/documents.server";
import { assertMailConfiguredForProduction, readMailConfig } from "~/utils/mail-config.server";
import { assertSessionSecretForProduction } from "~/utils/secrets.server";
import { createApp } from "./app";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const mailConfig = readMailConfig();
  assertMailConfiguredForProduction(mailConfig, config.production);
  assertSessionSecretForProduction(process.env, config.production);
  if (config.production && config.trustProxy === true) {
    // "true" believes whatever X-Forwarded-For a client sends, which defeats every per-address limit.
    throw new Error("TRUST_PROXY=true is refused in production: give the number of proxies in front of the portal (for example TRUST_PROXY=1) or their addresses.");
  }
  let mocks = "";
  if (process.env.MOCKS === "true") {
    if (config.production) throw new Error("MOCKS=true is for tests and demos; it cannot be used with NODE_ENV=production.");
    const { startMocks, handlers } = await import("../tests/mocks/index");
    startMocks();
    mocks = `  outside services: mocked (${handlers.length} handler(s) from tests/mocks)`;
  }
  const uploads = describeUploads(); // a bad UPLOAD_MAX_BYTES or CLAMAV_PORT stops the start, not an upload
  const handle = getDbHandle();
  const { applied, seeded } = await prepareDatabase(handle, { seed: !config.production });

  // The mail worker runs in this process unless MAIL_WORKER=off (then run `npm run worker` beside it).
  const mail = process.env.MAIL_WORKER === "off" ? null : await startMailWorker(mailConfig);

  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp({ build, production: config.production, trustProxy: config.trustProxy, publicUrl: mailConfig.publicUrl });

  const server = app.listen(config.port, config.host, () => {
    const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
    console.log(
      [
        `Community grants portal at http://${shownHost}:${config.port} (${config.production ? "production" : "development"})`,
        `  database: ${describeDatabase(handle)}${applied.length ? `, ${applied.length} migration(s) applied` : ""}`,
        mail ? `  email: ${mail.description}, sent by the worker in this process` : "  email: MAIL_WORKER=off, so `npm run worker` must run beside this server",
        `  uploads: ${uploads}`,
        mocks || null,
        seeded ? `  seeded demo data: ${seeded.funds} funds, ${seeded.rounds} rounds, ${seeded.users} users (see README for demo accounts)` : null,
      ]
        .filter(Boolean)
        .join("\n"),
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      console.error("Requests still open after the shutdown timeout; stopping anyway.");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // Stop taking mail and requests at once; finish what is in hand; then close the database.
    const mailStopped = mail?.worker.stop() ?? Promise.resolve();
    server.close(() => {
      mailStopped
        .then(() => closeDb())
        .then(() => process.exit(0))
        .catch((error) => {
          console.error("Error while stopping:", error);
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch(async (error) => {
  console.error("The portal could not start:", error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
