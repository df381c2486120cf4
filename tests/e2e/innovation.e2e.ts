/**
 * The Innovation Fund's two stages as groups meet them, with JavaScript on and off and axe on every page:
 * a group checks it can apply and sends an outline proposal; a group whose outline was invited starts its
 * full application from it (answers carried over), completes it with its documents uploaded, sends it under
 * the outline's reference and downloads a PDF copy whose text reads back.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pdf } from "../support/files";
import { MODES, checkPage, closeBrowsers, openBrowser, whenReady } from "./browser";
import { signIn } from "./sign-in";

const base = inject("baseUrl");
const ELIGIBLE = "group_type=charity&in_cambridgeshire=yes&amount=1000_to_50000&purpose=yes";

/** Fills one question page (label → value), saves it, and waits for the next page. */
async function answer(page: Page, fields: Record<string, string>) {
  await whenReady(page);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await save(page);
}

/** "Save and continue", and the page it leads to (with JavaScript, the page checks itself first). */
async function save(page: Page) {
  await whenReady(page);
  const from = page.url();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL((url) => url.toString() !== from);
}

async function section(page: Page, taskList: string, name: string) {
  await page.goto(taskList);
  await page.getByRole("link", { name, exact: true }).click();
}

describe.each(MODES)("the Innovation Fund (%s)", (mode) => {
  let context: BrowserContext;
  let page: Page;
  const proposer = mode === "js" ? "maria@ramsey-timebank.example.org" : "kasia@polishcafe.example.org";
  // Seeded: each group's outline proposal was invited in the round open now.
  const invited = mode === "js" ? { email: "ruth@hi-neighbours.example.org", group: "Histon and Impington Good Neighbours", title: "Good neighbours for every street", amount: "18,500" } : { email: "dev@sohamcarers.example.org", group: "Soham Young Carers' Club", title: "Young carers' breaks and mentoring", amount: "12,400" };
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

  it("a group sends an outline proposal", async () => {
    await signIn(page, proposer);
    await page.goto(`${base}/groups`);
    const actFor = page.getByRole("button", { name: /^Act for / }).first();
    if (mode === "no-js" && (await actFor.count())) await page.getByRole("button", { name: "Act for Łódź Polish Community Café" }).click();
    await page.goto(`${base}/funds/communities-innovation-fund/check/you-can-apply?${ELIGIBLE}`);
    await page.getByRole("button", { name: "Start an application" }).click();
    await page.waitForURL(/\/applications\/\d+$/);
    const taskList = page.url();
    await checkPage(page, `innovation-outline-tasks-${mode}`);
    expect(await page.locator("h1").innerText()).toBe("Cambridgeshire Communities Innovation Fund outline proposal");

    await section(page, taskList, "About your group");
    await answer(page, { "Their phone number": "01487 812000" });
    await page.waitForURL(taskList);
    await section(page, taskList, "Your proposal");
    await answer(page, { "What is the name of your project?": "Skills swap for every village" });
    await answer(page, { "Target area": "Ramsey and the fen villages" });
    await checkPage(page, `innovation-outline-postcode-${mode}`);
    await answer(page, {}); // the project works across several villages: no one postcode
    await answer(page, { Objective: "To set up skills swaps where neighbours teach each other practical skills." });
    await answer(page, { "Target beneficiaries": "Older people living alone, and young families new to the area." });
    await answer(page, { "Summary of the project": "Monthly skills swaps in village halls, run by volunteers, with lifts for those who need them." });
    await page.waitForURL(taskList);
    await section(page, taskList, "Resilience and wellbeing");
    await answer(page, { "How will the project build community resilience?": "Neighbours will know who can help with what." });
    await answer(page, { "How will it improve local wellbeing?": "People who live alone will meet others every month." });
    await section(page, taskList, "Funding");
    await page.getByLabel("How much are you asking for?").fill("£60,000");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await checkPage(page, `innovation-outline-amount-error-${mode}`);
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("must be £50,000 or less");
    await answer(page, { "How much are you asking for?": "£8,750" });
    await page.waitForURL(taskList);

    await page.getByRole("link", { name: "Check your answers" }).click();
    await checkPage(page, `innovation-outline-check-${mode}`);
    await page.getByLabel(/I am allowed to send this application/).check();
    await page.getByRole("button", { name: "Accept and send" }).click();
    await page.waitForURL(/\/submitted$/);
    await checkPage(page, `innovation-outline-submitted-${mode}`);
    const panel = await page.locator(".govuk-panel").innerText();
    expect(panel).toContain("Outline proposal submitted");
    expect(panel).toMatch(/CIF-\d{4}-\d{5}/);
    await page.getByRole("button", { name: "Sign out" }).first().click();
  });

  it("an invited group starts its full application from the outline, with the outline's answers carried over", async () => {
    await signIn(page, invited.email);
    await page.goto(`${base}/applications`);
    await checkPage(page, `innovation-invited-list-${mode}`);
    const card = page.locator(".govuk-summary-card", { hasText: invited.title });
    expect(await card.locator(".govuk-tag").innerText()).toBe("Invited to apply in full");
    const reference = /CIF-\d{4}-\d{5}/.exec(await card.innerText())![0];
    await card.getByRole("link", { name: /Start your full application/ }).click();
    await checkPage(page, `innovation-full-start-${mode}`);
    await page.getByRole("button", { name: "Start your full application" }).click();
    await page.waitForURL(/\/applications\/\d+$/);
    const taskList = page.url();
    await checkPage(page, `innovation-full-tasks-${mode}`);
    const tasks = await page.locator(".govuk-task-list").innerText();
    expect(tasks).toMatch(/About your group\s*Completed/);
    expect(tasks).toMatch(/Your proposal\s*Completed/);
    expect(tasks).toMatch(/Documents\s*Not yet started/);
    await section(page, taskList, "Your proposal");
    expect(await page.getByLabel("What is the name of your project?").inputValue()).toBe(invited.title);

    await section(page, taskList, "Project plan");
    await answer(page, { "How will you deliver the project?": "A coordinator recruits volunteers and matches them with people who need help." });
    await page.locator("#milestones-0-milestone").fill("Volunteers recruited");
    await page.locator("#milestones-0-by").fill("June 2027");
    await save(page);
    await section(page, taskList, "Budget");
    expect(await page.getByLabel("How much are you asking for?").inputValue()).toBe(invited.amount); // from the outline
    await answer(page, {});
    await page.locator("#budget_lines-0-item").fill("Coordinator");
    await page.locator("#budget_lines-0-cost").fill(invited.amount);
    await save(page);
    await section(page, taskList, "Outcomes");
    await answer(page, { "What outcomes will the project achieve, and how will you measure them?": "Sixty people helped each month, counted by the coordinator." });
    await section(page, taskList, "Savings to the council");
    await page.locator("#savings_plan-0-budget").fill("Adult social care: low-level support");
    await page.locator("#savings_plan-0-cashable").selectOption("yes");
    await page.locator("#savings_plan-0-per_year").fill("9,000");
    await save(page);
    await answer(page, { "What is your evidence for these savings?": "Each person helped needs fewer care visits, at £18 a visit." });
    await section(page, taskList, "Sustainability");
    await answer(page, { "How will the project continue after the grant?": "The parish council will fund the coordinator from the second year." });
    await section(page, taskList, "Safeguarding");
    await page.getByLabel("Yes").check();
    await save(page);

    await section(page, taskList, "Documents");
    await checkPage(page, `innovation-full-documents-${mode}`);
    // The governing document is required: continuing without one is refused.
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator(".govuk-error-summary").innerText()).toContain("Select your group's governing document");
    await page.getByLabel("Your group's governing document").setInputFiles({ name: "Constitution 2024.pdf", mimeType: "application/pdf", buffer: pdf("Constitution") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await page.waitForURL(/uploaded=\d+$/);
    await checkPage(page, `innovation-full-uploaded-${mode}`);
    expect(await page.locator(".govuk-summary-list").innerText()).toContain("Constitution 2024.pdf");
    await save(page);
    await page.getByLabel("Your group's latest accounts").setInputFiles({ name: "Accounts 2025-26.pdf", mimeType: "application/pdf", buffer: pdf("Accounts") });
    await save(page); // a chosen file is uploaded as the page is saved
    await answer(page, {}); // no safeguarding policy file to add
    await answer(page, {}); // no quotes
    await page.waitForURL(taskList);
    await section(page, taskList, "Declarations");
    for (const d of ["The information in this application is true", "The group will spend the grant", "The group will report"]) await page.getByLabel(new RegExp(d)).check();
    await save(page);

    await page.getByRole("link", { name: "Check your answers" }).click();
    await checkPage(page, `innovation-full-check-${mode}`);
    const answers = await page.locator("main").innerText();
    for (const a of [invited.title, "Constitution 2024.pdf", "Accounts 2025-26.pdf", "Adult social care: low-level support, Cashable, £9,000"]) expect(answers).toContain(a);
    await page.getByLabel(/I am allowed to send this application/).check();
    await page.getByRole("button", { name: "Accept and send" }).click();
    await page.waitForURL(/\/submitted$/);
    await checkPage(page, `innovation-full-submitted-${mode}`);
    expect(await page.locator(".govuk-panel").innerText()).toContain(reference);

    // The copy, as the group downloads it from "Your applications".
    await page.goto(`${base}/applications`);
    const full = page.locator(".govuk-summary-card", { hasText: "Cambridgeshire Communities Innovation Fund, full application" }).filter({ hasText: reference });
    const href = await full.getByRole("link", { name: /Download \(PDF\)/ }).getAttribute("href");
    const res = await page.request.get(`${base}${href}`);
    expect(res.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "grants-pdf-")), "copy.pdf");
    fs.writeFileSync(file, await res.body());
    execFileSync("qpdf", ["--check", file]);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    for (const t of [reference, invited.group, "Full application", "Constitution 2024.pdf", "Savings to the council"]) expect(text).toContain(t);
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
  });
});
