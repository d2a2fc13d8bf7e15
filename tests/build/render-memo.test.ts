/**
 * Markdown reused from the last build (lib/eleventy/render-memo.ts): a second build of the
 * same course writes the same pages and reports the same problems, and a file the pages
 * point to appearing or disappearing, or a page one shows through a snippet changing,
 * renders them again.
 */

import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { unzipSync } from "fflate";
import { type BuildResult, build, FIXTURES } from "./build-helper.ts";

const warnings = (result: BuildResult): string[] => result.stderr.split("\n").filter((line) => line.includes(": warning: "));
const pages = (result: BuildResult): Map<string, string> =>
  new Map(
    readdirSync(result.output, { recursive: true, encoding: "utf8" })
      .filter((rel) => rel.endsWith(".html"))
      .map((rel) => [rel, result.read(rel)]),
  );

describe("a build after a build", () => {
  const course = join(mkdtempSync(join(tmpdir(), "render-memo-")), "course");
  cpSync(join(FIXTURES, "broken"), course, { recursive: true });

  it("writes the same pages and reports the same problems, with their lines", async () => {
    const first = await build(course, ["--no-strict"]);
    const second = await build(course, ["--no-strict"]);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(warnings(first).some((w) => /links\.md:10: warning: .*#nowhere/.test(w)));
    assert.deepEqual(warnings(second), warnings(first));
    assert.deepEqual(pages(second), pages(first));
  });

  it("renders again the pages whose image appeared or went away", async () => {
    const image = join(course, "figures/diagram.svg");
    renameSync(image, join(course, "figures/diagram.sgv"));
    const moved = await build(course, ["--no-strict"]);
    assert.ok(!warnings(moved).some((w) => w.includes('"figures/diagram.sgv" does not exist')), warnings(moved).join("\n"));
    assert.ok(
      warnings(moved).some((w) => w.includes('warnings.md:16: warning: the image "figures/diagram.svg" does not exist')),
      warnings(moved).join("\n"),
    );
    renameSync(join(course, "figures/diagram.sgv"), image);
    const back = await build(course, ["--no-strict"]);
    assert.ok(warnings(back).some((w) => w.includes('the image "figures/diagram.sgv" does not exist')));
  });
});

describe("a page that shows another through a snippet", () => {
  it("is rendered again when the page it shows changes", async () => {
    const course = join(mkdtempSync(join(tmpdir(), "render-memo-snippet-")), "course");
    cpSync(join(FIXTURES, "basic"), course, { recursive: true });
    writeFileSync(join(course, "shown.md"), "---\ntitle: Shown\n---\n\n# Shown\n\nThe first version.\n");
    writeFileSync(join(course, "showing.md"), '---\ntitle: Showing\n---\n\n# Showing\n\n```markdown\n--8<-- "shown.md"\n```\n');
    const first = await build(course);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.read("showing.html"), /The first version/);
    writeFileSync(join(course, "shown.md"), "---\ntitle: Shown\n---\n\n# Shown\n\nThe second version.\n");
    const second = await build(course);
    assert.match(second.read("showing.html"), /The second version/);
  });
});

describe("the offline index after a change", () => {
  it("is the index a build without the last build's memory writes", async () => {
    const folder = mkdtempSync(join(tmpdir(), "offline-memory-"));
    const course = join(folder, "course");
    cpSync(join(FIXTURES, "basic"), course, { recursive: true });
    const buildWith = (cache: string, output: string): Promise<BuildResult> =>
      build(course, [], join(folder, output), { COURSESITE_CACHE_DIR: join(folder, cache) });
    const files = (result: BuildResult): Map<string, string> =>
      new Map(readdirSync(join(result.output, "search")).map((name) => [name, result.read(`search/${name}`)]));
    const first = await buildWith("cache-a", "first");
    assert.equal(first.code, 0, first.stderr);
    assert.ok(existsSync(join(folder, "cache-a/offline-index-pages.v8")), "the first build keeps what it read");
    const page = join(course, "s1_start/m1_terminal.md");
    writeFileSync(page, readFileSync(page, "utf8").replace(/\n\n([A-Z])/, "\n\nAardvarkword $1"));
    const remembered = await buildWith("cache-a", "after");
    const fresh = await buildWith("cache-b", "fresh");
    assert.notDeepEqual(files(remembered), files(first));
    assert.deepEqual(files(remembered), files(fresh));
    // The zip took over the last one's entries of unchanged files (known by their hashes,
    // unread): each entry is still the file beside it.
    const zipName = readdirSync(remembered.output).find((name) => name.endsWith("-offline.zip")) ?? "";
    const entries = Object.entries(unzipSync(readFileSync(join(remembered.output, zipName))));
    assert.ok(entries.length > 20);
    for (const [name, data] of entries) {
      const path = name.slice(name.indexOf("/") + 1);
      assert.ok(Buffer.from(data).equals(readFileSync(join(remembered.output, path))), `${path} in the zip is the file in the site`);
    }
  });
});
