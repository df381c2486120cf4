/** A mail worker in its own process, for the test that kills one mid-batch (mail-worker.test.ts). */
import { createDb } from "~db/client";
import { MailWorker } from "~/domain/notifications/mail-worker.server";
import { createSmtpTransport } from "~/utils/mail-transport.server";

const { db, engine } = createDb(process.env.DATABASE_URL);
const worker = new MailWorker({
  db,
  engine,
  transport: createSmtpTransport(process.env.SMTP_URL!),
  from: "no-reply@grants.example.org",
  context: async () => ({
    operatorName: "Cambridgeshire County Council",
    serviceName: "Apply for a community grant",
    contactEmail: "community.grants@council.example.org",
    contactPhone: null,
    serviceUrl: "http://localhost:3000",
  }),
  id: "doomed",
  leaseMs: Number(process.env.LEASE_MS || 1500),
  batchSize: 40,
  concurrency: 2,
  pollMs: 20,
  log: (line) => console.error(line),
});
worker.start();
