/**
 * A Community Coordinator's pre-application support in the browser, with JavaScript on and off and axe on
 * every page: Fenland's coordinator finds the seeded Fenland draft in their district view and advises on
 * it; the group is emailed, reads the advice with its coordinator's name on its application and replies;
 * the coordinator is emailed and sees the reply. A Huntingdonshire draft's page is "not found" to them.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_STAFF } from "~db/seeds/index";
import { MODES, checkPage, closeBrowsers, openBrowser, visit } from "./browser";
import { freshCode } from "./codes";
import { emailsTo, waitForEmail } from "./mailbox";

const base = inject("baseUrl");
const dataDir = inject("dataDir");
const FENLAND = DEMO_STAFF.find((s) => s.email === "coordinator.fenland@council.example.org")!;
const GROUP_EMAIL = "sam@march-shed.example.org";

function seededDrafts() {
  const db = new Database(path.join(dataDir, "e2e.db"), { readonly: true });
  try {
    const id = (name: string) =>
      (db.prepare("SELECT a.id FROM applications a JOIN organisations o ON o.id = a.organisation_id WHERE o.name = ? AND a.status = 'draft'").get(name) as { id: number }).id;
    return { shed: id("March Riverside Men's Shed"), band: id("St Neots Youth Band") };
  } finally {
    db.close();
  }
}

async function signIn(page: Page, email: string, totpSecret?: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (totpSecret) {
    await page.waitForURL(`${base}/sign-in/two-factor`);
    await page.getByLabel("Enter the code from your authenticator app").fill(await freshCode(dataDir, email, totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL(`${base}/account`);
}

describe.each(MODES)("a coordinator advises a group on its draft (%s)", (mode) => {
  let coordinatorContext: BrowserContext;
  let groupContext: BrowserContext;
  let coordinator: Page;
  let group: Page;
  const drafts = seededDrafts();
  const advice = `Get a second quote for the workbench (${mode}).`;
  const answer = `Thank you, we have asked another supplier (${mode}).`;

  beforeAll(async () => {
    coordinatorContext = await openBrowser(mode);
    groupContext = await openBrowser(mode);
    coordinator = await coordinatorContext.newPage();
    group = await groupContext.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(coordinatorContext, groupContext);
  });

  it("the Fenland coordinator finds the Fenland draft in their district view, and no Huntingdonshire one", async () => {
    await signIn(coordinator, FENLAND.email, FENLAND.totpSecret);
    await coordinator.getByRole("link", { name: "Your districts" }).click();
    await coordinator.waitForURL(`${base}/coordinator`);
    await checkPage(coordinator, `coordinator-districts-${mode}`);
    await expect.poll(() => coordinator.locator("main").innerText()).toContain("March Riverside Men's Shed");
    expect(await coordinator.locator("main").innerText()).not.toContain("St Neots Youth Band");
    // Filtered to drafts.
    await coordinator.getByLabel("Status").selectOption("draft");
    await coordinator.getByRole("button", { name: "Apply filters" }).click();
    await coordinator.waitForURL(/status=draft/);
    await checkPage(coordinator, `coordinator-districts-drafts-${mode}`);
    expect(await coordinator.locator("main").innerText()).toContain("Tools and a workbench for the shed");
  });

  it("a Huntingdonshire draft's page is not found", async () => {
    expect(await visit(coordinator, `${base}/coordinator/applications/${drafts.band}`, `coordinator-not-found-${mode}`)).toBe(404);
  });

  it("blank advice is refused with a message; advice sent names the coordinator", async () => {
    await visit(coordinator, `${base}/coordinator/applications/${drafts.shed}`, `coordinator-application-${mode}`);
    await coordinator.getByRole("button", { name: "Send advice" }).click();
    await expect.poll(() => coordinator.title()).toMatch(/^Error: /);
    await checkPage(coordinator, `coordinator-advice-error-${mode}`);
    expect(await coordinator.locator(".govuk-error-summary").innerText()).toContain("Enter your advice");
    await coordinator.getByLabel("Give advice").fill(advice);
    await coordinator.getByRole("button", { name: "Send advice" }).click();
    await coordinator.waitForURL(/advised=1/);
    await checkPage(coordinator, `coordinator-advised-${mode}`);
    expect(await coordinator.locator("main").innerText()).toContain(advice);
    expect(await coordinator.locator(".govuk-summary-list").first().innerText()).toMatch(/Community Coordinator\s+Fiona Reed/);
  });

  it("the group is emailed, sees its coordinator on its application, and replies", async () => {
    const mail = await waitForEmail(dataDir, GROUP_EMAIL, /Advice from your Community Coordinator/);
    expect(mail.links).toContain(`${base}/applications/${drafts.shed}/advice`);
    await signIn(group, GROUP_EMAIL);
    await visit(group, `${base}/applications/${drafts.shed}`, `group-task-list-${mode}`);
    expect(await group.locator("#coordinator").innerText()).toContain("Your Community Coordinator: Fiona Reed");
    await group.locator("#coordinator").getByRole("link").click();
    await group.waitForURL(`${base}/applications/${drafts.shed}/advice`);
    await checkPage(group, `group-advice-${mode}`);
    expect(await group.locator("main").innerText()).toContain(advice);
    await group.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => group.title()).toMatch(/^Error: /);
    await checkPage(group, `group-reply-error-${mode}`);
    await group.getByLabel("Reply to your Community Coordinator").fill(answer);
    await group.getByRole("button", { name: "Send reply" }).click();
    await group.waitForURL(/replied=1/);
    await checkPage(group, `group-replied-${mode}`);
    expect(await group.locator("main").innerText()).toContain(answer);
  });

  it("the coordinator is emailed and sees the reply", async () => {
    await expect.poll(async () => (await emailsTo(dataDir, FENLAND.email, /replied to your advice/)).some((m) => m.links.includes(`${base}/coordinator/applications/${drafts.shed}`)), { timeout: 15_000 }).toBe(true);
    await visit(coordinator, `${base}/coordinator/applications/${drafts.shed}`, `coordinator-reply-seen-${mode}`);
    expect(await coordinator.locator("main").innerText()).toContain(answer);
  });
});

describe.each(MODES)("a service administrator looks after the deprived-area settings (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  const ADMIN = DEMO_STAFF[0];
  const name = `IoD-e2e-${mode}`;

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("sees the shipped 2019 edition as current, and a wrong threshold is refused with a message", async () => {
    await signIn(page, ADMIN.email, ADMIN.totpSecret);
    await page.getByRole("link", { name: "Deprived areas" }).click();
    await page.waitForURL(`${base}/admin/deprivation`);
    await checkPage(page, `deprivation-${mode}`);
    const editions = await page.locator("table").innerText();
    expect(editions).toMatch(/IoD2019\s+Current/);
    expect(editions).toContain("32,844");
    await page.getByLabel("Flag areas in this decile or a more deprived one").fill("12");
    await page.getByRole("button", { name: "Save threshold" }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await checkPage(page, `deprivation-threshold-error-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The decile must be a whole number from 1 to 10");
  });

  it("a file with a bad row is refused line by line; a good one is imported without becoming current", async () => {
    await page.goto(`${base}/admin/deprivation`);
    await page.getByLabel("Name of the edition").fill(name);
    await page.getByLabel("2021 LSOAs (as the 2025 indices are)").check();
    await page.getByLabel("CSV file").setInputFiles({ name: "iod.csv", mimeType: "text/csv", buffer: Buffer.from("LSOA code (2021),IMD decile\nE01034001,3\nE01034002,0\n") });
    await page.getByLabel("No, not yet").check();
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await checkPage(page, `deprivation-import-error-${mode}`);
    expect(await page.locator("#problems").innerText()).toContain("Line 3: The decile “0” is not a whole number from 1 to 10");
    await page.getByLabel("CSV file").setInputFiles({ name: "iod.csv", mimeType: "text/csv", buffer: Buffer.from("LSOA code (2021),IMD decile\nE01034001,3\nE01034002,1\n") });
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/done=imported/);
    await checkPage(page, `deprivation-imported-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(`${name}: 2 LSOAs`);
    expect(await page.locator("table").innerText()).toMatch(/IoD2019\s+Current/);
  });
});
