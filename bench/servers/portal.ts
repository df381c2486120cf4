/** The portal's express server around the benchmark build (the portal's routes plus /bench/floor). */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getDbHandle } from "~db/client";
import { MailWorker } from "~/domain/notifications/mail-worker.server";
import { createSmtpTransport } from "~/utils/mail-transport.server";
import { createApp } from "../../server/app";

const build = (await import(pathToFileURL(path.resolve("bench/.build/index.js")).href)) as ServerBuild;
const handle = getDbHandle();
// bench:mail runs the mail worker in this process, as npm start does, to show it never holds up pages.
if (process.env.SMTP_URL) {
  new MailWorker({
    db: handle.db,
    engine: handle.engine,
    transport: createSmtpTransport(process.env.SMTP_URL),
    from: "no-reply@grants.example.org",
    context: async () => ({ operatorName: "Council", serviceName: "Grants", contactEmail: "help@example.org", contactPhone: null, serviceUrl: "http://localhost" }),
    log: () => {},
  }).start();
}
const app = createApp({ build, production: true, trustProxy: false, publicDir: path.resolve("bench/.build/public") });
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
