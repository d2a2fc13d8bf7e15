/** axe-core on every page of the fixture course, in the light and the dark theme, at desktop and phone widths. */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { build } from "../build/build-helper.ts";
import { launchBrowser, type StaticServer, serve } from "./browser-helper.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

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
  // bypassCSP: axe is injected as a script the page's policy would (rightly) refuse.
  const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.addScriptTag({ path: AXE });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  await context.close();
  return found.map((v) => `${path} (${scheme}, ${width}px): ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
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
