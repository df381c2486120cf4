import { Migrator, type Kysely, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { Engine } from "./client";
import { migrations } from "./migrations/index";

/** Hands Kysely the statically imported migrations, each bound to the engine it runs on. */
export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations() {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        {
          up: (db: Kysely<any>) => m.up(db, this.engine),
          down: m.down ? (db: Kysely<any>) => m.down!(db, this.engine) : undefined,
        },
      ]),
    );
  }
}

function migrator(db: Kysely<any>, engine: Engine) {
  return new Migrator({ db, provider: new StaticMigrationProvider(engine) });
}

function check({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  return check(await migrator(db, engine).migrateToLatest());
}

/** Undoes every migration (used by db:reset). */
export async function migrateDownToZero(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const m = migrator(db, engine);
  const undone: string[] = [];
  for (;;) {
    const result = await m.migrateDown();
    const names = check(result);
    if (names.length === 0) return undone;
    undone.push(...names);
  }
}
