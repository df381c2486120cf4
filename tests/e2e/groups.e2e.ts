/**
 * Groups and staff in the browser, with JavaScript on and off and axe on every page: an applicant adds a
 * group with a Cambridgeshire postcode and invites a co-member, who joins from the email; a service
 * administrator invites a coordinator, who sets up their account and signs in with two-factor.
 */
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

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.each(MODES)("groups and staff (%s)", (mode) => {
  let applicant: BrowserContext;
  let invitee: BrowserContext;
  let admin: BrowserContext;
  let page: Page;
  const groupName = mode === "js" ? "Soham Wildlife Volunteers" : "Soham Litter Pickers";
  const inviteeEmail = mode === "js" ? "jo@larder.example.org" : "ruth@hi-neighbours.example.org";
  const coordinatorEmail = `new.coordinator.${mode}@council.example.org`;

  beforeAll(async () => {
    applicant = await openBrowser(mode);
    invitee = await openBrowser(mode);
    admin = await openBrowser(mode);
    page = await applicant.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(applicant, invitee, admin);
  });

  it("an applicant adds a group with a Cambridgeshire postcode: district found, identifier given", async () => {
    await signIn(page, "dev@sohamcarers.example.org");
    await visit(page, `${base}/groups/new`, `group-new-${mode}`);
    await page.getByRole("button", { name: "Add group" }).click();
    await checkPage(page, `group-new-errors-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the name of your group");

    await page.getByLabel("Name of your group").fill(groupName);
    await page.getByLabel("Unincorporated community group").check();
    await page.getByLabel("Address line 1").fill("The Brook, Clay Street");
    await page.getByLabel("Town or city").fill("Soham");
    await page.getByLabel("Postcode").fill("PE1 1HQ");
    await page.getByRole("button", { name: "Add group" }).click();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("outside Cambridgeshire");
    expect(await page.getByLabel("Name of your group").inputValue()).toBe(groupName);

    await page.getByLabel("Postcode").fill("cb7 5ae");
    await page.getByRole("button", { name: "Add group" }).click();
    await page.waitForURL(/\/groups\/\d+\?created=1$/);
    await checkPage(page, `group-created-${mode}`);
    const summary = await page.locator(".govuk-summary-list").innerText();
    expect(summary).toContain("East Cambridgeshire");
    expect(summary).toMatch(/360G-cambscc-\d+/);
    expect(await page.locator(".app-acting-for").innerText()).toContain(`Acting for ${groupName}`);
  });

  it("invites a co-member, who joins from the email", async () => {
    await page.getByRole("link", { name: "Invite someone to join" }).click();
    await checkPage(page, `group-invite-${mode}`);
    await page.getByLabel("Their email address").fill(inviteeEmail);
    await page.getByLabel("Member", { exact: true }).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.waitForURL(/\?invited=1$/);
    expect(await page.locator("body").innerText()).toContain("Invitations waiting");

    const email = await waitForEmail(dataDir, inviteeEmail, new RegExp(`invited you to join ${groupName}`));
    const link = email.links.find((l) => l.includes("/invitations/accept?token="))!;
    const theirs = await invitee.newPage();
    await theirs.goto(link);
    // Not signed in yet: sign in first, then back to the invitation.
    expect(new URL(theirs.url()).pathname).toBe("/sign-in");
    await theirs.getByLabel("Email address").fill(inviteeEmail);
    await theirs.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await theirs.waitForURL(/\/invitations\/accept\?token=/);
    await checkPage(theirs, `invitation-${mode}`);
    await theirs.getByRole("button", { name: `Join ${groupName}` }).click();
    await theirs.waitForURL(/\/groups\/\d+$/);
    await checkPage(theirs, `group-joined-${mode}`);
    expect(await theirs.locator("h1").innerText()).toBe(groupName);
    expect(await theirs.locator(".govuk-table").first().innerText()).toContain("(you)");

    await page.reload();
    expect(await page.locator(".govuk-table").first().innerText()).toContain(inviteeEmail);
  });

  it("a person in two groups chooses which one they act for, and every page says which", async () => {
    await visit(page, `${base}/groups`, `groups-${mode}`);
    await page.getByRole("button", { name: "Act for Soham Young Carers' Club" }).click();
    await page.waitForURL(`${base}/groups`);
    expect(await page.locator(".app-acting-for").innerText()).toContain("Acting for Soham Young Carers' Club");
    await page.goto(`${base}/account`);
    expect(await page.locator(".app-acting-for").innerText()).toContain("Acting for Soham Young Carers' Club");
  });

  it("a service administrator invites a coordinator, who sets up their account and signs in with two-factor", async () => {
    const adminPage = await admin.newPage();
    await signIn(adminPage, SERVICE_ADMIN.email);
    await adminPage.waitForURL(`${base}/sign-in/two-factor`);
    await adminPage.getByLabel("Enter the code from your authenticator app").fill(await freshCode(dataDir, SERVICE_ADMIN.email, SERVICE_ADMIN.totpSecret));
    await adminPage.getByRole("button", { name: "Continue" }).click();
    await adminPage.waitForURL(`${base}/account`);
    await visit(adminPage, `${base}/admin/staff`, `staff-${mode}`);
    await adminPage.getByRole("link", { name: "Invite a member of staff" }).click();
    await checkPage(adminPage, `staff-new-${mode}`);
    await adminPage.getByLabel("Full name").fill("Nell Coordinator");
    await adminPage.getByLabel("Work email address").fill(coordinatorEmail);
    await adminPage.getByLabel("Coordinator", { exact: true }).check();
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await checkPage(adminPage, `staff-new-errors-${mode}`);
    expect(await adminPage.locator(".govuk-error-summary").innerText()).toContain("Select the districts they coordinate");
    await adminPage.getByLabel("Coordinator", { exact: true }).check();
    await adminPage.getByLabel("Fenland").check();
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await adminPage.waitForURL(`${base}/admin/staff?invited=1`);
    expect(await adminPage.locator(".govuk-table").innerText()).toContain("Coordinator for Fenland");

    const email = await waitForEmail(dataDir, coordinatorEmail, /Set up your staff account/);
    const link = email.links.find((l) => l.includes("/account/set-up?token="))!;
    const coordinator = await openBrowser(mode);
    try {
      const theirs = await coordinator.newPage();
      await visit(theirs, link, `staff-set-up-${mode}`);
      await theirs.getByLabel("Create a password").fill("heron willow causeway");
      await theirs.getByLabel("Confirm your password").fill("heron willow causeway");
      await theirs.getByRole("button", { name: "Continue" }).click();
      await theirs.waitForURL(`${base}/account/two-factor`);
      await checkPage(theirs, `staff-two-factor-set-up-${mode}`);
      const secret = (await theirs.locator(".app-secret").innerText()).replace(/\s/g, "");
      await theirs.getByLabel("Code from the app").fill(totpCode(secret));
      await theirs.getByRole("button", { name: "Turn on two-factor authentication" }).click();
      await checkPage(theirs, `staff-recovery-codes-${mode}`);
      await theirs.getByRole("button", { name: /I have saved my recovery codes/ }).click();
      await theirs.waitForURL(`${base}/account`);

      // And the next time: password, then a code.
      await theirs.getByRole("button", { name: "Sign out" }).first().click();
      await signIn(theirs, coordinatorEmail, "heron willow causeway");
      await theirs.waitForURL(`${base}/sign-in/two-factor`);
      await theirs.getByLabel("Enter the code from your authenticator app").fill(await freshCode(dataDir, coordinatorEmail, secret));
      await theirs.getByRole("button", { name: "Continue" }).click();
      await theirs.waitForURL(`${base}/account`);
      expect(await theirs.locator(".govuk-summary-list").innerText()).toContain(coordinatorEmail);
    } finally {
      await coordinator.close();
    }
  });
});
