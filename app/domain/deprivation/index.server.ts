/** What routes call for the deprived-area flag's settings: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as deprivation from "./deprivation.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const deprivationService = {
  admin: bind(deprivation.deprivationAdmin),
  saveThreshold: bind(deprivation.saveThreshold),
  importEdition: bind(deprivation.importEdition),
  makeCurrent: bind(deprivation.makeEditionCurrent),
  receiver: deprivation.csvReceiver,
  maxBytes: () => deprivation.MAX_CSV_BYTES,
};
