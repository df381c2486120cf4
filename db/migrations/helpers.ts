/**
 * Column types that read back the same on both engines (docs/decisions/0003-sqlite-postgres-type-mapping.md).
 * A migration receives the engine so it can pick the native type where the two differ.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from "kysely";
import type { Engine } from "../client";

export type MigrationFn = (db: Kysely<any>, engine: Engine) => Promise<void>;
export interface EngineMigration {
  up: MigrationFn;
  down?: MigrationFn;
}

export function types(engine: Engine) {
  const pg = engine === "postgres";
  return {
    timestamp: pg ? ("timestamptz" as const) : ("text" as const),
    json: pg ? ("jsonb" as const) : ("text" as const),
    money: "bigint" as const,
    now: pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  };
}

/** `id` (integer primary key), then `created_at` and `updated_at` after the caller's columns. */
export function table<T extends string>(
  db: Kysely<any>,
  engine: Engine,
  name: T,
  columns: (t: CreateTableBuilder<T, any>) => CreateTableBuilder<T, any>,
  opts: { versioned?: boolean } = {},
) {
  const t = types(engine);
  let builder = db.schema
    .createTable(name)
    .addColumn("id", "integer", (c: ColumnDefinitionBuilder) =>
      engine === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    );
  builder = columns(builder as CreateTableBuilder<T, any>) as typeof builder;
  builder = builder
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now));
  if (opts.versioned) builder = builder.addColumn("version", "integer", (c) => c.notNull().defaultTo(1));
  return builder;
}
