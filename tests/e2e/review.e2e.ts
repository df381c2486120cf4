/**
 * Screening and deciding in the browser, with JavaScript on and off and axe on every page: the fund's
 * administrator screens the 23 seeded outline proposals waiting in the first quarterly round and decides
 * them in bulk — every outcome used (invite and advise on strengthening with JavaScript, signpost and
 * decline without), each group's feedback made its own — and each group gets the right email with its
 * feedback (and, signposted, the referral). A group asked for more information changes its answers and
 * sends its application again.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "~db/seeds/index";
import { INVITED, WAITING } from "~db/seeds/innovation-round";
import { INVITED_AT } from "~db/seeds/innovation-seed";
import { MODES, checkPage, closeBrowsers, openBrowser } from "./browser";
import { signIn } from "./sign-in";
import { waitForEmail } from "./mailbox";

const base = inject("baseUrl");
const dataDir = inject("dataDir");
const FUND_ADMIN = DEMO_STAFF[1];

/** The round the paper's outlines are in, and each waiting outline's reference with its group's contact. */
function seeded() {
  const db = new Database(path.join(dataDir, "e2e.db"), { readonly: true });
  try {
    const first = db.prepare("SELECT round_id, fund_id, reference FROM applications WHERE stage = 'outline' AND reference LIKE 'CIF-%-00001'").get() as { round_id: number; fund_id: number; reference: string };
    const year = first.reference.split("-")[1];
    const ref = (n: number) => `CIF-${year}-${String(n).padStart(5, "0")}`;
    const waiting: { reference: string; email: string; group: string }[] = [];
    let w = 0;
    for (let n = 1; n <= 32; n++) if (!INVITED_AT.includes(n)) waiting.push({ reference: ref(n), email: WAITING[w].group.contact.email, group: WAITING[w++].group.name });
    const invited = INVITED_AT.map((n, i) => ({ reference: ref(n), email: INVITED[i].group.contact.email, title: INVITED[i].title }));
    return { roundId: first.round_id, fundId: first.fund_id, waiting, invited };
  } finally {
    db.close();
  }
}

async function choose(page: Page, references: string[], stage: "outline proposal" | "full application") {
  for (const r of references) await page.getByLabel(`Select ${r} (${stage})`).check();
}

describe.each(MODES)("screening and deciding outline proposals (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  const data = seeded();
  const review = `${base}/admin/funds/${data.fundId}/rounds/${data.roundId}/review`;
  // With JavaScript: the first 12 waiting outlines (invited and strengthened); without: the other 11 (signposted and declined).
  const mine = mode === "js" ? data.waiting.slice(0, 12) : data.waiting.slice(12);
  const [firstHalf, secondHalf] = [mine.slice(0, 6), mine.slice(6)];

  beforeAll(async () => {
    context = await openBrowser(mode);
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowsers(context);
  });

  it("screens the outlines eligible in one go", async () => {
    await signIn(page, FUND_ADMIN.email, FUND_ADMIN.totpSecret);
    await page.goto(review);
    await checkPage(page, `review-round-${mode}`);
    expect(await page.locator("#screen").innerText()).toContain(mode === "js" ? "(32)" : "(20)"); // 23 outlines and the nine full applications; then what is left
    if (mode === "js") await choose(page, mine.map((m) => m.reference), "outline proposal");
    else {
      // Everything left to screen but the nine full applications: select all, then untick those.
      await page.getByRole("link", { name: /^Select all/ }).first().click();
      for (const i of data.invited) await page.getByLabel(`Select ${i.reference} (full application)`).uncheck();
    }
    await page.getByRole("button", { name: "Mark as eligible" }).click();
    await page.waitForURL(/\/admin\/decisions\/new\?/);
    await checkPage(page, `review-screen-form-${mode}`);
    expect(await page.locator("h1").innerText()).toBe(`Mark as eligible: ${mine.length} applications`);
    await page.getByRole("button", { name: `Mark as eligible and email the ${mine.length} groups` }).click();
    await page.waitForURL(/\/admin\/decisions\/\d+$/);
    await checkPage(page, `review-screened-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(`${mine.length} applications decided`);
    const email = await waitForEmail(dataDir, mine[0].email, /Your application can go forward|eligible/i);
    expect(email.subject).toContain(mine[0].reference);
  });

  it("decides them in two batches, each group's feedback its own", async () => {
    const [outcomeA, outcomeB] = mode === "js" ? (["Invite to full application", "Advise on strengthening"] as const) : (["Signpost", "Decline"] as const);

    await page.goto(review);
    await choose(page, firstHalf.map((m) => m.reference), "outline proposal");
    await page.getByRole("button", { name: outcomeA }).click();
    await page.waitForURL(/\/admin\/decisions\/new\?/);
    await checkPage(page, `review-decide-a-${mode}`);
    const feedback = page.getByLabel(`Feedback for ${firstHalf[0].group}`).or(page.getByLabel(`A note for ${firstHalf[0].group} (optional)`));
    expect(await feedback.inputValue()).toContain("Thank you for your outline proposal"); // the fund's template, filled in
    await feedback.fill(`Dear ${firstHalf[0].group}: the panel liked your plan.`);
    if (mode === "no-js") {
      // Signposting needs a referral for each: without one, the GOV.UK error, and nothing decided.
      await page.getByRole("button", { name: /and email the 6 groups/ }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await checkPage(page, `review-signpost-error-${mode}`);
      expect(await page.locator(".govuk-error-summary").innerText()).toContain("Enter the organisation or fund you are signposting the group to");
      for (const m of firstHalf) {
        await page.locator(`input[name^="referralTo-"]`).nth(firstHalf.indexOf(m)).fill("Cambridgeshire Community Foundation");
        await page.locator(`textarea[name^="referralReason-"]`).nth(firstHalf.indexOf(m)).fill("Its Local Giving fund suits projects of this size.");
      }
    }
    await page.getByRole("button", { name: /and email the 6 groups/ }).click();
    await page.waitForURL(/\/admin\/decisions\/\d+$/);
    await checkPage(page, `review-decided-a-${mode}`);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain("6 applications decided");

    await page.goto(review);
    await choose(page, secondHalf.map((m) => m.reference), "outline proposal");
    await page.getByRole("button", { name: outcomeB }).click();
    await page.waitForURL(/\/admin\/decisions\/new\?/);
    await page.getByRole("button", { name: /and email the \d+ groups/ }).click();
    await page.waitForURL(/\/admin\/decisions\/\d+$/);
    expect(await page.locator(".govuk-notification-banner").innerText()).toContain(`${secondHalf.length} applications decided`);
    await page.goto(review);
    await checkPage(page, `review-after-${mode}`);
  });

  it("each group gets the right email, with its feedback", async () => {
    const subjects = mode === "js" ? [/You are invited to make a full application/, /Advice on strengthening your proposal/] : [/Other support for your project/, /Your outline proposal has not been successful/];
    const first = await waitForEmail(dataDir, firstHalf[0].email, subjects[0]);
    expect(first.subject).toContain(firstHalf[0].reference);
    expect(first.text).toContain(`Dear ${firstHalf[0].group}: the panel liked your plan.`);
    if (mode === "no-js") expect(first.text).toContain("We suggest you contact Cambridgeshire Community Foundation");
    for (const m of firstHalf.slice(1)) expect((await waitForEmail(dataDir, m.email, subjects[0])).text).toContain("Thank you for your outline proposal");
    for (const m of secondHalf) expect((await waitForEmail(dataDir, m.email, subjects[1])).subject).toContain(m.reference);
  });

  it("a group asked for more information changes its answers and sends its application again", async () => {
    const full = mode === "js" ? data.invited[1] : data.invited[0];
    await page.goto(`${base}/admin/applications?q=${full.reference}&stage=full`);
    await page.getByRole("link", { name: full.reference }).first().click();
    await checkPage(page, `review-staff-view-${mode}`);
    await page.getByRole("link", { name: "Ask for more information" }).click();
    await page.getByLabel(/^Feedback for/).fill("Please say how many carers over 80 you expect to reach.");
    await page.getByRole("button", { name: /Ask for more information and email the group/ }).click();
    await page.waitForURL(/\/admin\/decisions\/\d+$/);
    await page.getByRole("button", { name: "Sign out" }).first().click();

    const email = await waitForEmail(dataDir, full.email, /We need more information about your application/);
    expect(email.text).toContain("Please say how many carers over 80 you expect to reach.");
    await signIn(page, full.email);
    await page.goto(email.links.find((l) => l.includes("/applications/"))!);
    await checkPage(page, `review-more-information-${mode}`);
    expect(await page.locator(".govuk-inset-text").innerText()).toContain("Please say how many carers over 80 you expect to reach.");
    await page.getByRole("link", { name: "Outcomes", exact: true }).click();
    await page.getByLabel("What outcomes will the project achieve, and how will you measure them?").fill("We expect to reach 120 carers over 80 in the first year, counted at each hub.");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.waitForURL(/\/applications\/\d+$/);
    await page.getByRole("link", { name: "Check your answers" }).click();
    await page.getByLabel(/I am allowed to send this application/).check();
    await page.getByRole("button", { name: "Accept and send again" }).click();
    await page.waitForURL(/\/submitted$/);
    await checkPage(page, `review-resubmitted-${mode}`);
    expect(await page.locator(".govuk-panel").innerText()).toContain(full.reference);
    await page.getByRole("button", { name: "Sign out" }).first().click();
  });
});
