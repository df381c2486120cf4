/**
 * Accounts as people use them, with JavaScript on and off and axe on every page: a newcomer registers,
 * reads the confirmation email, confirms and signs in; a service administrator signs in with two-factor
 * and reads the outbox; the timeout warning keeps a session alive; after a time-out, signing in returns
 * the person to the page they were on.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_STAFF } from "~db/seeds/index";
import { totpCode } from "~/domain/accounts/totp.server";
import { MODES, checkPage, closeBrowsers, openBrowser, visit } from "./browser";
import { freshCode } from "./codes";
import { waitForEmail } from "./mailbox";

const base = inject("baseUrl");
const dataDir = inject("dataDir");
const SERVICE_ADMIN = DEMO_STAFF[0];

function database() {
  return new Database(path.join(dataDir, "e2e.db"));
}

describe.each(MODES)("accounts (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  const newcomer = `newcomer.${mode}@example.org`;
  const password = "lantern orchard pebble";

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("a newcomer registers, is told what is wrong, then is asked to check their email", async () => {
    expect(await visit(page, `${base}/register`, `register-${mode}`)).toBe(200);
    await page.getByRole("button", { name: "Create account" }).click();
    await checkPage(page, `register-errors-${mode}`);
    expect(await page.title()).toMatch(/^Error: Create an account – /);
    const summary = await page.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter your full name");
    expect(summary).toContain("Enter your email address");
    expect(summary).toContain("Enter a password");

    await page.getByLabel("Full name").fill("Nina Newcomer");
    await page.getByLabel("Email address").fill(newcomer.toUpperCase());
    await page.getByLabel("Create a password").fill("password1234");
    await page.getByLabel("Confirm your password").fill("password1234");
    await page.getByRole("button", { name: "Create account" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Password is too common");
    expect(await page.getByLabel("Full name").inputValue()).toBe("Nina Newcomer"); // nothing typed is lost

    await page.getByLabel("Create a password").fill(password);
    await page.getByLabel("Confirm your password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${base}/register/check-email`);
    expect(await page.title()).not.toMatch(/^Error:/);
    await checkPage(page, `register-check-email-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Check your email");
  });

  it("reads the email, confirms the address and signs in", async () => {
    const email = await waitForEmail(dataDir, newcomer, /Confirm your email address/);
    expect(email.text).toContain("Dear Nina Newcomer");
    const link = email.links.find((l) => l.includes("/verify-email?token="));
    expect(link).toBeDefined();
    expect(link!.startsWith(base)).toBe(true);

    await visit(page, link!, `verify-email-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Confirm your email address");
    await page.getByRole("button", { name: "Confirm email address" }).click();
    await checkPage(page, `verified-email-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Your email address is confirmed");
    await page.getByRole("link", { name: "Sign in" }).last().click();
    await checkPage(page, `sign-in-${mode}`);
    await page.getByLabel("Email address").fill(newcomer);
    await page.getByLabel("Password", { exact: true }).fill("the wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await checkPage(page, `sign-in-error-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the email address and password of your account");

    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/account`);
    await checkPage(page, `account-${mode}`);
    expect(await page.locator(".govuk-summary-list").innerText()).toContain(newcomer);
    expect(await page.locator(".govuk-service-navigation").innerText()).toContain("Sign out");

    // The link was single-use: opened again, it says so, and it is still safe to follow.
    await page.goto(link!);
    expect(await page.locator("h1").innerText()).toBe("Your email address is already confirmed");
  });

  it("after a time-out, signing in again returns them to the page they were on", async () => {
    await page.goto(`${base}/account/password`);
    const db = database();
    db.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)").run(new Date(Date.now() - 1000).toISOString(), newcomer);
    db.close();
    await page.goto(`${base}/account/password`);
    expect(page.url()).toContain("/sign-in?");
    await checkPage(page, `signed-out-notice-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("You have been signed out");
    await page.getByLabel("Email address").fill(newcomer);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/account/password`);
    expect(await page.locator("h1").innerText()).toBe("Change your password");
  });

  it("turns on two-factor authentication with an authenticator app and keeps the recovery codes", async () => {
    await visit(page, `${base}/account/two-factor`, `two-factor-set-up-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Set up two-factor authentication");
    expect(await page.getByRole("img", { name: /QR code/ }).count()).toBe(1);
    const secret = (await page.locator(".app-secret").innerText()).replace(/\s/g, "");
    await page.getByLabel("Code from the app").fill("000000");
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await checkPage(page, `two-factor-set-up-error-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The code is not right");
    await page.getByLabel("Code from the app").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await checkPage(page, `recovery-codes-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Save your recovery codes");
    expect(await page.locator(".app-recovery-codes li").count()).toBe(10);
    await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("On. 10 recovery codes left.");
    const email = await waitForEmail(dataDir, newcomer, /Two-factor authentication was turned on/);
    expect(email.text).toContain("If you did not do this");
  });

  it("signs out, and the old session cannot be used again", async () => {
    const [cookie] = (await context.cookies()).filter((c) => c.name === "session");
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL(`${base}/signed-out`);
    await checkPage(page, `signed-out-${mode}`);
    // Put the old cookie back, as someone who copied it would.
    await context.addCookies([{ ...cookie }]);
    await page.goto(`${base}/account`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });

  it("a service administrator signs in with a code from their authenticator app and reads the outbox, secrets redacted", async () => {
    await visit(page, `${base}/sign-in?returnTo=${encodeURIComponent("/admin/emails")}`, `staff-sign-in-${mode}`);
    await page.getByLabel("Email address").fill(SERVICE_ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/sign-in/two-factor`);
    await checkPage(page, `two-factor-${mode}`);
    // Each code works once: take one this account has not used yet.
    const code = await freshCode(dataDir, SERVICE_ADMIN.email, SERVICE_ADMIN.totpSecret);
    await page.getByLabel("Enter the code from your authenticator app").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${base}/admin/emails`);
    await checkPage(page, `sent-emails-${mode}`);
    await page.locator("tr", { hasText: newcomer }).filter({ hasText: "verify-email" }).getByRole("link").first().click();
    await checkPage(page, `sent-email-${mode}`);
    const body = await page.locator(".app-email-body").innerText();
    expect(body).toContain("REDACTED");
    expect(body).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    await page.getByRole("button", { name: "Sign out" }).first().click();
  });
});

describe("the timeout warning (js)", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await openBrowser("js");
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("warns two minutes before an idle session ends, and 'Stay signed in' keeps it", async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email address").fill("alex@larder.example.org");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/account`);

    // Bring the end of the session to 2 minutes and 3 seconds away, then load a page.
    const db = database();
    const userId = (db.prepare("SELECT id FROM users WHERE email = ?").get("alex@larder.example.org") as { id: number }).id;
    const soon = new Date(Date.now() + 123_000).toISOString();
    db.prepare("UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE user_id = ?").run(soon, new Date().toISOString(), userId);
    await page.goto(`${base}/account`);
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    await dialog.waitFor({ state: "visible", timeout: 10_000 });
    expect(await dialog.innerText()).toContain("We will sign you out in 2 minutes");
    await checkPage(page, "timeout-warning-js");

    await dialog.getByRole("button", { name: "Stay signed in" }).click();
    await dialog.waitFor({ state: "hidden" });
    const after = db.prepare("SELECT expires_at FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC").get(userId) as { expires_at: string };
    db.close();
    expect(Date.parse(after.expires_at) - Date.now()).toBeGreaterThan(100 * 60_000); // 2 hours for an applicant, again
  });
});
