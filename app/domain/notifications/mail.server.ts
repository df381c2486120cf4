/** Starting the mail worker the way the server and `npm run worker` both do. */
import { getDbHandle } from "~/utils/db.server";
import { readMailConfig, type MailConfig } from "~/utils/mail-config.server";
import { createTransportFromConfig } from "~/utils/mail-transport.server";
import { getServiceSettings } from "~/domain/settings/settings.server";
import type { EmailContext } from "~emails/index";
import { MailWorker } from "./mail-worker.server";
import { PORTAL_JOBS, registerJobs } from "./scheduled-jobs.server";

export async function emailContext(config: MailConfig = readMailConfig()): Promise<EmailContext> {
  const s = await getServiceSettings();
  return {
    operatorName: s.operatorName,
    serviceName: s.serviceName,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone,
    serviceUrl: config.publicUrl,
  };
}

export async function startMailWorker(config: MailConfig = readMailConfig()): Promise<{ worker: MailWorker; description: string }> {
  const { db, engine } = getDbHandle();
  const transport = createTransportFromConfig(config);
  await registerJobs(db, PORTAL_JOBS);
  const worker = new MailWorker({
    db,
    engine,
    transport,
    from: config.from,
    context: () => emailContext(config),
    jobs: PORTAL_JOBS,
  });
  worker.start();
  return { worker, description: transport.description };
}
