/**
 * The browser for journeys: Debian's Chromium through playwright-core (no browser download), a fresh
 * profile per context, and axe on every page visited.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const SCREENSHOTS = path.resolve("test-results/screenshots");

export type JsMode = "js" | "no-js";
export const MODES: JsMode[] = ["js", "no-js"];

const noJsContexts = new WeakSet<BrowserContext>();
let axeContext: BrowserContext | undefined;

export async function openBrowser(mode: JsMode): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "grants-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: mode === "js",
    viewport: { width: 1024, height: 768 },
  });
  if (mode === "no-js") noJsContexts.add(context);
  return context;
}

export async function closeBrowsers(...contexts: (BrowserContext | undefined)[]): Promise<void> {
  await Promise.all(contexts.map((c) => c?.close()));
  await axeContext?.close();
  axeContext = undefined;
}

/**
 * axe runs inside the page, so it needs JavaScript. For a page seen with JavaScript off, check the very
 * document that browser received: replay its HTML, with its stylesheets, in a JavaScript-enabled page.
 */
async function pageForAxe(page: Page): Promise<{ target: Page; done: () => Promise<void> }> {
  if (!noJsContexts.has(page.context())) return { target: page, done: async () => {} };
  axeContext ??= await openBrowser("js");
  const html = await page.content();
  const url = page.url();
  const target = await axeContext.newPage();
  await target.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await target.route("**/*.js", (route) => route.abort()); // the no-JS reader never runs any
  await target.goto(url);
  return { target, done: () => target.close() };
}

/** Fails the test on any axe violation of WCAG 2.2 AA, naming each rule and the elements it found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { target, done } = await pageForAxe(page);
  const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze().finally(done);
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Go to a page, check it is accessible and take its picture. Returns the HTTP status. */
export async function visit(page: Page, url: string, name: string): Promise<number> {
  const response = await page.goto(url);
  await checkPage(page, name);
  return response?.status() ?? 0;
}

/** Check the page now showing (after a click or a form post). */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("load");
  try {
    await expectAccessible(page, name);
  } catch (error) {
    // A navigation still under way (a form post's answer arriving) replaced the page axe was reading:
    // check the page it landed on. Any other failure, and a second one, stand.
    if (!/Execution context was destroyed/.test(String(error))) throw error;
    await page.waitForLoadState("load");
    await expectAccessible(page, name);
  }
  await screenshot(page, name);
}

/**
 * With JavaScript on, a page that ships scripts is ready once it has hydrated (app/root.tsx marks <html>);
 * a page without scripts, or any page with JavaScript off, is ready as soon as it has loaded.
 */
export async function whenReady(page: Page): Promise<void> {
  if (noJsContexts.has(page.context())) return;
  await page.waitForFunction(() => !document.querySelector("script[type=module]") || document.documentElement.dataset.hydrated === "true");
}
