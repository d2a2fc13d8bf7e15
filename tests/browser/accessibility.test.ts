/** axe-core on every page of the fixture course, in the light and the dark theme, at desktop and phone widths. */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { build } from "../build/build-helper.ts";
import { axeViolations, launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

let browser: Browser;
let server: StaticServer;
let pages: string[] = [];
before(async () => {
  const site = await build("basic");
  assert.equal(site.code, 0, site.stderr);
  pages = readdirSync(site.output, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .sort();
  server = await serve(site.output);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(path: string, scheme: "light" | "dark", width: number): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + path);
  const found = await axeViolations(page);
  await context.close();
  return found.map((v) => `${path} (${scheme}, ${width}px): ${v}`);
}

describe("accessibility (axe-core)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`finds no violation on any page in the ${scheme} theme`, async () => {
      assert.ok(pages.length >= 9);
      const found: string[] = [];
      for (const path of pages) found.push(...(await violations(path, scheme, 1280)));
      assert.deepEqual(found, []);
    });
  }
  it("finds no violation at a phone's width", async () => {
    const found: string[] = [];
    for (const path of pages.slice(0, 4)) found.push(...(await violations(path, "light", 390)), ...(await violations(path, "dark", 390)));
    assert.deepEqual(found, []);
  });
});
