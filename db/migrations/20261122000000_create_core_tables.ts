import { sql, type Kysely } from "kysely";
import type { Engine } from "../client";
import { table, types } from "./helpers";

/** The core of the portal: people, groups, funds and their configuration, applications, audit and outbox. */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = types(engine);

  await table(db, engine, "users", (b) =>
    b
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("full_name", "text", (c) => c.notNull())
      .addColumn("password_hash", "text")
      .addColumn("email_verified_at", t.timestamp)
      .addColumn("totp_secret", "text")
      .addColumn("disabled_at", t.timestamp),
  { versioned: true }).execute();

  // Sessions are keyed by the hash of a random token, not by an integer.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .addColumn("absolute_expires_at", t.timestamp, (c) => c.notNull())
    .addColumn("last_seen_at", t.timestamp, (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();

  await table(db, engine, "districts", (b) =>
    b
      .addColumn("code", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("county", "text", (c) => c.notNull()),
  ).execute();

  await table(db, engine, "funds", (b) =>
    b
      .addColumn("code", "text", (c) => c.notNull().unique())
      .addColumn("slug", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("who_can_apply", "text", (c) => c.notNull())
      .addColumn("stages", "text", (c) => c.notNull().check(sqlIn("stages", ["single", "two_stage"])))
      .addColumn("min_award_pence", t.money, (c) => c.notNull())
      .addColumn("max_award_pence", t.money, (c) => c.notNull())
      .addColumn("group_cap_pence", t.money)
      .addColumn("rounds_per_district", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
      .addCheckConstraint("funds_award_range", sqlRaw("min_award_pence >= 0 AND max_award_pence >= min_award_pence")),
  { versioned: true }).execute();

  await table(db, engine, "role_grants", (b) =>
    b
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("role", "text", (c) =>
        c.notNull().check(sqlIn("role", ["service_admin", "administrator", "coordinator", "panel_member", "adviser"])),
      )
      .addColumn("scope", "text", (c) => c.notNull().check(sqlIn("scope", ["all", "fund", "district", "round"])))
      .addColumn("fund_id", "integer", (c) => c.references("funds.id"))
      .addColumn("district_code", "text")
      .addColumn("round_id", "integer")
      .addColumn("granted_by_user_id", "integer", (c) => c.references("users.id"))
      .addColumn("revoked_at", t.timestamp),
  ).execute();
  await db.schema.createIndex("role_grants_user_id_idx").on("role_grants").column("user_id").execute();

  await table(db, engine, "organisations", (b) =>
    b
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("org_type", "text", (c) => c.notNull())
      .addColumn("charity_number", "text")
      .addColumn("company_number", "text")
      .addColumn("org_identifier", "text")
      .addColumn("address_line1", "text")
      .addColumn("address_line2", "text")
      .addColumn("town", "text")
      .addColumn("postcode", "text")
      .addColumn("district_code", "text")
      .addColumn("ward_code", "text")
      .addColumn("lsoa_code", "text"),
  { versioned: true }).execute();

  await table(db, engine, "organisation_members", (b) =>
    b
      .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull().check(sqlIn("role", ["admin", "member"])))
      .addUniqueConstraint("organisation_members_org_user_unique", ["organisation_id", "user_id"]),
  ).execute();
  await db.schema.createIndex("organisation_members_user_id_idx").on("organisation_members").column("user_id").execute();

  await table(db, engine, "fund_criteria", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("weight_percent", "integer", (c) => c.notNull().check(sqlRaw("weight_percent >= 0 AND weight_percent <= 100")))
      .addColumn("max_score", "integer", (c) => c.notNull())
      .addColumn("descriptors", t.json, (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addUniqueConstraint("fund_criteria_fund_stage_key_unique", ["fund_id", "stage", "key"]),
  { versioned: true }).execute();

  await table(db, engine, "eligibility_questions", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("question", "text", (c) => c.notNull())
      .addColumn("hint", "text")
      .addColumn("options", t.json, (c) => c.notNull())
      .addColumn("excluding_values", t.json, (c) => c.notNull())
      .addColumn("ineligible_message", "text", (c) => c.notNull())
      .addUniqueConstraint("eligibility_questions_fund_key_unique", ["fund_id", "key"]),
  { versioned: true }).execute();

  await table(db, engine, "form_definitions", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull().check(sqlIn("stage", ["single", "outline", "full"])))
      .addColumn("version_number", "integer", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("definition", t.json, (c) => c.notNull())
      .addColumn("published_at", t.timestamp)
      .addUniqueConstraint("form_definitions_fund_stage_version_unique", ["fund_id", "stage", "version_number"]),
  { versioned: true }).execute();

  await table(db, engine, "rounds", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("district_code", "text")
      .addColumn("financial_year", "integer", (c) => c.notNull())
      .addColumn("opens_at", t.timestamp, (c) => c.notNull())
      .addColumn("closes_at", t.timestamp, (c) => c.notNull())
      .addColumn("full_application_deadline", t.timestamp)
      .addColumn("panel_date", "text")
      .addColumn("application_form_id", "integer", (c) => c.references("form_definitions.id"))
      .addColumn("outline_form_id", "integer", (c) => c.references("form_definitions.id"))
      .addUniqueConstraint("rounds_fund_slug_unique", ["fund_id", "slug"])
      .addCheckConstraint("rounds_closes_after_opens", sqlRaw("closes_at > opens_at")),
  { versioned: true }).execute();
  await db.schema.createIndex("rounds_fund_closes_idx").on("rounds").columns(["fund_id", "closes_at"]).execute();

  await table(db, engine, "budgets", (b) =>
    b
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id").onDelete("cascade"))
      .addColumn("financial_year", "integer", (c) => c.notNull())
      .addColumn("area", "text", (c) => c.notNull())
      .addColumn("amount_pence", t.money, (c) => c.notNull().check(sqlRaw("amount_pence >= 0")))
      .addUniqueConstraint("budgets_fund_year_area_unique", ["fund_id", "financial_year", "area"]),
  { versioned: true }).execute();

  await table(db, engine, "applications", (b) =>
    b
      .addColumn("reference", "text")
      .addColumn("fund_id", "integer", (c) => c.notNull().references("funds.id"))
      .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id"))
      .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
      .addColumn("stage", "text", (c) => c.notNull().check(sqlIn("stage", ["single", "outline", "full"])))
      .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("parent_application_id", "integer", (c) => c.references("applications.id"))
      .addColumn("form_definition_id", "integer", (c) => c.notNull().references("form_definitions.id"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("lead_contact_user_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("title", "text")
      .addColumn("amount_requested_pence", t.money)
      .addColumn("amount_awarded_pence", t.money)
      .addColumn("project_postcode", "text")
      .addColumn("district_code", "text")
      .addColumn("financial_year", "integer", (c) => c.notNull())
      .addColumn("submitted_at", t.timestamp)
      .addColumn("decided_at", t.timestamp)
      .addUniqueConstraint("applications_reference_stage_revision_unique", ["reference", "stage", "revision"]),
  { versioned: true }).execute();
  await db.schema.createIndex("applications_organisation_idx").on("applications").columns(["organisation_id", "fund_id", "financial_year"]).execute();
  await db.schema.createIndex("applications_round_status_idx").on("applications").columns(["round_id", "status"]).execute();
  await db.schema.createIndex("applications_fund_status_idx").on("applications").columns(["fund_id", "status", "id"]).execute();

  await table(db, engine, "application_sections", (b) =>
    b
      .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
      .addColumn("section_key", "text", (c) => c.notNull())
      .addColumn("answers", t.json, (c) => c.notNull())
      .addColumn("completed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated_by_user_id", "integer", (c) => c.references("users.id"))
      .addUniqueConstraint("application_sections_app_section_unique", ["application_id", "section_key"]),
  { versioned: true }).execute();

  // The audit log keeps ids, not names, so erasing a person leaves it intact: no foreign keys here.
  await table(db, engine, "audit_log", (b) =>
    b
      .addColumn("actor_user_id", "integer")
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("entity_type", "text")
      .addColumn("entity_id", "integer")
      .addColumn("from_state", "text")
      .addColumn("to_state", "text")
      .addColumn("reason", "text")
      .addColumn("ip", "text")
      .addColumn("data", t.json),
  ).execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_type", "entity_id", "id"]).execute();
  await db.schema.createIndex("audit_log_created_idx").on("audit_log").column("created_at").execute();

  // One row per recipient, so that each person's delivery succeeds or fails on its own.
  await table(db, engine, "outbox", (b) =>
    b
      .addColumn("template", "text", (c) => c.notNull())
      .addColumn("data", t.json, (c) => c.notNull())
      .addColumn("to_email", "text", (c) => c.notNull())
      .addColumn("to_name", "text")
      .addColumn("reference", "text")
      .addColumn("attachments", t.json)
      .addColumn("message_id", "text", (c) => c.notNull().unique())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sqlIn("status", ["pending", "sending", "sent", "failed"])))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", t.timestamp, (c) => c.notNull().defaultTo(t.now))
      .addColumn("lease_until", t.timestamp)
      .addColumn("leased_by", "text")
      .addColumn("last_error", "text")
      .addColumn("smtp_response", "text")
      .addColumn("contains_secret", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("redacted_at", t.timestamp)
      .addColumn("sent_at", t.timestamp),
  ).execute();
  await db.schema.createIndex("outbox_due_idx").on("outbox").columns(["status", "next_attempt_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "outbox",
    "audit_log",
    "application_sections",
    "applications",
    "budgets",
    "rounds",
    "form_definitions",
    "eligibility_questions",
    "fund_criteria",
    "organisation_members",
    "organisations",
    "role_grants",
    "funds",
    "districts",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(name).ifExists().execute();
  }
}


function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

function sqlRaw(expression: string) {
  return sql.raw(expression);
}
