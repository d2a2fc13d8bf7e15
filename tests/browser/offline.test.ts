/** One build, three ways to read it: from disk, at a domain root, under a sub-path. Search works in each. */

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { type BuildResult, build, NEEDS_SHARED, PROJECT, SHARED } from "../build/build-helper.ts";
import { launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

let browser: Browser;
let site: BuildResult;
const servers: StaticServer[] = [];
const bases: Record<"file" | "root" | "sub", string> = { file: "", root: "", sub: "" };
before(async () => {
  site = await build("basic");
  assert.equal(site.code, 0, site.stderr);
  browser = await launchBrowser();
  bases.file = pathToFileURL(`${site.output}/`).href;
  for (const [mode, prefix] of [
    ["root", "/"],
    ["sub", "/course/"],
  ] as const) {
    const server = await serve(site.output, prefix);
    servers.push(server);
    bases[mode] = server.url;
  }
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function openPage(base: string, path: string): Promise<{ page: Page; requests: string[]; failures: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("requestfailed", (r) => failures.push(r.url()));
  page.on("pageerror", (e) => failures.push(`script error: ${e.message}`));
  await page.goto(base + path);
  return { page, requests, failures };
}

async function search(page: Page, query: string): Promise<{ title: string; section: string; excerpt: string; href: string }[]> {
  await page.locator("#search-input").click();
  await page.locator("#search-input").pressSequentially(query, { delay: 20 });
  await page
    .locator("#search-status")
    .filter({ hasText: /result/ })
    .waitFor();
  return page.$$eval(".search-list a", (links) =>
    links.map((a) => ({
      title: a.querySelector(".search-result-title")?.textContent ?? "",
      section: a.querySelector(".search-result-section")?.textContent ?? "",
      excerpt: a.querySelector(".search-result-excerpt")?.innerHTML ?? "",
      href: (a as HTMLAnchorElement).href,
    })),
  );
}

for (const mode of ["file", "root", "sub"] as const) {
  describe(`read ${mode === "file" ? "from disk" : mode === "root" ? "at a domain root" : "under /course/"}`, () => {
    it("loads every style, script and figure of a module page", async () => {
      const { page, failures } = await openPage(bases[mode], "s1_start/m1_terminal.html");
      await page.waitForLoadState("load");
      assert.deepEqual(failures, []);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header") as Element).position), "sticky", "the stylesheet applies");
      assert.equal(await page.evaluate(() => (document.querySelector(".content img") as HTMLImageElement).naturalWidth > 0), true, "the figure loads");
      await page.close();
    });

    it("searches, shows the section with the match highlighted, and opens the result at that section", async () => {
      const { page, failures } = await openPage(bases[mode], "timeplan.html");
      const results = await search(page, "merging");
      assert.equal(results[0]?.title, "M3 - Git");
      assert.equal(results[0]?.section, "Merging");
      assert.match(results[0]?.excerpt ?? "", /<mark>Merging\.?<\/mark>/i, "Pagefind marks the heading with its full stop");
      await page.locator(".search-list a").first().click();
      await page.waitForURL(/s2_next\/m3_git\.html#merging$/);
      assert.equal(await page.locator("h1").textContent(), "Git");
      assert.deepEqual(failures, []);
      await page.close();
    });
  });
}

describe("the offline index", () => {
  it("loads nothing until the reader uses the search field, then only what the query needs", async () => {
    const { page, requests } = await openPage(bases.file, "index.html");
    await page.waitForLoadState("load");
    const searchFiles = (): string[] => requests.filter((r) => r.includes("/search/")).map((r) => r.slice(r.lastIndexOf("/") + 1));
    assert.deepEqual(searchFiles(), []);
    await page.locator("#search-input").focus();
    await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith("search/meta.js")));
    assert.deepEqual(searchFiles(), ["meta.js"]);
    await search(page, "fern");
    const loaded = searchFiles();
    assert.ok(loaded.includes("t-fe.js"), loaded.join(", "));
    assert.ok(!loaded.some((f) => f.startsWith("t-") && f !== "t-fe.js"), `only the shard of "fern": ${loaded.join(", ")}`);
    await page.close();
  });

  it("finds words as they are typed, and requires every word", async () => {
    const { page } = await openPage(bases.file, "index.html");
    assert.equal((await search(page, "fernw"))[0]?.title, "M1 - Terminal", "an unfinished last word matches");
    await page.locator("#search-input").fill("");
    // A word in sections of several pages, the page about it the last of them in the index.
    assert.equal((await search(page, "git"))[0]?.title, "M3 - Git");
    await page.locator("#search-input").fill("");
    await page.locator("#search-input").fill("");
    await page.locator("#search-input").pressSequentially("fernweh merging", { delay: 10 });
    await page.locator("#search-status").filter({ hasText: "No results" }).waitFor();
    await page.close();
  });
});

describe("the offline copy", () => {
  it("is linked from every page and unzips into a folder that works from disk, search included", async () => {
    const home = site.read("index.html");
    assert.match(home, /<a href="fixture-course-offline\.zip" download>Download for offline reading<\/a>/);
    assert.match(site.read("s1_start/m1_terminal.html"), /<a href="\.\.\/fixture-course-offline\.zip" download>/);
    const folder = mkdtempSync(join(tmpdir(), "unzipped-"));
    for (const [name, data] of Object.entries(unzipSync(readFileSync(join(site.output, "fixture-course-offline.zip"))))) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), data);
    }
    assert.equal(existsSync(join(folder, "fixture-course/pagefind")), false, "Pagefind is left out: it only works over HTTP");
    const { page, failures } = await openPage(pathToFileURL(join(folder, "fixture-course/")).href, "s2_next/m3_git.html");
    const results = await search(page, "fernweh");
    assert.equal(results[0]?.title, "M1 - Terminal");
    await page.locator(".search-list a").first().click();
    await page.waitForURL(/fixture-course\/s1_start\/m1_terminal\.html$/);
    assert.deepEqual(failures, []);
    await page.close();
  });
});

describe("the shared browse check", { skip: NEEDS_SHARED }, () => {
  it("passes in all three modes", async () => {
    // On failure, the check's own report (which page, which load) is the message.
    const stdout = await promisify(execFile)(process.execPath, [join(SHARED, "checks/browse-check.mjs"), site.output], { cwd: PROJECT }).then(
      (r) => r.stdout,
      (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ""}${e.stderr ?? ""}`,
    );
    assert.match(
      stdout,
      /file \d+ pages, 0 unopenable, 0 failed loads, 0 errors, search ok; root \d+ pages, 0 unopenable, 0 failed loads, 0 errors, search ok; sub \d+ pages, 0 unopenable, 0 failed loads, 0 errors, search ok/,
    );
  });
});
