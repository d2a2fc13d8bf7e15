/** `npm start`: a mistake shows in the browser and the terminal, and fixing the file clears it without a restart. */

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { FIXTURES, PROJECT } from "../build/build-helper.ts";
import { launchBrowser } from "./browser-helper.ts";

const folder = mkdtempSync(join(tmpdir(), "preview-"));
const course = join(folder, "course");
const port = 20000 + Math.floor(Math.random() * 20000);
let server: ChildProcess;
let output = "";
let browser: Browser;

async function waitFor(condition: () => boolean, what: string, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  cpSync(join(FIXTURES, "basic"), course, { recursive: true });
  server = spawn(
    process.execPath,
    ["--import", "tsx", join(PROJECT, "lib/cli/build.ts"), "--serve", "--input", course, "--output", join(folder, "site"), "--port", String(port)],
    { cwd: PROJECT },
  );
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  await waitFor(() => /Server at/.test(output), "the preview server");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

describe("live preview", () => {
  it("shows a mistake over the page and in the terminal, and clears it when the file is fixed", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/s1_start/m2_conda.html`);
    assert.equal(await page.locator(".build-problems").count(), 0);
    const file = join(course, "s1_start/m2_conda.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `${original}\nSee [the notes](notes.md).\n`);
    const panel = page.locator(".build-problems");
    await panel.waitFor({ timeout: 30000 });
    assert.match((await panel.textContent()) ?? "", /m2_conda\.md:25 error: the link "notes\.md" points to a page or file that does not exist/);
    assert.match(output, /m2_conda\.md:25: error: the link "notes\.md"/);
    writeFileSync(file, original);
    await panel.waitFor({ state: "detached", timeout: 30000 });
    assert.equal(await page.locator("h1").textContent(), "Conda");
    await page.close();
  });

  it("renders a save of prose alone, and keeps reporting the other pages' problems", async () => {
    const broken = join(course, "s1_start/m1_terminal.md");
    const brokenOriginal = readFileSync(broken, "utf8");
    let before = output.length;
    writeFileSync(broken, `${brokenOriginal}\nSee [the missing notes](missing-notes.md).\n`);
    await waitFor(() => /Wrote 1 file/.test(output.slice(before)), "the rebuild of the saved page alone");
    const other = join(course, "s1_start/m2_conda.md");
    const otherOriginal = readFileSync(other, "utf8");
    const written = statSync(join(folder, "site/s1_start/m1_terminal.html")).mtimeMs;
    before = output.length;
    writeFileSync(other, `${otherOriginal}\nA sentence added at the end.\n`);
    await waitFor(() => /Wrote 1 file/.test(output.slice(before)), "the rebuild of the other page alone");
    // The page not rendered again is as it was, and its problem is still listed, here and on the other page.
    assert.equal(statSync(join(folder, "site/s1_start/m1_terminal.html")).mtimeMs, written);
    assert.match(output.slice(before), /m1_terminal\.md:\d+: error: the link "missing-notes\.md"/);
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/s1_start/m2_conda.html`);
    assert.match((await page.locator("main").textContent()) ?? "", /A sentence added at the end/);
    await page.locator(".build-problems", { hasText: "missing-notes.md" }).waitFor({ timeout: 30000 });
    await page.close();
    before = output.length;
    writeFileSync(broken, brokenOriginal);
    writeFileSync(other, otherOriginal);
    await waitFor(() => (output.slice(before).match(/Wrote \d+ files?/g) ?? []).length >= 2, "the rebuilds after the fixes");
  });

  it("renders one page for a first paragraph that no other page shows, and its session's page too for one that is a summary", async () => {
    /** Saves a change, hands the build's report to `check`, then puts the file back. */
    const saveThenRestore = async (file: string, from: string, to: string, check: (report: string) => Promise<void>): Promise<void> => {
      const original = readFileSync(file, "utf8");
      const before = output.length;
      writeFileSync(file, original.replace(from, to));
      await waitFor(() => /Wrote \d+ files?/.test(output.slice(before)), `the rebuild after a save of ${file}`);
      await check(output.slice(before));
      const restored = output.length;
      writeFileSync(file, original);
      await waitFor(() => /Wrote \d+ files?/.test(output.slice(restored)), `the rebuild after ${file} was put back`);
    };
    // M1 has a description of its own: its session's page shows that, not its first paragraph.
    await saveThenRestore(join(course, "s1_start/m1_terminal.md"), "The terminal is where", "A terminal is where", async (report) => {
      assert.match(report, /Wrote 1 file \(skipped/);
    });
    // M2 has none: its first paragraph is its summary on the session's page, which is written
    // again with it (and no other page).
    await saveThenRestore(join(course, "s1_start/m2_conda.md"), "keep projects apart.", "keep projects well apart.", async (report) => {
      assert.match(report, /Wrote 2 files \(skipped/);
      assert.match(await (await fetch(`http://localhost:${port}/s1_start/index.html`)).text(), /keep projects well apart\./);
      assert.match(await (await fetch(`http://localhost:${port}/s1_start/m2_conda.html`)).text(), /keep projects well apart\./);
    });
    // Put back, the summary is the old one on the session's page again; and a later save of
    // the page's own text writes that page alone once more.
    assert.match(await (await fetch(`http://localhost:${port}/s1_start/index.html`)).text(), /keep projects apart\./);
    await saveThenRestore(join(course, "s1_start/m2_conda.md"), "  - python=3.11", "  - python=3.12", async (report) => {
      assert.match(report, /Wrote 1 file \(skipped/);
    });
  });

  it("checks links into a page that changed from pages that did not", async () => {
    // Only the saved page renders again (a heading below the title is the page's own); the
    // others' links to it are still checked.
    const file = join(course, "s1_start/m1_terminal.md");
    const original = readFileSync(file, "utf8");
    const before = output.length;
    writeFileSync(file, original.replace("## Using the shell", "## Using a shell"));
    await waitFor(() => /Wrote \d+ files?/.test(output.slice(before)), "the rebuild's report");
    const report = output.slice(before);
    assert.match(report, /Wrote 1 file \(skipped/);
    assert.match(report, /m3_git\.md:9: error: .*#using-the-shell/);
    assert.match(report, /README\.md:20: error: .*#using-the-shell/);
    // Opened once the build is done: a one-page build can end before a page opened just
    // before the save has connected to the server, and then that page has no reload to hear.
    const page = await browser.newPage();
    const panel = page.locator(".build-problems");
    for (let tries = 1; ; tries++) {
      await page.goto(`http://localhost:${port}/s1_start/m1_terminal.html`);
      const shown = await panel.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (tries === 10) {
        const script = await (await fetch(`http://localhost:${port}/_preview/problems.js`)).text();
        assert.fail(`no problems panel; the server's problems script:\n${script}\nterminal since the save:\n${output.slice(before)}`);
      }
    }
    const text = (await panel.textContent()) ?? "";
    assert.match(text, /m3_git\.md:9 error: .*#using-the-shell/);
    assert.match(text, /README\.md:20 error: .*#using-the-shell/);
    writeFileSync(file, original);
    await panel.waitFor({ state: "detached", timeout: 30000 });
    await page.close();
  });

  it("applies a change to the course settings without a restart", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/index.html`);
    assert.equal(await page.locator(".brand-title").textContent(), "Fixture Course");
    const settings = join(course, "course.yml");
    writeFileSync(settings, readFileSync(settings, "utf8").replace("title: Fixture Course", "title: Renamed Course"));
    await page.locator(".brand-title", { hasText: "Renamed Course" }).waitFor({ timeout: 30000 });
    await page.close();
  });

  it("copies a figure when it is saved, and keeps it through saves of Markdown alone", async () => {
    const figure = join(course, "figures/diagram.svg");
    const url = `http://localhost:${port}/figures/diagram.svg`;
    const redrawn = readFileSync(figure, "utf8").replace("<svg", '<svg data-redrawn="yes"');
    writeFileSync(figure, redrawn);
    const until = async (test: () => Promise<boolean>, what: string): Promise<void> => {
      const end = Date.now() + 30000;
      while (!(await test())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await until(async () => (await (await fetch(url)).text()).includes('data-redrawn="yes"'), "the saved figure to be served");
    // A save of Markdown alone copies no course file; the figure stays as it was saved.
    const page = join(course, "s1_start/m1_terminal.md");
    const before = output.length;
    writeFileSync(page, `${readFileSync(page, "utf8")}\nOne more line.\n`);
    await waitFor(() => /Wrote \d+ files?/.test(output.slice(before)), "the rebuild after a Markdown save");
    assert.equal(await (await fetch(url)).text(), redrawn);
  });

  it("searches in preview too", async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/index.html`);
    await page.locator("#search-input").fill("fernweh");
    await page.locator(".search-list a", { hasText: "M1 - Terminal" }).waitFor({ timeout: 15000 });
    await page.close();
  });

  it("finds what was saved last when saves come one after another", async () => {
    // The second save stops Pagefind's run for the first, if it is still going.
    const file = join(course, "s1_start/m2_conda.md");
    const original = readFileSync(file, "utf8");
    const before = output.length;
    writeFileSync(file, `${original}\nQuokkaword one.\n`);
    await waitFor(() => /Wrote \d+ files?/.test(output.slice(before)), "the rebuild after the first save");
    writeFileSync(file, `${original}\nWombatword two.\n`);
    const page = await browser.newPage();
    const end = Date.now() + 30000;
    for (;;) {
      // Loaded again each time: a page keeps the index it first loaded.
      await page.goto(`http://localhost:${port}/index.html`);
      await page.locator("#search-input").fill("wombatword");
      const found = await page
        .locator(".search-list a", { hasText: "Conda" })
        .waitFor({ timeout: 2000 })
        .then(() => true)
        .catch(() => false);
      if (found) break;
      if (Date.now() > end) throw new Error(`the saved word was never found; output:\n${output}`);
    }
    assert.doesNotMatch(output, /search index was not updated/);
    assert.deepEqual(
      readdirSync(join(folder, "site", "pagefind")).filter((name) => name.endsWith(".next")),
      [],
      "no run left a half-written part",
    );
    writeFileSync(file, original);
    await page.close();
  });
});
