/**
 * npm run admin:create -- --email someone@council.example.org --name "Their Name"
 *
 * Makes a service administrator and prints a one-time set-up link (72 hours) where they choose a password
 * and set up two-factor authentication. In production this is the only way to make the first one; after
 * that, service administrators invite staff from the portal. Run it on a machine that can reach the
 * portal's database (DATABASE_URL), with PUBLIC_URL set to the portal's address.
 */
import { parseArgs } from "node:util";
import { closeDb, getDbHandle } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { createServiceAdmin } from "~/domain/accounts/accounts.server";
import { readMailConfig } from "~/utils/mail-config.server";

async function main(): Promise<number> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run admin:create -- --email someone@example.org --name "Full Name"`);
    return 2;
  }
  if (!values.email || !values.name) {
    console.error('Usage: npm run admin:create -- --email someone@example.org --name "Full Name"');
    return 2;
  }
  const handle = getDbHandle();
  await migrateToLatest(handle.db, handle.engine);
  try {
    const { token } = await createServiceAdmin(handle.db, { email: values.email, fullName: values.name });
    const url = `${readMailConfig().publicUrl}/account/set-up?token=${token}`;
    console.log(`Service administrator ${values.email} is ready to set up.`);
    console.log("Give them this one-time link (it works once, for 72 hours; running this again replaces it):");
    console.log(url);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error);
    await closeDb();
    process.exit(1);
  });
