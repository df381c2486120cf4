/**
 * Every migration, imported statically so the server bundle, the CLIs and the tests run the same list
 * (Kysely's FileMigrationProvider imports files at run time, which a bundle cannot follow).
 * Add a new migration here, named YYYYMMDDHHMMSS_verb_noun.
 */
import type { EngineMigration } from "./helpers";
import * as createCoreTables from "./20261122000000_create_core_tables";
import * as createServiceSettings from "./20261122010000_create_service_settings";
import * as createScheduledJobs from "./20261122020000_create_scheduled_jobs";
import * as createAccounts from "./20261122030000_create_accounts";
import * as createGroups from "./20261122040000_create_groups";
import * as createSubmissions from "./20261130000000_create_submissions";
import * as createDocumentsAndComments from "./20261130010000_create_documents_and_comments";
import * as addAdminIndexes from "./20261201000000_add_admin_indexes";
import * as createDecisions from "./20261202000000_create_decisions";
import * as createReminders from "./20261205000000_create_reminders";
import * as addApplicationCoordinator from "./20261207000000_add_application_coordinator";
import * as createDeprivation from "./20261207010000_create_deprivation";

export const migrations: Record<string, EngineMigration> = {
  "20261122000000_create_core_tables": createCoreTables,
  "20261122010000_create_service_settings": createServiceSettings,
  "20261122020000_create_scheduled_jobs": createScheduledJobs,
  "20261122030000_create_accounts": createAccounts,
  "20261122040000_create_groups": createGroups,
  "20261130000000_create_submissions": createSubmissions,
  "20261130010000_create_documents_and_comments": createDocumentsAndComments,
  "20261201000000_add_admin_indexes": addAdminIndexes,
  "20261202000000_create_decisions": createDecisions,
  "20261205000000_create_reminders": createReminders,
  "20261207000000_add_application_coordinator": addApplicationCoordinator,
  "20261207010000_create_deprivation": createDeprivation,
};
