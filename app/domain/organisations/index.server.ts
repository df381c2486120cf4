/** What routes call for groups and staff: the operations bound to the portal's database. */
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb } from "~db/client";
import * as groups from "./organisations.server";
import * as staff from "~/domain/staff/staff.server";
import { ORG_TYPES } from "./identifiers";

function bind<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
  return (...args: A) => fn(getDb(), ...args);
}

export const groupsService = {
  createGroup: bind(groups.createGroup),
  myGroups: bind(groups.myGroups),
  groupPage: bind(groups.groupPage),
  inviteMember: bind(groups.inviteMember),
  revokeInvitation: bind(groups.revokeInvitation),
  viewInvitation: bind(groups.viewInvitation),
  acceptInvitation: bind(groups.acceptInvitation),
  removeMember: bind(groups.removeMember),
  setMemberRole: bind(groups.setMemberRole),
  actingGroup: bind(groups.actingGroup),
  actFor: bind(groups.actFor),
  districts: () => getDb().selectFrom("districts").select(["code", "name"]).orderBy("name").execute(),
  orgTypes: ORG_TYPES,
};

export const staffService = {
  inviteStaff: bind(staff.inviteStaff),
  listStaff: bind(staff.listStaff),
  staffDetail: bind(staff.staffDetail),
  addGrant: bind(staff.addGrant),
  revokeGrant: bind(staff.revokeGrant),
  setStaffActive: bind(staff.setStaffActive),
  resetStaffTwoFactor: bind(staff.resetStaffTwoFactor),
  grantOptions: bind(staff.grantOptions),
};

/** Thrown by the services when a thing does not exist for this person: the route answers 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof groups.NotFound || error instanceof staff.NotAllowed;
}

export const LAST_ADMIN = groups.LAST_ADMIN;
