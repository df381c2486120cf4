/**
 * Fund administrators in the browser, with JavaScript on and off and axe on every page: the funds'
 * administrator signs in with two-factor, adds a district round to the Reach Fund (after being told that a
 * round cannot close before it opens), sets that district's budget, then finds an application by its
 * reference in the applications list and opens the staff view (answers, a document not yet scanned,
 * history), adding a staff note.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "~db/seeds/index";
import { financialYearOf, formatFinancialYear } from "~/domain/shared/time";
import { MODES, checkPage, closeBrowsers, openBrowser } from "./browser";
import { signIn } from "./sign-in";

const dataDir = inject("dataDir");
const SERVICE_ADMIN = DEMO_STAFF[0];
const FUND_ADMIN = DEMO_STAFF[1];

/** A submitted Reach Fund application of the Ramsey Timebank (submitting is built elsewhere), with a document not yet scanned. */
function seedSubmitted(reference: string, title: string): void {
  const db = new Database(path.join(dataDir, "e2e.db"));
  try {
    const one = <T>(q: string, ...args: unknown[]) => db.prepare(q).get(...args) as T;
    const fund = one<{ id: number }>("SELECT id FROM funds WHERE code = 'CRF'");
    const org = one<{ id: number; district_code: string }>("SELECT id, district_code FROM organisations WHERE name = 'Ramsey Timebank'");
    const lead = one<{ id: number }>("SELECT id FROM users WHERE email = 'maria@ramsey-timebank.example.org'");
    const round = one<{ id: number; application_form_id: number; financial_year: number }>("SELECT id, application_form_id, financial_year FROM rounds WHERE fund_id = ? AND district_code = ? ORDER BY opens_at", fund.id, org.district_code);
    const now = new Date().toISOString();
    const app = db
      .prepare(
        `INSERT INTO applications (reference, fund_id, round_id, organisation_id, stage, form_definition_id, status, lead_contact_user_id, title, amount_requested_pence, district_code, financial_year, submitted_at)
         VALUES (?, ?, ?, ?, 'single', ?, 'submitted', ?, ?, 80000, ?, ?, ?)`,
      )
      .run(reference, fund.id, round.id, org.id, round.application_form_id, lead.id, title, org.district_code, round.financial_year, now);
    const id = Number(app.lastInsertRowid);
    db.prepare("INSERT INTO application_sections (application_id, section_key, answers, completed) VALUES (?, 'activity', ?, 1)").run(id, JSON.stringify({ project_title: title }));
    db.prepare(
      "INSERT INTO documents (application_id, section_key, question_id, storage_key, filename, content_type, size_bytes, sha256, scan_state) VALUES (?, 'budget', 'quote', ?, 'quote-for-urn.pdf', 'application/pdf', 48213, ?, 'not_scanned')",
    ).run(id, `e2e-${reference}`, "c".repeat(64));
    db.prepare("INSERT INTO audit_log (actor_user_id, event, entity_type, entity_id, from_state, to_state) VALUES (?, 'application.transition', 'application', ?, 'draft', 'submitted')").run(lead.id, id);
  } finally {
    db.close();
  }
}

function signInWithCode(page: Page, who: { email: string; totpSecret: string } = FUND_ADMIN) {
  return signIn(page, who.email, who.totpSecret);
}

async function fillDate(page: Page, name: string, day: string, month: string, year: string, time?: string) {
  await page.locator(`#${name}-day`).fill(day);
  await page.locator(`#${name}-month`).fill(month);
  await page.locator(`#${name}-year`).fill(year);
  if (time !== undefined) await page.locator(`#${name}-time`).fill(time);
}

describe.each(MODES)("fund administrators (%s)", (mode) => {
  let browser: BrowserContext;
  let page: Page;
  const fy = financialYearOf(new Date().toISOString()) + (mode === "js" ? 1 : 2);
  const roundName = `Fenland top-up, ${formatFinancialYear(fy)}`;
  const reference = mode === "js" ? "CRF-2026-09001" : "CRF-2026-09002";
  const title = mode === "js" ? "Timebank tool library" : "Timebank repair café";

  beforeAll(async () => {
    seedSubmitted(reference, title);
    browser = await openBrowser(mode);
    page = await browser.newPage();
    await signInWithCode(page);
  });
  afterAll(async () => {
    await closeBrowsers(browser);
  });

  it("sets up a new district round with its budget", async () => {
    await page.getByRole("link", { name: "Fund set-up" }).click();
    await checkPage(page, `admin-funds-${mode}`);
    await page.getByRole("link", { name: /Community Reach Fund/ }).click();
    await checkPage(page, `admin-fund-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Community Reach Fund");

    await page.getByRole("link", { name: "Add a round" }).click();
    await checkPage(page, `admin-round-new-${mode}`);
    await page.getByLabel("Name of the round").fill(roundName);
    await page.getByLabel("District").selectOption({ label: "Fenland" });
    await fillDate(page, "opens", "1", "4", String(fy));
    await fillDate(page, "closes", "31", "3", String(fy));
    await page.getByRole("button", { name: "Add round" }).click();
    await checkPage(page, `admin-round-errors-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The closing date must be after the opening date");
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel("Name of the round").inputValue()).toBe(roundName);

    await fillDate(page, "closes", "31", "3", String(fy + 1));
    await page.getByRole("button", { name: "Add round" }).click();
    await checkPage(page, `admin-round-saved-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Round saved");
    const row = page.getByRole("row", { name: new RegExp(roundName) });
    expect(await row.innerText()).toContain(`5pm on 31 March ${fy + 1}`);
    expect(await row.innerText()).toContain("Fenland");

    await page.getByRole("link", { name: "Set a budget" }).click();
    await checkPage(page, `admin-budget-${mode}`);
    await page.getByLabel("Financial year").selectOption({ label: formatFinancialYear(fy) });
    await page.getByLabel("District, or countywide").selectOption({ label: "Fenland" });
    await page.getByLabel("Budget").fill("-100");
    await page.getByRole("button", { name: "Save budget" }).click();
    await checkPage(page, `admin-budget-errors-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The budget must be £0 or more");
    await page.getByLabel("Budget").fill("25,000");
    await page.getByRole("button", { name: "Save budget" }).click();
    await checkPage(page, `admin-budget-saved-${mode}`);
    const budget = page.getByRole("row", { name: new RegExp(`${formatFinancialYear(fy)} Fenland`) });
    expect(await budget.innerText()).toContain("£25,000");
  });

  it("finds an application by its reference and opens the staff view", async () => {
    await page.getByRole("link", { name: "Applications", exact: true }).click();
    await checkPage(page, `admin-applications-${mode}`);
    await page.getByLabel("Reference, group or title").fill(reference.toLowerCase());
    await page.getByRole("button", { name: "Apply filters" }).click();
    await checkPage(page, `admin-applications-found-${mode}`);
    // The filter lives in the address, so it can be bookmarked.
    expect(new URL(page.url()).searchParams.get("q")).toBe(reference.toLowerCase());
    expect(await page.locator(".app-list-summary").innerText()).toContain("1 application matches the filter");
    await page.getByRole("link", { name: reference }).click();
    await checkPage(page, `admin-application-${mode}`);
    expect(await page.locator("h1").innerText()).toBe(title);
    expect(await page.locator("#documents ~ table").first().innerText()).toContain("Not scanned");
    expect(await page.getByRole("link", { name: "Download a PDF copy" }).getAttribute("href")).toMatch(/^\/applications\/\d+\/pdf$/);

    await page.getByRole("button", { name: "Add note" }).click();
    await checkPage(page, `admin-application-note-error-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter a note");
    await page.getByLabel("Add a note").fill("Phoned Maria: the quote is from the supplier we know.");
    await page.getByRole("button", { name: "Add note" }).click();
    await checkPage(page, `admin-application-noted-${mode}`);
    expect(await page.locator(".app-note").last().innerText()).toContain("Phoned Maria");
    expect(await page.locator("#history ~ table").first().innerText()).toContain("Staff note added");
  });

  it("a service administrator reads the application's history in the audit log", async () => {
    const other = await openBrowser(mode);
    try {
      const admin = await other.newPage();
      await signInWithCode(admin, SERVICE_ADMIN);
      await admin.getByRole("link", { name: "Audit log" }).click();
      await checkPage(admin, `admin-audit-${mode}`);
      await admin.getByLabel("Reference or record number").fill(reference);
      await admin.getByRole("button", { name: "Apply filters" }).click();
      await checkPage(admin, `admin-audit-filtered-${mode}`);
      const rows = await admin.locator("tbody tr").allInnerTexts();
      expect(rows[0]).toContain("Staff note added");
      expect(rows[0]).toContain("Priya Raman");
      expect(rows[rows.length - 1]).toContain("draft → submitted");
      await admin.locator("#from-day").fill("31");
      await admin.locator("#from-month").fill("2");
      await admin.locator("#from-year").fill("2026");
      await admin.getByRole("button", { name: "Apply filters" }).click();
      await checkPage(admin, `admin-audit-errors-${mode}`);
      expect(await admin.locator(".govuk-error-summary").innerText()).toContain("The date from must be a real date");
    } finally {
      await other.close();
    }
  });
});
