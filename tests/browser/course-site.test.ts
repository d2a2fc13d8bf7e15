/** Students' paths through a built fixture course, in real Chromium. */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { build } from "../build/build-helper.ts";
import { launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

let browser: Browser;
let server: StaticServer;
before(async () => {
  // Pagefind's index in parts of two pages, as a large course's is (see pagefind-parts.ts):
  // search below finds pages of parts the browser merges.
  const site = await build("basic", [], undefined, { COURSESITE_SEARCH_PART_PAGES: "2" });
  assert.equal(site.code, 0, site.stderr);
  assert.equal((JSON.parse(site.read("pagefind/parts.json")) as { parts: string[] }).parts.length, 2);
  server = await serve(site.output, "/course/");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(server.url + path);
  page.on("close", () => assert.deepEqual(errors, [], `script errors on ${path}`));
  return page;
}

describe("navigation", () => {
  it("follows the sidebar from the home page to a module", async () => {
    const page = await open("index.html");
    const toggle = page.getByRole("button", { name: "S2 - Version control: show or hide its pages" });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.getByRole("link", { name: "M3 - Git" }).isVisible(), false, "closed branches are collapsed");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    await page.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "M3 - Git" }).click();
    await page.waitForURL(/s2_next\/m3_git\.html$/);
    assert.equal(await page.locator("h1").textContent(), "Git");
    assert.equal(await page.locator('.sidebar [aria-current="page"]').textContent(), "M3 - Git");
    await page.context().close();
  });

  it("opens and closes the menu on a phone", async () => {
    const page = await open("s1_start/m1_terminal.html", { width: 390, height: 844 });
    const menu = page.getByRole("button", { name: "Course menu" });
    const sidebar = page.locator("#sidebar");
    assert.ok(await menu.isVisible());
    assert.equal(await sidebar.isVisible(), false);
    await menu.click();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    await sidebar.getByRole("link", { name: "M1 - Terminal" }).waitFor({ state: "visible" });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "M1 - Terminal", "focus moves into the menu");
    await page.keyboard.press("Escape");
    await sidebar.waitFor({ state: "hidden" });
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("menu-button")), true, "focus returns to the button");
    await page.context().close();
  });

  it("scrolls the sidebar to the current page's link when it is out of view", async () => {
    const page = await open("s2_next/m3_git.html", { width: 1280, height: 200 });
    const inView = (): Promise<boolean> =>
      page.evaluate(() => {
        const sidebar = document.getElementById("sidebar")?.getBoundingClientRect();
        const link = document.querySelector('.sidebar [aria-current="page"]')?.getBoundingClientRect();
        return !!sidebar && !!link && link.top >= sidebar.top && link.bottom <= sidebar.bottom;
      });
    assert.ok(await page.evaluate(() => (document.getElementById("sidebar")?.scrollTop ?? 0) > 0), "the sidebar scrolled");
    assert.ok(await inView());
    await page.context().close();
  });

  it("jumps past the header and sidebar with the skip link", async () => {
    const page = await open("s1_start/m1_terminal.html");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main-content");
    await page.context().close();
  });
});

describe("theme", () => {
  it("switches between system, light and dark, and keeps the choice across a reload", async () => {
    const page = await open("index.html");
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const button = page.locator(".theme-button");
    assert.equal(await button.getAttribute("aria-label"), "Colour theme: follow the system");
    await button.click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
    assert.equal(await background(), "rgb(255, 255, 255)");
    await button.click();
    assert.equal(await button.getAttribute("aria-label"), "Colour theme: dark");
    assert.equal(await background(), "rgb(13, 17, 23)");
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "remembered");
    assert.equal(await background(), "rgb(13, 17, 23)");
    await page.context().close();
  });
});

describe("search", () => {
  it("finds a word with the keyboard shortcut and opens the result at its page", async () => {
    const page = await open("timeplan.html");
    const loaded = (): Promise<string[]> => page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
    assert.deepEqual(
      (await loaded()).filter((path) => /search\.js|pagefind/.test(path)),
      [],
      "the search's code and index wait until the reader turns to the field",
    );
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
    await page.keyboard.type("fernweh");
    const result = page.locator(".search-list a").first();
    await result.waitFor();
    assert.equal(await result.locator(".search-result-title").textContent(), "M1 - Terminal");
    assert.match((await result.locator(".search-result-excerpt").innerHTML()) ?? "", /<mark>Fernweh<\/mark>/i);
    assert.ok((await loaded()).includes("/course/assets/search.js"));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/course\/s1_start\/m1_terminal\.html/);
    assert.equal(await page.locator("h1").textContent(), "The terminal");
    await page.context().close();
  });

  it("ranks pages of every part of the index in one list", async () => {
    const page = await open("index.html");
    await page.locator("#search-input").fill("terminal");
    await page.locator(".search-list a").first().waitFor();
    const links = await page.locator(".search-list a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(
      links.some((url) => url.startsWith("/course/s1_start/")),
      links.join(", "),
    );
    assert.ok(
      links.some((url) => url.startsWith("/course/s2_next/")),
      links.join(", "),
    );
    await page.context().close();
  });

  it("does not find pages excluded from search", async () => {
    const page = await open("index.html");
    await page.locator("#search-input").fill("xylophonist");
    await page.locator("#search-status").filter({ hasText: "No results" }).waitFor();
    await page.context().close();
  });
});

describe("code blocks", () => {
  it("copies a block's code to the clipboard", async () => {
    const page = await open("s1_start/m1_terminal.html");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const block = page.locator(".code-block").first();
    await block.hover();
    await block.getByRole("button", { name: "Copy code to clipboard" }).click();
    await block.getByRole("button", { name: "Copied to clipboard" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'ls -la\necho "hello"');
    await page.context().close();
  });
});
