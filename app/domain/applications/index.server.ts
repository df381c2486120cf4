/** What routes call for applications being filled in: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import { loadActor } from "~/domain/access/access.server";
import * as drafts from "./drafts.server";
import * as full from "./full-application.server";
import * as mine from "./my-applications.server";
import * as submission from "./submission.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const draftsService = {
  startApplication: bind(drafts.startApplication),
  taskList: bind(drafts.taskList),
  questionPage: bind(drafts.questionPage),
  savePage: bind(drafts.savePage),
  checkAnswers: bind(drafts.checkAnswers),
  nextStart: bind(full.nextStart),
  startNext: bind(full.startNext),
};

export const submissionService = {
  /** The check-answers page with what it says about sending. */
  async checkAndSend(userId: number, applicationId: number) {
    const db = getDb();
    const answers = await drafts.checkAnswers(db, userId, applicationId);
    return { ...answers, submission: await submission.submissionView(db, await loadActor(db, userId), applicationId) };
  },
  submit: bind(submission.submitApplication),
  submitted: bind(mine.submittedView),
};

export const myApplicationsService = {
  list: bind(mine.myApplications),
  withdrawal: bind(mine.withdrawalView),
  withdraw: bind(mine.withdrawApplication),
};

export { DraftNotFound } from "./drafts.server";
export type { SubmitProblem } from "./submission.server";
