/** What routes call for applications being filled in: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import { loadActor } from "~/domain/access/access.server";
import * as drafts from "./drafts.server";
import * as full from "./full-application.server";
import * as mine from "./my-applications.server";
import * as submission from "./submission.server";
import * as review from "./review-pages.server";
import * as preferences from "~/domain/notifications/preferences.server";

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

export const reviewService = {
  roundReview: bind(review.roundReview),
  decisionForm: bind(review.decisionForm),
  decide: bind(review.decide),
  batch: bind(review.batchView),
  runRest: bind(review.runRest),
  extension: bind(review.extensionView),
  extend: bind(review.extend),
  templates: bind(review.feedbackTemplates),
  saveTemplates: bind(review.saveFeedbackTemplates),
  preferences: bind(preferences.myPreferences),
  savePreferences: bind(preferences.setPreferences),
};

export { DraftNotFound } from "./drafts.server";
export { NotFoundError } from "./applications.server";
export type { SubmitProblem } from "./submission.server";
