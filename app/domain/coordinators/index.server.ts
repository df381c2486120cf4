/** What routes call for Community Coordinators' support: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as coordinators from "./coordinators.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const coordinatorService = {
  districtView: bind(coordinators.districtView),
  application: bind(coordinators.coordinatorApplication),
  giveAdvice: bind(coordinators.giveAdvice),
  takeOn: bind(coordinators.takeOn),
  groupAdvice: bind(coordinators.groupAdvice),
  reply: bind(coordinators.reply),
};
