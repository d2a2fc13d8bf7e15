/**
 * Pagefind's runs on a built folder: each part of the index is moved in whole, a stopped
 * run leaves the last one in place, and a site in parts indexes again only the parts whose
 * pages changed.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PagefindStopped, pagefindRunning, stopPagefind, writePagefindPart } from "../../lib/search/pagefind-index.ts";
import { startSiteIndex } from "../../lib/search/pagefind-site.ts";

/** The part that indexes a whole (small) site. */
const WHOLE = { id: "main", glob: "**/*.html" };
const writePagefindIndex = (site: string, language: string, options = {}): Promise<void> => writePagefindPart(site, language, WHOLE, options);

/** A folder of `count` pages, each with a word of its own and `word` in common. */
function writeSite(dir: string, count: number, word: string, folder = ""): void {
  mkdirSync(join(dir, folder), { recursive: true });
  const prose = "Containers package a model with its dependencies so that it runs the same everywhere. ".repeat(40);
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(dir, folder, `p${i}.html`),
      `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body><main data-pagefind-body><h1>Page ${i}</h1><p>${word} unique${i} ${prose}</p></main></body></html>`,
    );
}

const pageCount = (site: string, part = "main"): number =>
  (JSON.parse(readFileSync(join(site, "pagefind", part, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> }).languages.en
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
    assert.ok(existsSync(join(site, "pagefind/main/pagefind.js")));
    assert.ok(!existsSync(join(site, "pagefind/main/pagefind-ui.js")), "Pagefind's own interfaces, which the site does not use, are left out");
    assert.deepEqual(readdirSync(join(site, "pagefind")), ["main"]);
  });

  it("in preview, moves the new index in beside the last one's files, which pages that loaded it still name", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    const files = (): string[] => readdirSync(join(site, "pagefind/main"), { recursive: true, encoding: "utf8" });
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
    assert.deepEqual(readdirSync(join(site, "pagefind")), ["main"]);
  });

  it("keeps the last index when a run is stopped, and reports the stop as such", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    writeSite(site, 3, "first");
    await writePagefindIndex(site, "en");
    const entry = readFileSync(join(site, "pagefind/main/pagefind-entry.json"), "utf8");
    writeSite(site, 600, "second");
    const run = writePagefindIndex(site, "en", { lowPriority: true });
    while (!pagefindRunning()) await new Promise((r) => setTimeout(r, 2));
    stopPagefind();
    await assert.rejects(run, PagefindStopped);
    assert.equal(readFileSync(join(site, "pagefind/main/pagefind-entry.json"), "utf8"), entry);
    assert.equal(existsSync(join(site, "pagefind/main.next")), false);
  });

  it("indexes a large site in parts, lists them for the browser, and indexes again only a changed part", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagefind-"));
    const cache = mkdtempSync(join(tmpdir(), "pagefind-cache-"));
    for (const folder of ["s1", "s2", "s3"]) writeSite(site, 4, "shared", folder);
    writeFileSync(join(site, "index.html"), `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Home</h1></main></body></html>`);
    const hashes = new Map<string, string>(
      readdirSync(site, { recursive: true, encoding: "utf8" }).flatMap((p) => (p.endsWith(".html") ? [[p, "1"] as const] : [])),
    );
    const index = (pages: Map<string, string>): Promise<void> => startSiteIndex(site, "en", { pages, base: "v1|en" }, cache, 4).done;
    await index(hashes);
    const list = JSON.parse(readFileSync(join(site, "pagefind/parts.json"), "utf8")) as { parts: string[] };
    assert.equal(list.parts.length, 2, "the top page and s1 make the main part; s2 and s3 a part each");
    assert.equal(pageCount(site), 5);
    for (const part of list.parts) {
      assert.equal(pageCount(site, part), 4);
      assert.deepEqual(
        readdirSync(join(site, "pagefind", part)).filter((file) => file.endsWith(".js") || file.startsWith("wasm.")),
        [],
        "a merged part brings its index, not Pagefind's code",
      );
    }
    const entryOf = (part: string): number => statSync(join(site, "pagefind", part, "pagefind-entry.json")).ino;
    const before = [entryOf("main"), ...list.parts.map(entryOf)];
    // A build into a fresh folder: the parts come from the cache, the changed one from Pagefind.
    const fresh = mkdtempSync(join(tmpdir(), "pagefind-"));
    for (const folder of ["s1", "s2", "s3"]) writeSite(fresh, 4, folder === "s3" ? "changed" : "shared", folder);
    writeFileSync(join(fresh, "index.html"), readFileSync(join(site, "index.html")));
    hashes.set("s3/p0.html", "2");
    await startSiteIndex(fresh, "en", { pages: hashes, base: "v1|en" }, cache, 4).done;
    const after = ["main", ...list.parts].map((part) => statSync(join(fresh, "pagefind", part, "pagefind-entry.json")).ino);
    assert.deepEqual(after.slice(0, 2), before.slice(0, 2), "unchanged parts are linked from the cache");
    assert.notEqual(after[2], before[2], "the changed part is indexed again");
  });
});
