/**
 * "Check if you can apply" as a newcomer meets it, with JavaScript on and off and axe on every page: no
 * answer chosen (the GOV.UK error), one answer that rules the group out (told why, and where else to look),
 * changing that answer, and the way on to create an account.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MODES, checkPage, closeBrowsers, openBrowser } from "./browser";

const base = inject("baseUrl");

describe.each(MODES)("checking if you can apply (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  const next = () => page.getByRole("button", { name: "Continue" }).click();

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("a newcomer is ruled out by one answer and told why", async () => {
    await page.goto(`${base}/funds/community-reach-fund`);
    await page.getByRole("button", { name: "Check if you can apply" }).click();
    await page.waitForURL(/\/funds\/community-reach-fund\/check\/group_type$/);
    await checkPage(page, `eligibility-first-${mode}`);
    expect(await page.locator("h1").innerText()).toContain("What type of group are you applying for?");

    await next();
    await page.locator(".govuk-error-summary").waitFor();
    await checkPage(page, `eligibility-error-${mode}`);
    expect(await page.title()).toMatch(/^Error: What type of group are you applying for\?/);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Select the answer that applies to your group");

    await page.getByLabel("Unincorporated community group").check();
    await next();
    await page.getByLabel("Yes").check();
    await next();
    await checkPage(page, `eligibility-amount-${mode}`);
    await page.getByLabel("More than £1,000").check();
    await next();
    await page.waitForURL(/\/check\/you-cannot-apply\?/);
    await checkPage(page, `eligibility-ruled-out-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("You cannot apply to the Community Reach Fund");
    const text = await page.locator("main").innerText();
    expect(text).toContain("You answered “More than £1,000” to “How much do you need?”");
    expect(text).toContain("The Community Reach Fund gives grants of up to £1,000. For larger projects that save the council money, look at the Cambridgeshire Communities Innovation Fund.");
  });

  it("changing the answer carries on, and the last page leads to an account", async () => {
    await page.getByRole("link", { name: "Change your answer" }).click();
    await page.waitForURL(/\/check\/amount\?/);
    expect(await page.getByLabel("More than £1,000").isChecked()).toBe(true); // the answer given is shown
    await page.getByLabel("£1,000 or less").check();
    await next();
    await page.getByLabel("Costs that help us secure other funding").check();
    await next();
    await page.waitForURL(/\/check\/you-can-apply\?/);
    await checkPage(page, `eligibility-can-apply-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("You can apply to the Community Reach Fund");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(`${base}/register`);
  });

  it("an address that skips a question is sent back to it", async () => {
    await page.goto(`${base}/funds/community-reach-fund/check/you-can-apply?group_type=charity`);
    await page.waitForURL(/\/check\/in_cambridgeshire\?group_type=charity$/);
  });
});
