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
