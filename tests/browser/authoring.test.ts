/** The authoring extensions in a real browser: tabs, collapsibles, exercises, lightbox, math; and axe on the kitchen sink. */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build } from "../build/build-helper.ts";
import { axeViolations, launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

let browser: Browser;
let server: StaticServer;
before(async () => {
  const site = await build("authoring");
  assert.equal(site.code, 0, site.stderr);
  server = await serve(site.output);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url + path);
  return { page, context };
}

const selectedTabs = (page: Page): Promise<string[]> =>
  page.$$eval('.tab-list [role="tab"][aria-selected="true"]', (tabs) => tabs.map((t) => t.textContent ?? ""));

describe("tabs", () => {
  it("keeps sets with the same labels in sync on the page and on the next page", async () => {
    const { page, context } = await open("index.html");
    assert.deepEqual(await selectedTabs(page), ["Linux", "Linux"]);
    await page.getByRole("tab", { name: "Windows" }).first().click();
    assert.deepEqual(await selectedTabs(page), ["Windows", "Windows"]);
    assert.equal(await page.getByRole("tabpanel", { name: "Windows" }).first().isVisible(), true);
    assert.equal(await page.locator(".tab-panel[data-label=Linux]").first().isVisible(), false);
    await page.goto(`${server.url}s1/page.html`);
    assert.deepEqual(await selectedTabs(page), ["Windows"], "the choice follows the student to another page");
    await context.close();
  });

  it("follows the WAI-ARIA tabs pattern with the keyboard", async () => {
    const { page, context } = await open("index.html");
    const first = page.getByRole("tablist").first();
    await first.getByRole("tab", { name: "Linux" }).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "macOS");
    assert.equal(await first.getByRole("tab", { name: "macOS" }).getAttribute("aria-selected"), "true");
    assert.equal(await first.getByRole("tab", { name: "Linux" }).getAttribute("tabindex"), "-1");
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Windows");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Linux", "wraps around");
    await context.close();
  });

  it("shows every panel under its label without JavaScript", async () => {
    const { page, context } = await open("index.html", { javaScriptEnabled: false });
    assert.equal(await page.locator('[role="tablist"]').count(), 0);
    for (const label of ["Linux", "macOS", "Windows"]) {
      assert.equal(await page.locator(`.tab-panel[data-label="${label}"]`).first().isVisible(), true);
      assert.equal(await page.locator(".tab-label", { hasText: label }).first().isVisible(), true);
    }
    await context.close();
  });
});

describe("collapsible blocks", () => {
  it("keeps solutions closed until asked for, by mouse or keyboard", async () => {
    const { page, context } = await open("index.html");
    const solution = page.locator("details.admonition.success");
    assert.equal(await solution.getAttribute("open"), null);
    assert.equal(await solution.getByText("The answer is").isVisible(), false);
    await solution.locator("summary").focus();
    await page.keyboard.press("Enter");
    assert.equal(await solution.getByText("The answer is").isVisible(), true);
    assert.notEqual(await page.locator("details.admonition.tip").getAttribute("open"), null, "???+ starts open");
    await context.close();
  });
});

describe("exercises", () => {
  it("remembers ticks across a reload and shows progress in the sidebar", async () => {
    const { page, context } = await open("index.html");
    const box = page.getByRole("checkbox", { name: "Create an environment." });
    await box.check();
    await page.reload();
    assert.equal(await page.getByRole("checkbox", { name: "Create an environment." }).isChecked(), true);
    const badge = page.locator('.sidebar li[data-url="index.html"] .nav-progress');
    assert.equal(await badge.textContent(), "2/4 exercises done");
    await page.goto(`${server.url}s1/page.html`);
    assert.equal(await page.locator('.sidebar li[data-url="index.html"] .nav-progress').textContent(), "2/4 exercises done", "seen from another page");
    await context.close();
  });
});

describe("figures", () => {
  it("opens an image in an accessible lightbox that Escape closes, returning focus", async () => {
    const { page, context } = await open("index.html");
    const link = page.locator("figure.figure a.lightbox-link");
    await link.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "The pipeline from data to API" });
    await dialog.waitFor();
    assert.match((await dialog.locator("img").getAttribute("src")) ?? "", /figures\/diagram\.svg$/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("lightbox-link")), true);
    await context.close();
  });
  it("reserves space for images before they load", async () => {
    const { page, context } = await open("index.html");
    const sizes = await page.$$eval(".content img", (images) => images.map((i) => [i.getAttribute("width"), i.getAttribute("height")]));
    assert.ok(sizes.length >= 3);
    for (const [w, h] of sizes) assert.ok(w && h, "every content image has width and height");
    await context.close();
  });
});

describe("accessibility of the kitchen sink", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`has no axe-core violation in the ${scheme} theme, with tabs enhanced and a solution open`, async () => {
      const { page, context } = await open("index.html", { bypassCSP: true, colorScheme: scheme });
      await page.locator("details.admonition.success summary").click();
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});
