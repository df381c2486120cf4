/**
 * A Community Coordinator's pre-application support in the browser, with JavaScript on and off and axe on
 * every page: Fenland's coordinator finds the seeded Fenland draft in their district view and advises on
 * it; the group is emailed, reads the advice with its coordinator's name on its application and replies;
 * the coordinator is emailed and sees the reply. A Huntingdonshire draft's page is "not found" to them.
 * Then the Men's Shed (in a decile-1 neighbourhood) finishes and sends that draft, and the fund's
 * administrator finds it flagged as in a deprived area, with the decile and edition found when it was sent.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "~db/seeds/index";
import { MODES, checkPage, closeBrowsers, openBrowser, visit, whenReady } from "./browser";
import { signIn } from "./sign-in";
import { emailsTo, waitForEmail } from "./mailbox";

const base = inject("baseUrl");
const dataDir = inject("dataDir");
const FENLAND = DEMO_STAFF.find((s) => s.email === "coordinator.fenland@council.example.org")!;
const FUND_ADMIN = DEMO_STAFF.find((s) => s.email === "fund.admin@council.example.org")!;
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

/**
 * The "a group in a decile-1 LSOA is flagged", seen as people would. The seeded draft can be sent
 * only once, and both advice journeys above need it still a draft, so this runs once, after them: the group
 * with JavaScript on, the administrator with it off (the two modes between them; apply.e2e.ts sends a
 * Reach Fund application in each).
 */
describe("a group in a decile-1 neighbourhood sends its draft and the administrator finds it flagged (group js, administrator no-js)", () => {
  let groupContext: BrowserContext;
  let adminContext: BrowserContext;
  let group: Page;
  let admin: Page;
  const drafts = seededDrafts();
  const appUrl = `${base}/applications/${drafts.shed}`;
  let reference = "";

  beforeAll(async () => {
    groupContext = await openBrowser("js");
    adminContext = await openBrowser("no-js");
    group = await groupContext.newPage();
    admin = await adminContext.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(groupContext, adminContext);
  });

  /** "Save and continue", once the page has hydrated (it then checks itself first). */
  async function saveAndContinue() {
    await whenReady(group);
    await group.getByRole("button", { name: "Save and continue" }).click();
  }

  it("the Men's Shed finishes the remaining sections of its draft", async () => {
    await signIn(group, GROUP_EMAIL);
    await visit(group, appUrl, "flag-group-task-list-js");
    const tasks = await group.locator(".govuk-task-list").innerText();
    expect(tasks).toMatch(/Your activity\s*In progress/); // the seeded draft: a title and a summary so far
    expect(tasks).not.toMatch(/Where it happens\s*Completed/);

    await group.getByRole("link", { name: "About your group" }).click();
    await group.waitForURL(/\/group\/contact$/);
    await checkPage(group, "flag-group-contact-js");
    // The seeded draft was not started through the portal, so this section is not filled in from the
    // group's profile as a new application's is: the group types it.
    await group.getByLabel("Name of your group").fill("March Riverside Men's Shed");
    await group.getByLabel("Name of the main contact for this application").fill("Sam Hollis");
    await group.getByLabel("Their phone number").fill("01354 654321");
    await saveAndContinue();
    await group.waitForURL(/\/group\/group-address$/);
    await checkPage(group, "flag-group-address-js");
    await group.getByLabel("Address line 1").fill("Unit 3, Station Road");
    await group.getByLabel("Town or city").fill("March");
    await group.getByLabel("Postcode").fill("PE15 8QD");
    await saveAndContinue();
    await group.waitForURL(/\/group\/group-bank-account$/);
    await checkPage(group, "flag-group-bank-account-js");
    await group.getByLabel("Yes", { exact: true }).check();
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Your activity" }).click();
    await group.waitForURL(/\/activity\/project-title$/);
    expect(await group.getByLabel("What is the name of your activity?").inputValue()).toBe("Tools and a workbench for the shed"); // kept from the draft
    await saveAndContinue();
    await group.waitForURL(/\/activity\/project-summary$/);
    expect(await group.getByLabel("Describe your activity").inputValue()).toContain("A shared workshop where older men meet");
    await saveAndContinue();
    await group.waitForURL(/\/activity\/start-date$/);
    await checkPage(group, "flag-group-start-date-js");
    await group.getByLabel("Day").fill("1");
    await group.getByLabel("Month").fill("5");
    await group.getByLabel("Year").fill("2027");
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Who benefits" }).click();
    await group.waitForURL(/\/beneficiaries\/age-groups$/);
    await checkPage(group, "flag-group-age-groups-js");
    await group.getByLabel("Adults (19 and over)").check();
    await saveAndContinue();
    await group.getByLabel("About how many people will benefit?").fill("25");
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Where it happens" }).click();
    await checkPage(group, "flag-group-postcode-js");
    await group.getByLabel("What is the postcode where the activity will happen?").fill("pe15 8qd"); // the shed's own, in March
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Your budget" }).click();
    await checkPage(group, "flag-group-amount-js");
    await group.getByLabel("How much are you asking for?").fill("£850");
    await saveAndContinue();
    await group.waitForURL(/\/budget\/budget-lines$/);
    await checkPage(group, "flag-group-budget-lines-js");
    await group.locator("#budget_lines-0-item").fill("Workbench and hand tools");
    await group.locator("#budget_lines-0-cost").fill("850");
    await saveAndContinue();
    await group.waitForURL(/\/budget\/quotes$/);
    await checkPage(group, "flag-group-quotes-js");
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Other funding" }).click();
    await checkPage(group, "flag-group-other-funding-js");
    await group.locator("#other_funding-0-funder").fill("March Town Council");
    await group.locator("#other_funding-0-amount").fill("150");
    await group.locator("#other_funding-0-status").selectOption("secured");
    await saveAndContinue();
    await group.waitForURL(appUrl);

    await group.getByRole("link", { name: "Declarations" }).click();
    await checkPage(group, "flag-group-declarations-js");
    for (const d of ["The information in this application is true", "The group will spend the grant", "The group will report"]) await group.getByLabel(d).check();
    await saveAndContinue();
    await group.waitForURL(appUrl);
    const done = await group.locator(".govuk-task-list").innerText();
    for (const s of ["About your group", "Your activity", "Who benefits", "Where it happens", "Your budget", "Other funding", "Declarations"]) expect(done).toMatch(new RegExp(`${s}\\s*Completed`));
  });

  it("accepts the declaration and sends it", async () => {
    await group.getByRole("link", { name: "Check your answers" }).click();
    await group.waitForURL(`${appUrl}/check`);
    await checkPage(group, "flag-group-check-answers-js");
    const answers = await group.locator("main").innerText();
    for (const a of ["Tools and a workbench for the shed", "1 May 2027", "PE15 8QD", "£850", "Workbench and hand tools, £850", "March Town Council, £150, Secured"]) expect(answers).toContain(a);
    await whenReady(group);
    await group.getByLabel(/I am allowed to send this application/).check();
    await group.getByRole("button", { name: "Accept and send" }).click();
    await group.waitForURL(`${appUrl}/submitted`);
    await checkPage(group, "flag-group-submitted-js");
    const panel = await group.locator(".govuk-panel").innerText();
    expect(panel).toContain("Application submitted");
    reference = /CRF-\d{4}-\d{5}/.exec(panel)?.[0] ?? "";
    expect(reference).not.toBe("");
  });

  it("the fund's administrator filters the applications on deprived areas and finds it flagged", async () => {
    await signIn(admin, FUND_ADMIN.email, FUND_ADMIN.totpSecret);
    await admin.getByRole("link", { name: "Applications", exact: true }).first().click();
    await admin.waitForURL(`${base}/admin/applications`);
    await checkPage(admin, "flag-admin-applications-no-js");
    await admin.getByLabel("Deprived area").selectOption({ label: "Flagged as deprived" });
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.waitForURL(/deprived=yes/);
    await checkPage(admin, "flag-admin-deprived-no-js");
    expect(await admin.locator(".app-list-summary").innerText()).toMatch(/match(es)? the filter/);
    // Newest submitted first (the list's order): just sent, it is on the first page.
    const row = admin.getByRole("row").filter({ has: admin.getByRole("link", { name: reference }) });
    expect(await row.count()).toBe(1);
    const cells = await row.innerText();
    expect(cells).toContain("March Riverside Men's Shed");
    expect(cells).toContain("Tools and a workbench for the shed");
    expect(await row.locator(".govuk-tag").allInnerTexts()).toEqual(["Submitted", "Deprived area"]);

    // The other way round, it is not there.
    await admin.getByLabel("Reference, group or title").fill(reference);
    await admin.getByLabel("Deprived area").selectOption({ label: "Not flagged" });
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.waitForURL(/deprived=no/);
    expect(await admin.locator("main").innerText()).toContain("No applications match the filter");
  });

  it("its staff view shows decile 1 in the IoD2019 edition, found from the shed's postcode", async () => {
    await admin.getByLabel("Deprived area").selectOption({ label: "Flagged as deprived" });
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.waitForURL(/deprived=yes/);
    await admin.getByRole("link", { name: reference }).click();
    await admin.waitForURL(`${base}/admin/applications/${drafts.shed}`);
    await checkPage(admin, "flag-admin-staff-view-no-js");
    expect(await admin.locator("h1").innerText()).toBe("Tools and a workbench for the shed");
    expect(await admin.locator("main .govuk-tag").allInnerTexts()).toContain("Deprived area");
    const section = admin.locator("#deprivation + .govuk-summary-list");
    const found = await section.innerText();
    expect(found).toMatch(/Flagged\s+Yes/);
    expect(found).toMatch(/Found at submission\s+Decile 1 in IoD2019 \(LSOA E01018103\)/);
  });
});
