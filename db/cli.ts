/**
 * npm run db:migrate | db:seed | db:reset
 * DATABASE_URL picks the database (unset: ./data/portal.db).
 */
import { closeDb, getDbHandle } from "./client";
import { migrateDownToZero, migrateToLatest } from "./migrate";
import { describeDatabase } from "./setup";
import { isEmpty, seedDemo } from "./seeds/index";
import { ensureReferenceEdition } from "~/domain/deprivation/deprivation.server";

async function main(command: string | undefined) {
  const production = process.env.NODE_ENV === "production";
  const handle = getDbHandle();
  const where = describeDatabase(handle);
  switch (command) {
    case "migrate": {
      const applied = await migrateToLatest(handle.db, handle.engine);
      await ensureReferenceEdition(handle.db);
      console.log(applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
      return 0;
    }
    case "seed": {
      if (production) {
        console.error("Refusing to seed a production database: the demo accounts have a published password and two-factor secrets. Use npm run admin:create.");
        return 1;
      }
      await migrateToLatest(handle.db, handle.engine);
      await ensureReferenceEdition(handle.db);
      if (!(await isEmpty(handle.db))) {
        console.log(`${where} already has data; nothing seeded. Use npm run db:reset to start again.`);
        return 0;
      }
      const s = await seedDemo(handle.db);
      console.log(`Seeded ${where}: ${s.funds} funds, ${s.rounds} rounds, ${s.users} users, ${s.organisations} groups.`);
      return 0;
    }
    case "reset": {
      if (production && !process.argv.includes("--force")) {
        console.error("Refusing to reset a production database. Add --force if you really mean to erase it.");
        return 1;
      }
      const undone = await migrateDownToZero(handle.db, handle.engine);
      await migrateToLatest(handle.db, handle.engine);
      await ensureReferenceEdition(handle.db);
      if (production) {
        console.log(`Reset ${where} (${undone.length} migration(s) undone and reapplied). Not seeded in production: use npm run admin:create.`);
        return 0;
      }
      const s = await seedDemo(handle.db);
      console.log(`Reset ${where} (${undone.length} migration(s) undone and reapplied) and seeded ${s.funds} funds, ${s.users} users.`);
      return 0;
    }
    default:
      console.error("Usage: tsx db/cli.ts migrate|seed|reset");
      return 2;
  }
}

main(process.argv[2])
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb();
    process.exit(1);
  });
