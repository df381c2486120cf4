/**
 * The typed shape of the database, as Kysely sees it.
 *
 * Representations are the same on SQLite and PostgreSQL (docs/decisions/0003-sqlite-postgres-type-mapping.md):
 * - ids are integers (sessions use a random text id);
 * - money is integer pence (`bigint` on PostgreSQL, read back as a JS number);
 * - times are UTC ISO-8601 strings with milliseconds ("2026-11-22T09:30:00.000Z");
 * - calendar dates are "YYYY-MM-DD" strings;
 * - flags are integers 0/1;
 * - JSON documents are read back as strings; parse them with `fromJson` in db/json.ts.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A UTC ISO timestamp with a database default. */
export type CreatedAt = ColumnType<string, string | undefined, never>;
export type UpdatedAt = ColumnType<string, string | undefined, string>;
/** Optimistic-concurrency counter for records that people edit. */
export type Version = ColumnType<number, number | undefined, number>;
export type Flag = 0 | 1;
/** A column the database fills in when an insert leaves it out. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** JSON is written and read as text; see db/json.ts. */
export type Json = string;

export type StaffRole = "service_admin" | "administrator" | "coordinator" | "panel_member" | "adviser";
export type GrantScope = "all" | "fund" | "district" | "round";
export type MemberRole = "admin" | "member";
export type FundStages = "single" | "two_stage";
export type Stage = "single" | "outline" | "full";
export type FundStatus = "draft" | "active" | "archived";

export interface UsersTable {
  id: Generated<number>;
  email: string; // normalised (NFKC, trimmed, lower-cased); unique
  full_name: string;
  password_hash: string | null;
  email_verified_at: string | null;
  totp_secret: string | null; // base32; set when two-factor set-up starts, in force once totp_enabled_at is set
  totp_enabled_at: string | null;
  totp_last_step: number | null; // the RFC 6238 step of the last code accepted (codes are single-use)
  password_changed_at: string | null;
  disabled_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie's random token; the token itself is never stored
  user_id: number;
  expires_at: string;
  absolute_expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  /** "active", or a sign-in part-way: "two_factor" (code still to give) or "two_factor_setup" (staff, no device yet). */
  stage: Defaulted<SessionStage>;
  /** Idle timeout chosen at sign-in: 30 minutes for staff, 2 hours for applicants. */
  idle_seconds: Defaulted<number>;
  /** Where to go once a part-way sign-in completes (an internal path). */
  return_to: string | null;
  device_hash: string | null;
  /** A two-factor secret being set up in this session, shown to no other. */
  totp_pending_secret: string | null;
  /** When this session confirmed a two-factor code (set-up, or sign-in). */
  second_factor_at: string | null;
  /** The group this person is acting for (they may belong to several). */
  acting_organisation_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type SessionStage = "active" | "two_factor" | "two_factor_setup";
export type TokenPurpose = "verify_email" | "reset_password" | "account_setup";

/** One-time links. Only the sha256 of the token is stored. */
export interface AuthTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: TokenPurpose;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  /** What using the link sets: for a confirmation link, the password hash chosen at that registration. */
  payload: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string; // "salt$sha256(salt + code)"
  used_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One row per counted attempt; a throttle counts the rows of its bucket inside its window. */
export interface ThrottleHitsTable {
  id: Generated<number>;
  bucket: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KnownDevicesTable {
  id: Generated<number>;
  user_id: number;
  device_hash: string;
  last_seen_at: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: StaffRole;
  scope: GrantScope;
  fund_id: number | null;
  district_code: string | null;
  round_id: number | null;
  granted_by_user_id: number | null;
  revoked_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DistrictsTable {
  id: Generated<number>;
  code: string; // ONS GSS code, e.g. E07000008
  name: string;
  county: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  org_type: string;
  charity_number: string | null;
  company_number: string | null;
  org_identifier: string | null; // 360Giving: GB-CHC-…, GB-COH-… or 360G-…
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  district_code: string | null;
  ward_code: string | null;
  lsoa_code: string | null;
  district_source: "postcode" | "chosen" | null;
  created_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface OrganisationInvitationsTable {
  id: Generated<number>;
  organisation_id: number;
  email: string; // normalised
  role: MemberRole;
  token_hash: string;
  invited_by_user_id: number | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_by_user_id: number | null;
  revoked_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganisationMembersTable {
  id: Generated<number>;
  organisation_id: number;
  user_id: number;
  role: MemberRole;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FundsTable {
  id: Generated<number>;
  code: string; // reference prefix, e.g. CRF, CIF
  slug: string;
  name: string;
  summary: string;
  description: string;
  who_can_apply: string;
  stages: FundStages;
  min_award_pence: number;
  max_award_pence: number;
  /** Most one group may hold from one district pot in one financial year (the Reach Fund cap); null = no cap. */
  group_cap_pence: number | null;
  /** Rounds per district (the Reach Fund) or countywide. */
  rounds_per_district: Defaulted<Flag>;
  status: Defaulted<FundStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface FundCriteriaTable {
  id: Generated<number>;
  fund_id: number;
  stage: Stage;
  key: string;
  title: string;
  description: string;
  weight_percent: number;
  max_score: number;
  descriptors: Json; // [{ score, label }]
  position: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface EligibilityQuestionsTable {
  id: Generated<number>;
  fund_id: number;
  key: string;
  position: number;
  question: string;
  hint: string | null;
  options: Json; // [{ value, label }]
  excluding_values: Json; // values that rule a group out
  ineligible_message: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface RoundsTable {
  id: Generated<number>;
  fund_id: number;
  name: string;
  slug: string;
  district_code: string | null; // null: countywide
  financial_year: number; // first calendar year of the April–March year
  opens_at: string;
  closes_at: string; // outline deadline for two-stage funds
  full_application_deadline: string | null;
  panel_date: string | null; // YYYY-MM-DD
  /** Form versions pinned when the round opened. */
  application_form_id: number | null; // single stage, or the full application
  outline_form_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface BudgetsTable {
  id: Generated<number>;
  fund_id: number;
  financial_year: number;
  area: string; // a district code, or "countywide"
  amount_pence: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface FormDefinitionsTable {
  id: Generated<number>;
  fund_id: number;
  stage: Stage;
  version_number: number;
  title: string;
  definition: Json; // sections → questions
  published_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ApplicationsTable {
  id: Generated<number>;
  reference: string | null; // null while a draft
  fund_id: number;
  round_id: number;
  organisation_id: number;
  stage: Stage;
  revision: Defaulted<number>;
  parent_application_id: number | null;
  form_definition_id: number;
  status: string; // one of the workflow's states (app/domain/applications/workflow.ts)
  lead_contact_user_id: number;
  title: string | null;
  amount_requested_pence: number | null;
  amount_awarded_pence: number | null;
  project_postcode: string | null;
  district_code: string | null;
  financial_year: number;
  submitted_at: string | null;
  decided_at: string | null;
  /** A deadline for this application alone (an invited full application's), instead of its round's. */
  deadline_at: Defaulted<string | null>;
  /** The Community Coordinator supporting the group with this application (set when one first advises). */
  coordinator_user_id: Defaulted<number | null>;
  /** Index of Multiple Deprivation decile of the project's (else the group's) LSOA, found at submission. */
  imd_decile: Defaulted<number | null>;
  /** The deprivation edition that decile came from, by name (e.g. IoD2019). */
  imd_edition: Defaulted<string | null>;
  imd_lsoa_code: Defaulted<string | null>;
  /** The deprived-area flag: set at submission by the rule, or by an administrator with a reason. */
  deprived_area: Defaulted<Flag>;
  /** An administrator's reason for setting or clearing the flag by hand (null: the rule decided). */
  deprived_area_reason: Defaulted<string | null>;
  deprived_area_set_by_user_id: Defaulted<number | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ApplicationSectionsTable {
  id: Generated<number>;
  application_id: number;
  section_key: string;
  answers: Json; // { [questionId]: value }
  completed: Defaulted<Flag>;
  updated_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null; // null: the system
  event: string; // e.g. application.transition, auth.sign_in
  entity_type: string | null;
  entity_id: number | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  ip: string | null;
  data: Json | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The last reference number given, per fund and financial year (references are FUND-YYYY-NNNNN). */
export interface ReferenceSequencesTable {
  id: Generated<number>;
  fund_id: number;
  financial_year: number;
  last_value: Defaulted<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A later deadline for one group in one round and stage. */
export interface RoundExtensionsTable {
  id: Generated<number>;
  round_id: number;
  organisation_id: number;
  stage: Stage;
  closes_at: string;
  reason: string | null;
  granted_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export type ScanState = "pending" | "clean" | "infected" | "not_scanned";

/** An uploaded file, stored under a random key (never its name) through the storage interface. */
export interface DocumentsTable {
  id: Generated<number>;
  application_id: number;
  section_key: string;
  question_id: string;
  storage_key: string;
  filename: string; // sanitised
  content_type: string; // from the file's content, not its name
  size_bytes: number;
  sha256: string;
  scan_state: Defaulted<ScanState>;
  scan_detail: string | null;
  scanned_at: string | null;
  uploaded_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** note: staff only; advice: from a coordinator or adviser, the group sees it; reply: the group's answer. */
export type CommentKind = "note" | "advice" | "reply";

export interface CommentsTable {
  id: Generated<number>;
  application_id: number;
  author_user_id: number | null;
  kind: CommentKind;
  body: string;
  parent_comment_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A staff decision on an application, with what the group was told. */
export interface DecisionsTable {
  id: Generated<number>;
  application_id: number;
  action: string; // the workflow's action (mark_ineligible, invite, signpost…)
  to_state: string;
  feedback: string | null; // the group sees it
  referral_to: string | null; // signposting: the organisation or fund
  referral_reason: string | null;
  decided_by_user_id: number | null;
  batch_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type BatchStatus = "pending" | "running" | "done";
export type BatchItemState = "pending" | "done" | "skipped";

/** Decisions made in bulk: one action for many applications, each with its own feedback. */
export interface DecisionBatchesTable {
  id: Generated<number>;
  fund_id: number;
  action: string;
  created_by_user_id: number | null;
  status: Defaulted<BatchStatus>;
  /** Inviting: the full applications' deadline. */
  deadline_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DecisionBatchItemsTable {
  id: Generated<number>;
  batch_id: number;
  application_id: number;
  feedback: string | null;
  referral_to: string | null;
  referral_reason: string | null;
  state: Defaulted<BatchItemState>;
  message: string | null; // why it was skipped
  done_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A fund's starting words for the feedback of one kind of decision; administrators change them per group. */
export interface FeedbackTemplatesTable {
  id: Generated<number>;
  fund_id: number;
  action: string;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

/** How an administrator hears of new submissions to one fund: an email each, or a daily digest. */
export interface NotificationPreferencesTable {
  id: Generated<number>;
  user_id: number;
  fund_id: number;
  new_submissions: Defaulted<"each" | "digest">;
  last_digest_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export type ReminderKind = "draft_7_days" | "draft_1_day" | "more_information_7_days";

/** A reminder sent, so each fires once for what it was about (a deadline, a request for information). */
export interface RemindersSentTable {
  id: Generated<number>;
  application_id: number;
  kind: ReminderKind;
  about: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface OutboxTable {
  id: Generated<number>;
  template: string; // a template in emails/
  data: Json; // the template's data; {} once a secret has been redacted
  to_email: string;
  to_name: string | null;
  reference: string | null;
  attachments: Json | null; // [{ filename, contentType, contentBase64 }]
  /** Given at enqueue and kept across retries, so a duplicate after a crash is recognisable. */
  message_id: string;
  status: Defaulted<OutboxStatus>;
  attempts: Defaulted<number>;
  next_attempt_at: Defaulted<string>;
  lease_until: string | null;
  leased_by: string | null;
  last_error: string | null;
  smtp_response: string | null;
  contains_secret: Defaulted<Flag>;
  redacted_at: string | null;
  sent_at: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Scheduled work run by the mail worker under a lease, so one instance runs each due job. */
export interface ScheduledJobsTable {
  id: Generated<number>;
  name: string;
  next_run_at: string;
  lease_until: string | null;
  leased_by: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  failures: Defaulted<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One row: who runs this portal. Configuration, so any council or foundation can run it. */
export interface DeprivationEditionsTable {
  id: Generated<number>;
  name: string;
  /** Which LSOAs its rows are keyed by: 2011 (IoD2019) or 2021 (IoD2025). */
  lsoa_vintage: "lsoa11" | "lsoa21";
  row_count: number;
  source: string | null;
  is_current: Defaulted<Flag>;
  imported_by_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DeprivationLsoasTable {
  id: Generated<number>;
  edition_id: number;
  lsoa_code: string;
  decile: number;
  rank: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ServiceSettingsTable {
  id: Generated<number>;
  operator_name: string; // e.g. Cambridgeshire County Council
  service_name: string; // e.g. Apply for a community grant
  contact_email: string;
  contact_phone: string | null;
  contact_address: string | null;
  website_url: string | null;
  /** 360Giving: groups with no charity or company number are identified as 360G-<prefix>-<id>. */
  org_id_prefix: Defaulted<string>;
  /** An IMD decile at or below this is a deprived area (default 3). */
  deprivation_threshold: Defaulted<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  role_grants: RoleGrantsTable;
  districts: DistrictsTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  organisation_invitations: OrganisationInvitationsTable;
  funds: FundsTable;
  fund_criteria: FundCriteriaTable;
  eligibility_questions: EligibilityQuestionsTable;
  rounds: RoundsTable;
  budgets: BudgetsTable;
  form_definitions: FormDefinitionsTable;
  applications: ApplicationsTable;
  application_sections: ApplicationSectionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  service_settings: ServiceSettingsTable;
  deprivation_editions: DeprivationEditionsTable;
  deprivation_lsoas: DeprivationLsoasTable;
  scheduled_jobs: ScheduledJobsTable;
  auth_tokens: AuthTokensTable;
  recovery_codes: RecoveryCodesTable;
  throttle_hits: ThrottleHitsTable;
  known_devices: KnownDevicesTable;
  reference_sequences: ReferenceSequencesTable;
  round_extensions: RoundExtensionsTable;
  documents: DocumentsTable;
  comments: CommentsTable;
  decisions: DecisionsTable;
  decision_batches: DecisionBatchesTable;
  decision_batch_items: DecisionBatchItemsTable;
  feedback_templates: FeedbackTemplatesTable;
  notification_preferences: NotificationPreferencesTable;
  reminders_sent: RemindersSentTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RoleGrant = Selectable<RoleGrantsTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Fund = Selectable<FundsTable>;
export type Round = Selectable<RoundsTable>;
export type Budget = Selectable<BudgetsTable>;
export type Application = Selectable<ApplicationsTable>;
export type ApplicationUpdate = Updateable<ApplicationsTable>;
export type FormDefinition = Selectable<FormDefinitionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type ServiceSettings = Selectable<ServiceSettingsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type CommentRow = Selectable<CommentsTable>;
