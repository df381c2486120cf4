import type { Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "~db/seeds/index";
import { freshCode } from "./codes";

/**
 * Signs a demo account in as a person would: email and the demo password, then — for staff, given their
 * two-factor secret — a code from their authenticator app; waits for "Your account".
 */
export async function signIn(page: Page, email: string, totpSecret?: string): Promise<void> {
  const base = inject("baseUrl");
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (totpSecret) {
    await page.waitForURL(`${base}/sign-in/two-factor`);
    await page.getByLabel("Enter the code from your authenticator app").fill(await freshCode(inject("dataDir"), email, totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL(`${base}/account`);
}
