/**
 * The form editor in the browser, with JavaScript on and off and axe on every page: a group in Fenland
 * starts a Reach Fund application; the funds' administrator adds a question to the Reach Fund's form (told
 * first what is wrong with an empty one), previews it as groups will see it, and publishes it; then sets up
 * a Fenland round opening today. The group's new application in that round asks the question; the
 * application it started before keeps the form it started with.
 *
 * Other journeys share the database: this one uses a group and an account of its own, and a Fenland round
 * that closes before the seeded one (so it is the group's round), and finds its own rows by name.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_STAFF } from "~db/seeds/index";
import { MODES, checkPage, closeBrowsers, openBrowser, whenReady } from "./browser";
import { freshCode } from "./codes";

const base = inject("baseUrl");
const dataDir = inject("dataDir");
const FUND_ADMIN = DEMO_STAFF[1];
const FENLAND = "E07000010";

/** A member of a new Fenland group, signing in with the demo password (its hash copied from a demo account). */
function seedGroup(email: string, name: string): void {
  const db = new Database(path.join(dataDir, "e2e.db"));
  try {
    if (db.prepare("SELECT id FROM users WHERE email = ?").get(email)) return;
    const hash = (db.prepare("SELECT password_hash FROM users WHERE email = 'alex@larder.example.org'").get() as { password_hash: string }).password_hash;
    const now = new Date().toISOString();
    const user = Number(db.prepare("INSERT INTO users (email, full_name, password_hash, email_verified_at) VALUES (?, ?, ?, ?)").run(email, "Fran Fenwick", hash, now).lastInsertRowid);
    const org = Number(
      db
        .prepare("INSERT INTO organisations (name, org_type, address_line1, town, postcode, district_code, district_source, created_by_user_id) VALUES (?, 'unincorporated', '3 Market Place', 'March', 'PE15 9JF', ?, 'chosen', ?)")
        .run(name, FENLAND, user).lastInsertRowid,
    );
    db.prepare("INSERT INTO organisation_members (organisation_id, user_id, role) VALUES (?, ?, 'admin')").run(org, user);
  } finally {
    db.close();
  }
}

/** Days from now until just before the seeded Fenland round closes, at most `most`. */
function daysBeforeSeededClose(most: number): number {
  const db = new Database(path.join(dataDir, "e2e.db"), { readonly: true });
  try {
    const row = db.prepare("SELECT r.closes_at FROM rounds r JOIN funds f ON f.id = r.fund_id WHERE f.code = 'CRF' AND r.district_code = ? ORDER BY r.closes_at DESC").get(FENLAND) as { closes_at: string };
    return Math.max(1, Math.min(most, Math.floor((Date.parse(row.closes_at) - Date.now()) / 86_400_000) - 1));
  } finally {
    db.close();
  }
}

function londonDate(daysAhead: number): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date(Date.now() + daysAhead * 86_400_000)).map((p) => [p.type, p.value]),
  );
  return { day: parts.day, month: parts.month, year: parts.year };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function startApplication(page: Page): Promise<string> {
  await page.goto(`${base}/funds/community-reach-fund/check/you-can-apply?group_type=charity&in_cambridgeshire=yes&amount=up_to_1000&purpose=community_activity`);
  await page.getByRole("button", { name: "Start an application" }).click();
  await page.waitForURL(/\/applications\/\d+$/);
  return page.url();
}

describe.each(MODES)("the form editor (%s)", (mode) => {
  let admin: BrowserContext;
  let group: BrowserContext;
  let adminPage: Page;
  let groupPage: Page;
  const tag = mode === "js" ? "js" : "nojs";
  const label = mode === "js" ? "How will volunteers be involved?" : "Which other groups will you work with?";
  const questionId = `volunteers_${tag}`;
  const pageKey = questionId.replace(/_/g, "-");
  const email = `fran.${tag}@march-makers.example.org`;
  const roundName = `Fenland winter top-up (${mode})`;
  let oldApp = "";
  let newApp = "";

  beforeAll(async () => {
    seedGroup(email, `March Makers (${mode})`);
    admin = await openBrowser(mode);
    group = await openBrowser(mode);
    adminPage = await admin.newPage();
    groupPage = await group.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(admin, group);
  });

  it("a group starts an application on the form as it is", async () => {
    await signIn(groupPage, email);
    await groupPage.waitForURL(`${base}/account`);
    oldApp = await startApplication(groupPage);
    await checkPage(groupPage, `form-editor-old-application-${mode}`);
  });

  it("the administrator adds a question to the Reach Fund's form, told first what is wrong", async () => {
    await adminPage.goto(`${base}/sign-in`);
    await adminPage.getByLabel("Email address").fill(FUND_ADMIN.email);
    await adminPage.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await adminPage.getByRole("button", { name: "Sign in" }).click();
    await adminPage.waitForURL(`${base}/sign-in/two-factor`);
    await adminPage.getByLabel("Enter the code from your authenticator app").fill(await freshCode(dataDir, FUND_ADMIN.email, FUND_ADMIN.totpSecret));
    await adminPage.getByRole("button", { name: "Continue" }).click();
    await adminPage.waitForURL(`${base}/account`);

    await adminPage.getByRole("link", { name: "Fund set-up" }).click();
    await adminPage.getByRole("link", { name: /Community Reach Fund/ }).click();
    await adminPage.getByRole("link", { name: "Edit the application form" }).click();
    await checkPage(adminPage, `form-editor-${mode}`);
    expect(await adminPage.locator("h1").innerText()).toBe("Application form");
    // Another journey (or the other mode) may have left a draft; otherwise start one.
    const make = adminPage.getByRole("button", { name: "Make changes" });
    if (await make.count()) {
      await make.click();
      expect(await adminPage.locator(".govuk-notification-banner").innerText()).toContain("Draft started");
    }
    // The questions the fund needs say why they stay.
    expect(await adminPage.locator("#question-amount_requested").innerText()).toContain("The portal takes the amount requested from this question, so it cannot be removed.");
    expect(await adminPage.locator("#question-amount_requested").getByRole("button", { name: /Remove/ }).count()).toBe(0);

    await adminPage.getByRole("link", { name: "Add a question to Your activity" }).click();
    await checkPage(adminPage, `form-editor-question-type-${mode}`);
    await adminPage.getByRole("button", { name: "Continue" }).click();
    await checkPage(adminPage, `form-editor-question-type-error-${mode}`);
    expect(await adminPage.locator(".govuk-error-summary").innerText()).toContain("Select the type of question");
    expect(await adminPage.title()).toMatch(/^Error: /);
    await adminPage.getByLabel("Long text").check();
    await adminPage.getByRole("button", { name: "Continue" }).click();
    await checkPage(adminPage, `form-editor-question-new-${mode}`);

    await adminPage.getByLabel("Word limit (optional)").fill("lots");
    await adminPage.getByRole("button", { name: "Save question" }).click();
    await checkPage(adminPage, `form-editor-question-errors-${mode}`);
    expect(await adminPage.title()).toMatch(/^Error: /);
    const summary = await adminPage.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter the question");
    expect(summary).toContain("The word limit must be a whole number greater than 0, like 250");

    await adminPage.getByLabel("Question", { exact: true }).fill(label);
    await adminPage.getByLabel("Word limit (optional)").fill("150");
    await adminPage.getByLabel("Id (optional)").fill(questionId);
    await adminPage.getByRole("button", { name: "Save question" }).click();
    await adminPage.waitForURL(/\/forms\/single\?done=question/);
    await checkPage(adminPage, `form-editor-question-added-${mode}`);
    const row = adminPage.locator(`#question-${questionId}`);
    expect(await row.innerText()).toContain(label);
    expect(await row.innerText()).toContain("Long text, up to 150 words");

    // Move it up one place and back down, with buttons that work without JavaScript.
    const activity = adminPage.locator("#section-activity tbody tr");
    const last = async () => (await activity.last().getAttribute("id")) ?? "";
    expect(await last()).toBe(`question-${questionId}`);
    // Each click posts and the page comes back: poll until the new page shows the new order.
    await row.getByRole("button", { name: `Move up ${label}` }).click();
    await expect.poll(last).not.toBe(`question-${questionId}`);
    await adminPage.locator(`#question-${questionId}`).getByRole("button", { name: `Move down ${label}` }).click();
    await expect.poll(last).toBe(`question-${questionId}`);
  });

  it("previews the new page as groups will see it, saving nothing", async () => {
    await adminPage.getByRole("link", { name: "Preview the draft" }).click();
    await checkPage(adminPage, `form-editor-preview-${mode}`);
    await adminPage.getByRole("link", { name: "Your activity" }).click();
    // Step through the section's pages to the new one.
    for (let i = 0; i < 10 && !(await adminPage.locator("h1").innerText()).includes(label); i++) {
      const before = adminPage.url();
      await adminPage.getByRole("link", { name: "Next page" }).click();
      await adminPage.waitForURL((url) => url.toString() !== before);
    }
    await checkPage(adminPage, `form-editor-preview-question-${mode}`);
    expect(await adminPage.locator("h1").innerText()).toBe(label);
    expect(await adminPage.locator(".govuk-caption-l").innerText()).toBe("Your activity");
    expect(await adminPage.locator(".govuk-character-count__message, .govuk-hint").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("150 words")]));
    expect(await adminPage.getByRole("button", { name: "Save and continue" }).isDisabled()).toBe(true);
  });

  it("publishes it: the page says which rounds keep their version, and the editor says it is published", async () => {
    await adminPage.goto(`${base}/admin/funds`);
    await adminPage.getByRole("link", { name: /Community Reach Fund/ }).click();
    await adminPage.getByRole("link", { name: "Edit the application form" }).click();
    await adminPage.getByRole("link", { name: /^Publish version \d+$/ }).click();
    await checkPage(adminPage, `form-editor-publish-${mode}`);
    expect(await adminPage.locator("#keeping").innerText()).toContain("Fenland");
    const button = adminPage.getByRole("button", { name: /^Publish version \d+$/ });
    const version = ((await button.innerText()).match(/\d+/) ?? [""])[0];
    await button.click();
    await adminPage.waitForURL(/\/forms\/single\?published=\d+/);
    await checkPage(adminPage, `form-editor-published-${mode}`);
    expect(await adminPage.locator(".govuk-notification-banner").innerText()).toContain(`Version ${version} published`);
  });

  it("sets up a Fenland round opening today, which takes the new version", async () => {
    await adminPage.goto(`${base}/admin/funds`);
    await adminPage.getByRole("link", { name: /Community Reach Fund/ }).click();
    await adminPage.getByRole("link", { name: "Add a round" }).click();
    await adminPage.getByLabel("Name of the round").fill(roundName);
    await adminPage.getByLabel("District").selectOption({ label: "Fenland" });
    const opens = londonDate(0);
    // The no-JS run's round closes before the JS run's, so each is its group's round.
    const closes = londonDate(daysBeforeSeededClose(mode === "js" ? 20 : 15));
    for (const [name, d] of [["opens", opens], ["closes", closes]] as const) {
      await adminPage.locator(`#${name}-day`).fill(d.day);
      await adminPage.locator(`#${name}-month`).fill(d.month);
      await adminPage.locator(`#${name}-year`).fill(d.year);
    }
    await adminPage.getByRole("button", { name: "Add round" }).click();
    await checkPage(adminPage, `form-editor-round-${mode}`);
    expect(await adminPage.getByRole("row", { name: new RegExp(roundName.replace(/[()]/g, "\\$&")) }).innerText()).toMatch(/Application form, version \d+/);
  });

  it("the group's application in the new round asks the new question; the one from before does not", async () => {
    newApp = await startApplication(groupPage);
    expect(newApp).not.toBe(oldApp);
    await groupPage.goto(`${newApp}/activity/${pageKey}`);
    await checkPage(groupPage, `form-editor-new-question-${mode}`);
    expect(await groupPage.locator("h1").innerText()).toBe(label);
    await groupPage.getByLabel(label).fill("Members of the March Makers will run the sessions.");
    await whenReady(groupPage);
    await groupPage.getByRole("button", { name: "Save and continue" }).click();
    // Let the save land before leaving the page (a goto now could abort it).
    await groupPage.waitForURL((url) => !url.pathname.endsWith(`/${pageKey}`));
    await groupPage.goto(`${newApp}/check`);
    await checkPage(groupPage, `form-editor-new-check-${mode}`);
    const answers = await groupPage.locator("main").innerText();
    expect(answers).toContain(label);
    expect(answers).toContain("Members of the March Makers will run the sessions.");

    const missing = await groupPage.goto(`${oldApp}/activity/${pageKey}`);
    expect(missing?.status()).toBe(404);
    await groupPage.goto(`${oldApp}/check`);
    await checkPage(groupPage, `form-editor-old-check-${mode}`);
    const old = await groupPage.locator("main").innerText();
    expect(old).toContain("What is the name of your activity?");
    expect(old).not.toContain(label);
  });
});
