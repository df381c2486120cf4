/**
 * A visitor finds a fund, reads about it, and reads the service's own pages — with JavaScript on and off,
 * axe-clean on every page, and with no JavaScript shipped on any of these pages.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MODES, checkPage, closeBrowsers, openBrowser, visit } from "./browser";

const base = inject("baseUrl");

describe.each(MODES)("public pages (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  async function scripts() {
    return page.locator("script").count();
  }

  it("the start page lists the open funds, branded for the council, with a Beta banner and no JavaScript", async () => {
    expect(await visit(page, `${base}/`, `start-${mode}`)).toBe(200);
    await expect(page.title()).resolves.toBe("Apply for a community grant – Cambridgeshire County Council");
    expect(await page.locator("h1").innerText()).toBe("Apply for a community grant");
    expect(await page.locator(".govuk-generic-header").innerText()).toContain("Cambridgeshire County Council");
    expect(await page.locator(".govuk-phase-banner").innerText()).toContain("Beta");
    const funds = await page.locator(".app-fund-list h3").allInnerTexts();
    expect(funds).toEqual(expect.arrayContaining(["Community Reach Fund", "Cambridgeshire Communities Innovation Fund"]));
    expect(await page.getByText("£100 to £1,000").count()).toBe(1);
    expect(await page.getByText("£1,000 to £50,000").count()).toBe(1);
    expect(await scripts()).toBe(0);
  });

  it("the skip link is the first thing the keyboard reaches and takes you to the content", async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Skip to main content");
    expect(await page.locator(".govuk-skip-link").getAttribute("href")).toBe("#main-content");
  });

  it("a visitor opens the Community Reach Fund and sees a round per district", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "Community Reach Fund" }).click();
    await page.waitForURL(`${base}/funds/community-reach-fund`);
    await checkPage(page, `fund-crf-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Community Reach Fund");
    const districts = await page.locator("table").first().locator("tbody th").allInnerTexts();
    // Other journeys in this run may add rounds (the administrator's adds a Fenland one): every district
    // has at least its seeded round, and no round is listed without a district.
    expect([...new Set(districts)].sort()).toEqual(["Cambridge", "East Cambridgeshire", "Fenland", "Huntingdonshire", "South Cambridgeshire"]);
    expect(await page.getByText("5pm on 31 March 2027").count()).toBeGreaterThan(0);
    expect(await scripts()).toBe(0);
  });

  it("goes back and opens the Innovation Fund, with its quarterly rounds and weighted criteria", async () => {
    await page.getByRole("link", { name: "All funds" }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole("link", { name: "Cambridgeshire Communities Innovation Fund" }).click();
    await page.waitForURL(`${base}/funds/communities-innovation-fund`);
    await checkPage(page, `fund-cif-${mode}`);
    expect(await page.getByRole("heading", { name: "How applications are assessed" }).count()).toBe(1);
    const criteria = await page.locator("table").last().locator("tbody tr").allInnerTexts();
    expect(criteria).toHaveLength(5);
    expect(criteria.join("\n")).toContain("Savings to the council");
    expect(await page.getByText("Outline proposals by", { exact: false }).count()).toBeGreaterThan(0);
  });

  it("someone who cannot apply online downloads each stage's printable form, and sees where to send it", async () => {
    for (const [slug, links] of [
      ["community-reach-fund", ["Download a printable application form (PDF)"]],
      ["communities-innovation-fund", ["Download a printable outline proposal form (PDF)", "Download a printable full application form (PDF)"]],
    ] as const) {
      await page.goto(`${base}/funds/${slug}`);
      expect(await page.getByRole("heading", { name: "If you cannot apply online" }).count()).toBe(1);
      expect(await page.getByText("community.grants@council.example.org").count()).toBeGreaterThan(0);
      for (const name of links) {
        const href = await page.getByRole("link", { name }).getAttribute("href");
        const res = await page.request.get(`${base}${href}`);
        expect(res.status()).toBe(200);
        expect(res.headers()["content-type"]).toBe("application/pdf");
        expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
      }
    }
  });

  it.each([
    ["Accessibility statement", "Accessibility statement for Apply for a community grant"],
    ["Privacy notice", "Privacy notice"],
    ["Cookies", "Cookies"],
  ])("the footer links to the %s", async (link, heading) => {
    await page.goto(`${base}/`);
    await page.locator(".govuk-footer").getByRole("link", { name: link }).click();
    await page.waitForLoadState();
    await checkPage(page, `${link.toLowerCase().replace(/\s+/g, "-")}-${mode}`);
    expect(await page.locator("h1").innerText()).toBe(heading);
    expect(await scripts()).toBe(0);
  });

  it("an unknown address gets a GOV.UK-style 404 page", async () => {
    expect(await visit(page, `${base}/no-such-page`, `not-found-${mode}`)).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Page not found");
    await expect(page.title()).resolves.toMatch(/^Page not found/);
    expect(await visit(page, `${base}/funds/no-such-fund`, `fund-not-found-${mode}`)).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("Page not found");
  });
});
