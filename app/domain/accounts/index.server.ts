/**
 * What routes call: the account operations bound to the portal's database. The operations themselves take
 * the database as their first argument (accounts.server.ts), so tests give them their own.
 */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as ops from "./accounts.server";
import { listOutbox, readOutboxMessage } from "./outbox-view.server";
import { extendSession } from "./sessions.server";
import { twoFactorSetupPage } from "./two-factor-setup.server";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const accounts = {
  register: bind(ops.register),
  verifyEmail: bind(ops.verifyEmail),
  checkVerifyLink: bind(ops.checkVerifyLink),
  signIn: bind(ops.signIn),
  completeTwoFactor: bind(ops.completeTwoFactor),
  useRecoveryCode: bind(ops.useRecoveryCode),
  beginTwoFactorSetup: bind(ops.beginTwoFactorSetup),
  confirmTwoFactorSetup: bind(ops.confirmTwoFactorSetup),
  finishTwoFactorSetup: bind(ops.finishTwoFactorSetup),
  twoFactorSetupPage: bind(twoFactorSetupPage),
  regenerateRecoveryCodes: bind(ops.regenerateRecoveryCodes),
  recoveryCodesLeft: bind(ops.recoveryCodesLeft),
  disableTwoFactor: bind(ops.disableTwoFactor),
  isStaffUser: bind(ops.isStaffUser),
  requestPasswordReset: bind(ops.requestPasswordReset),
  checkResetLink: bind(ops.checkResetLink),
  resetPassword: bind(ops.resetPassword),
  changePassword: bind(ops.changePassword),
  signOut: bind(ops.signOut),
  checkSetupLink: bind(ops.checkSetupLink),
  completeAccountSetup: bind(ops.completeAccountSetup),
  extendSession: bind(extendSession),
  listOutbox: bind(listOutbox),
  readOutboxMessage: bind(readOutboxMessage),
};

export type { FieldErrors, RequestInfo } from "./accounts.server";
