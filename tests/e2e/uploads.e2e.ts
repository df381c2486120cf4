/**
 * Uploading a quote to the Reach Fund form as a group member would, with JavaScript on and off and axe on
 * every page: upload it, see it listed (kind, size, virus check) and download it, remove it, and have a
 * disguised file refused with the GOV.UK error.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { html, pdf } from "../support/files";
import { MODES, checkPage, closeBrowsers, openBrowser } from "./browser";
import { signIn } from "./sign-in";

const base = inject("baseUrl");

describe.each(MODES)("uploading a quote (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  // Members whose groups no other journey applies for; each may be in other groups too, so they say which.
  const member = mode === "js" ? { email: "dev@sohamcarers.example.org", group: "Soham Young Carers' Club" } : { email: "ruth@hi-neighbours.example.org", group: "Histon and Impington Good Neighbours" };
  let quotesUrl = "";
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("reaches the quotes page of a Reach Fund application", async () => {
    await signIn(page, member.email);
    await page.goto(`${base}/groups`);
    const actFor = page.getByRole("button", { name: `Act for ${member.group}` });
    if (await actFor.count()) await actFor.click();
    await page.goto(`${base}/funds/community-reach-fund/check/you-can-apply?group_type=charity&in_cambridgeshire=yes&amount=up_to_1000&purpose=community_activity`);
    await page.getByRole("button", { name: "Start an application" }).click();
    await page.waitForURL(/\/applications\/\d+$/);
    quotesUrl = `${page.url()}/budget/quotes`;
    await page.goto(quotesUrl);
    await checkPage(page, `uploads-page-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Quotes for items over £250");
    expect(await page.locator(".govuk-hint").innerText()).toContain("Each file must be a PDF, DOCX, XLSX, JPG or PNG, and smaller than 10MB.");
  });

  it("uploads a quote, sees it listed, downloads it and removes it", async () => {
    await page.getByLabel("Quotes for items over £250").setInputFiles({ name: "Quote – village hall hire.pdf", mimeType: "application/pdf", buffer: pdf("Village hall hire, £320") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.waitForURL(/\/budget\/quotes\?uploaded=\d+$/);
    await checkPage(page, `uploads-listed-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("Quote – village hall hire.pdf has been uploaded");
    const list = await page.locator(".govuk-summary-list").innerText();
    expect(list).toContain("Quote – village hall hire.pdf");
    expect(list).toMatch(/PDF, \d+ bytes/);
    expect(list).toContain("Not checked for viruses");

    const href = await page.getByRole("link", { name: "Quote – village hall hire.pdf" }).getAttribute("href");
    const download = await page.request.get(`${base}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Quote _ village hall hire.pdf"; filename\*=UTF-8''/);
    expect((await download.body()).toString()).toContain("Village hall hire, £320");

    await page.getByRole("button", { name: "Remove Quote – village hall hire.pdf" }).click();
    await page.waitForURL(/\/budget\/quotes\?removed=1$/);
    await checkPage(page, `uploads-removed-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("The file has been removed");
    expect(await page.locator(".govuk-summary-list").count()).toBe(0);
    expect((await page.request.get(`${base}${href}`)).status()).toBe(404);
  });

  it("a web page named .pdf is refused with the GOV.UK error, and nothing is kept", async () => {
    await page.getByLabel("Quotes for items over £250").setInputFiles({ name: "quote.pdf", mimeType: "application/pdf", buffer: html() });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await checkPage(page, `uploads-refused-${mode}`);
    expect(await page.title()).toMatch(/^Error: Quotes for items over £250 – /);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("The selected file must be a PDF, DOCX, XLSX, JPG or PNG");
    expect(await page.locator(".govuk-error-message").innerText()).toContain("The selected file must be a PDF, DOCX, XLSX, JPG or PNG");
    expect(await page.locator(".govuk-summary-list").count()).toBe(0);
    // The summary's link takes the person to the file input.
    await page.locator(".govuk-error-summary a").click();
    expect(new URL(page.url()).hash).toBe("#quotes");
  });

  it("takes several quotes, and a file chosen before \"Save and continue\" is uploaded too", async () => {
    await page.goto(quotesUrl);
    for (const name of ["hall.pdf", "tutor.pdf"]) {
      await page.getByLabel("Quotes for items over £250").setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(name) });
      await page.getByRole("button", { name: "Upload file" }).click();
      await page.waitForURL(/uploaded=\d+$/);
    }
    expect(await page.locator("h2", { hasText: "Files added (2)" }).count()).toBe(1);
    await page.getByLabel("Quotes for items over £250").setInputFiles({ name: "printing.pdf", mimeType: "application/pdf", buffer: pdf("printing") });
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/applications\/\d+$/);
    await page.goto(quotesUrl);
    expect(await page.locator("h2", { hasText: "Files added (3)" }).count()).toBe(1);
    // Check answers lists them, each a download link with its virus check.
    await page.goto(quotesUrl.replace(/\/budget\/quotes$/, "/check"));
    await checkPage(page, `uploads-check-answers-${mode}`);
    const row = await page.locator(".govuk-summary-list__row", { hasText: "Quotes for items over £250" }).innerText();
    for (const text of ["hall.pdf", "tutor.pdf", "printing.pdf", "Not checked for viruses"]) expect(row).toContain(text);
    expect(await page.getByRole("link", { name: "tutor.pdf" }).getAttribute("href")).toMatch(/^\/applications\/\d+\/documents\/\d+$/);
    expect(consoleErrors).toEqual([]);
  });
});
