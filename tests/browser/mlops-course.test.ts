/** axe-core on pages of the real course that use every kind of block, in both themes. */

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { build, PROJECT } from "../build/build-helper.ts";
import { axeViolations, launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

const PAGES = [
  "index.html",
  "timeplan.html",
  "authoring-reference.html",
  "s01_development_environment/index.html",
  "s01_development_environment/m02_package_managers.html",
  "s08_monitoring/m26_data_drift.html",
  "s09_scalable_applications/m30_distributed_training.html",
  "faq.html",
];

let browser: Browser;
let server: StaticServer;
before(async () => {
  const site = await build(join(PROJECT, "content"));
  assert.equal(site.code, 0, site.stderr);
  server = await serve(site.output);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe("the MLOps course's accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`has no axe-core violation on its richest pages in the ${scheme} theme`, async () => {
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const found: string[] = [];
      for (const path of PAGES) {
        const page = await context.newPage();
        await page.goto(server.url + path);
        found.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
        await page.close();
      }
      await context.close();
      assert.deepEqual(found, []);
    });
  }
});

describe("the MLOps course's pages as the script runs", () => {
  it("move nothing as the page script adds its controls (no layout shift), header buttons at full size", async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await browser.newPage({ viewport });
      // A module of session 5: the sessions above it have titles that wrap beside their toggles.
      await page.goto(`${server.url}s05_continuous_integration/m17_ci_workflows.html`);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 300);
          }),
      );
      assert.equal(shift, 0, `layout shift at ${viewport.width} px`);
      const widths = await page
        .locator(".site-header .icon-button")
        .evaluateAll((buttons) => buttons.filter((b) => b.getClientRects().length).map((b) => b.getBoundingClientRect().width));
      assert.ok(widths.length > 0 && widths.every((w) => w === 40), `header buttons ${widths.join(", ")} px wide at ${viewport.width} px`);
      await page.close();
    }
  });
});
