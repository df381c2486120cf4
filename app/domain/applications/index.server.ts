/** What routes call for applications being filled in: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as drafts from "./drafts.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const draftsService = {
  startApplication: bind(drafts.startApplication),
  taskList: bind(drafts.taskList),
  questionPage: bind(drafts.questionPage),
  savePage: bind(drafts.savePage),
  checkAnswers: bind(drafts.checkAnswers),
};

export { DraftNotFound } from "./drafts.server";
