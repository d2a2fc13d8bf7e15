/** Pagefind's run on a built folder: its index is moved in whole, and a stopped run leaves the last one in place. */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PagefindStopped, pagefindRunning, stopPagefind, writePagefindIndex } from "../../lib/search/pagefind-index.ts";

/** A folder of `count` pages, each with a word of its own and `word` in common. */
function writeSite(dir: string, count: number, word: string): void {
  mkdirSync(dir, { recursive: true });
  const prose = "Containers package a model with its dependencies so that it runs the same everywhere. ".repeat(40);
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(dir, `p${i}.html`),
      `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><main data-pagefind-body><h1>Page ${i}</h1><p>${word} unique${i} ${prose}</p></main></body></html>`,
    );
}

const pageCount = (site: string): number =>
  (JSON.parse(readFileSync(join(site, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> }).languages.en
    ?.page_count ?? 0;

describe("Pagefind index", () => {
  it("replaces the index of a folder whole, leaving nothing beside it", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    writeSite(site, 5, "first");
    await writePagefindIndex(site, "en");
    assert.equal(pageCount(site), 5);
    writeSite(site, 8, "second");
    await writePagefindIndex(site, "en");
    assert.equal(pageCount(site), 8);
    assert.ok(existsSync(join(site, "pagefind/pagefind.js")));
    assert.ok(!existsSync(join(site, "pagefind/pagefind-ui.js")), "Pagefind's own interfaces, which the site does not use, are left out");
    assert.deepEqual(
      readdirSync(site).filter((name) => name.startsWith("pagefind")),
      ["pagefind"],
    );
  });

  it("in preview, moves the new index in beside the last one's files, which pages that loaded it still name", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    const files = (): string[] => readdirSync(join(site, "pagefind"), { recursive: true, encoding: "utf8" });
    writeSite(site, 4, "first");
    await writePagefindIndex(site, "en");
    const earlier = files();
    writeSite(site, 6, "second");
    await writePagefindIndex(site, "en", { keepEarlier: true });
    assert.equal(pageCount(site), 6);
    const now = new Set(files());
    assert.deepEqual(
      earlier.filter((file) => !now.has(file)),
      [],
    );
    assert.ok(now.size > earlier.length, "the new index has files of its own");
    assert.deepEqual(
      readdirSync(site).filter((name) => name.startsWith("pagefind")),
      ["pagefind"],
    );
  });

  it("keeps the last index when a run is stopped, and reports the stop as such", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    writeSite(site, 3, "first");
    await writePagefindIndex(site, "en");
    const entry = readFileSync(join(site, "pagefind/pagefind-entry.json"), "utf8");
    writeSite(site, 600, "second");
    const run = writePagefindIndex(site, "en", { lowPriority: true });
    while (!pagefindRunning()) await new Promise((r) => setTimeout(r, 2));
    stopPagefind();
    await assert.rejects(run, PagefindStopped);
    assert.equal(readFileSync(join(site, "pagefind/pagefind-entry.json"), "utf8"), entry);
    assert.equal(existsSync(join(site, "pagefind.next")), false);
  });
});
