/**
 * npm run worker: the mail worker (and scheduled jobs) on its own, for deployments that run it apart from
 * the web servers (set MAIL_WORKER=off on those). Several may run at once.
 */
import { closeDb, getDbHandle } from "~db/client";
import { describeDatabase } from "~db/setup";
import { migrateToLatest } from "~db/migrate";
import { startMailWorker } from "~/domain/notifications/mail.server";
import { assertMailConfiguredForProduction, readMailConfig } from "~/utils/mail-config.server";

async function main() {
  const config = readMailConfig();
  assertMailConfiguredForProduction(config, process.env.NODE_ENV === "production");
  const handle = getDbHandle();
  await migrateToLatest(handle.db, handle.engine);
  const { worker, description } = await startMailWorker(config);
  console.log(`Mail worker ${worker.id}\n  database: ${describeDatabase(handle)}\n  email: ${description}`);
  const stop = async (signal: string) => {
    console.log(`${signal} received: finishing the batch in hand, then stopping.`);
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch(async (error) => {
  console.error("The mail worker could not start:", error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
