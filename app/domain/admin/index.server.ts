/** What routes call for the fund administrators' screens: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as list from "./applications-list.server";
import * as view from "./application-view.server";
import * as audit from "./audit-log.server";
import * as deprivation from "~/domain/deprivation/deprivation.server";
import * as setup from "~/domain/funds/setup.server";
import * as editor from "~/domain/forms/editor.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const adminApplications = {
  listScope: bind(list.listScope),
  listApplications: bind(list.listApplications),
  exportApplications: bind(list.exportApplications),
  staffApplicationView: bind(view.staffApplicationView),
  addNote: bind(view.addNote),
  setDeprivedFlag: bind(deprivation.setDeprivedFlag),
};

export const auditLog = {
  auditEvents: bind(audit.auditEvents),
  listAudit: bind(audit.listAudit),
};

export const fundSetup = {
  adminFunds: bind(setup.adminFunds),
  fundOverview: bind(setup.fundOverview),
  createFund: bind(setup.createFund),
  fundForEdit: bind(setup.fundForEdit),
  updateFund: bind(setup.updateFund),
  roundForm: bind(setup.roundForm),
  saveRound: bind(setup.saveRound),
  budgetForm: bind(setup.budgetForm),
  setBudget: bind(setup.setBudget),
  criteriaForm: bind(setup.criteriaForm),
  saveCriteria: bind(setup.saveCriteria),
  eligibilityForm: bind(setup.eligibilityForm),
  saveEligibility: bind(setup.saveEligibility),
};

/** The form editor: drafts of a fund stage's form, their preview and publishing (docs/decisions/0013). */
export const formEditor = {
  editorPage: bind(editor.editorPage),
  startDraft: bind(editor.startDraft),
  editStep: bind(editor.editStep),
  discardDraft: bind(editor.discardDraft),
  questionForm: bind(editor.questionForm),
  saveQuestion: bind(editor.saveQuestion),
  sectionForm: bind(editor.sectionForm),
  saveSection: bind(editor.saveSection),
  previewPage: bind(editor.previewPage),
  publishSummary: bind(editor.publishSummary),
  publish: bind(editor.publish),
};
export type { Step as FormEditStep } from "~/domain/forms/editor.server";

export { SCAN_STATES, NOTE_MAX } from "./application-view.server";
export { REASON_MAX } from "~/domain/deprivation/deprivation.server";
export { PAGE_SIZE } from "./applications-list.server";
