/**
 * Offline search at scale, measured in real Chromium from disk (file://): how long the home
 * page takes to load and whether any index file loads before the reader types, then for a
 * few queries typed like a person types them, the time from the last keystroke to the
 * results on screen and the bytes of index loaded.
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, launchBrowser } from "../browser/browser-helper.ts";

export interface SearchFigures {
  readonly loadMs: number;
  readonly indexFilesBeforeTyping: number;
  readonly largestIndexFileKb: number;
  readonly indexFiles: number;
  /** Per query: milliseconds from the last keystroke to results shown, and KB of index loaded for it. */
  readonly queries: { query: string; ms: number; kb: number; results: number }[];
}

/** Measures offline search on the built site in `siteDir`; undefined when Chromium is missing. */
export async function measureOfflineSearch(siteDir: string, queries: readonly string[]): Promise<SearchFigures | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const searchDir = join(siteDir, "search");
  const files = readdirSync(searchDir);
  const largest = Math.max(...files.map((f) => statSync(join(searchDir, f)).size));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const loaded: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/search/")) loaded.push(r.url());
    });
    const started = performance.now();
    await page.goto(pathToFileURL(join(siteDir, "index.html")).href, { waitUntil: "load" });
    const loadMs = performance.now() - started;
    const before = loaded.length;
    const input = page.locator("#search-input");
    await input.focus();
    await page.waitForFunction(() => [...document.scripts].some((s) => s.src.endsWith("search/meta.js") && s.dataset.loaded !== "no"));
    await page.waitForTimeout(300);
    const results: SearchFigures["queries"] = [];
    for (const query of queries) {
      await input.fill("");
      const firstFile = loaded.length;
      await page.evaluate(() => {
        (window as unknown as { __lastStatus?: string }).__lastStatus = document.querySelector("#search-status")?.textContent ?? "";
      });
      for (const ch of query.slice(0, -1)) await input.press(ch === " " ? "Space" : ch, { delay: 0 }).then(() => page.waitForTimeout(40));
      const typedAt = await page.evaluate(() => performance.now());
      await input.press(query.slice(-1));
      const doneAt = await page.waitForFunction(
        (q) => {
          const status = document.querySelector("#search-status")?.textContent ?? "";
          return status.includes(`“${q}”`) ? performance.now() : false;
        },
        query,
        { polling: "raf", timeout: 10000 },
      );
      const ms = ((await doneAt.jsonValue()) as number) - typedAt;
      const kb = loaded.slice(firstFile).reduce((sum, url) => sum + statSync(new URL(url)).size, 0) / 1024;
      const count = await page.locator(".search-list a").count();
      results.push({ query, ms, kb, results: count });
    }
    return { loadMs, indexFilesBeforeTyping: before, largestIndexFileKb: largest / 1024, indexFiles: files.length, queries: results };
  } finally {
    await browser.close();
  }
}
