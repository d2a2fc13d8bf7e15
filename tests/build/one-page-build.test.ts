/**
 * A build after a change to one page's prose renders that page alone (lib/build/one-page-build.ts):
 * the site it leaves is byte for byte the one a full build makes, and anything more than
 * prose (or a hand-edited output) builds every page.
 */

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type BuildResult, build, FIXTURES } from "./build-helper.ts";

/** Every file of a built site, by path, with its bytes. */
function siteFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    try {
      files.set(rel, readFileSync(join(folder, rel)).toString("base64"));
    } catch {
      // a folder
    }
  }
  return files;
}

const ONE_PAGE = /only .*m1_terminal\.md changed: its page was built, \d+ kept/;
const warnings = (result: BuildResult): string[] => result.stderr.split("\n").filter((line) => line.includes(": warning: "));

/** A copy of the basic course, a site folder and a cache of its own, and a way to edit a page. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "one-page-build-"));
  const course = join(root, "course");
  cpSync(join(FIXTURES, "basic"), course, { recursive: true });
  const env = { COURSESITE_CACHE_DIR: join(root, "cache") };
  const output = join(root, "site");
  const page = join(course, "s1_start/m1_terminal.md");
  return {
    course,
    output,
    page,
    edit: (change: (text: string) => string) => writeFileSync(page, change(readFileSync(page, "utf8"))),
    build: (args: string[] = []) => build(course, args, output, env),
    /** A full build of the course as it is now, from nothing, elsewhere. */
    fresh: (args: string[] = []) => build(course, args, join(root, `fresh-${Math.random()}`), { COURSESITE_CACHE_DIR: join(root, `cache-${Math.random()}`) }),
  };
}

describe("a build after a change to one page's prose", () => {
  it("builds that page alone and leaves the site a full build makes, search indexes and zip included", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    w.edit((text) => text.replace("Open a terminal.", "Open a terminal window and look around."));
    const one = await w.build();
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, ONE_PAGE);
    assert.match(one.read("s1_start/m1_terminal.html"), /terminal window and look around/);
    const fresh = await w.fresh();
    assert.doesNotMatch(fresh.stdout, /only /);
    assert.deepEqual(siteFiles(one.output), siteFiles(fresh.output));
  });

  it("builds one page after another, each time the site a full build makes", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    w.edit((text) => text.replace("Open a terminal.", "Open a terminal first."));
    assert.match((await w.build()).stdout, ONE_PAGE);
    const git = join(w.course, "s2_next/m3_git.md");
    writeFileSync(git, readFileSync(git, "utf8").replace("## Branches", "Commit often.\n\n## Branches"));
    const second = await w.build();
    assert.match(second.stdout, /only .*m3_git\.md changed: its page was built/);
    assert.deepEqual(siteFiles(second.output), siteFiles((await w.fresh()).output));
  });

  it("builds the page that lists it too when its summary changed", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    const conda = join(w.course, "s1_start/m2_conda.md");
    writeFileSync(conda, readFileSync(conda, "utf8").replace("Environments keep projects apart.", "Environments keep each project apart."));
    const two = await w.build();
    assert.equal(two.code, 0, two.stderr);
    assert.match(two.stdout, /only .*m2_conda\.md changed: 2 pages were built, \d+ kept/);
    assert.match(two.read("s1_start/index.html"), /Environments keep each project apart/);
    assert.deepEqual(siteFiles(two.output), siteFiles((await w.fresh()).output));
  });

  it("reports the kept pages' problems again, as a full build does", async () => {
    const w = workspace();
    writeFileSync(join(w.course, "s2_next/m3_git.md"), `${readFileSync(join(w.course, "s2_next/m3_git.md"), "utf8")}\n[Nowhere](m9_missing.md)\n`);
    const first = await w.build(["--no-strict"]);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(
      warnings(first).some((line) => line.includes("m9_missing.md")),
      first.stderr,
    );
    w.edit((text) => text.replace("Run `pwd`.", "Run `pwd` and `ls`."));
    const one = await w.build(["--no-strict"]);
    assert.match(one.stdout, ONE_PAGE);
    assert.deepEqual(warnings(one), warnings(first));
  });

  it("builds every page after a change other pages show (the title in the sidebar of every page)", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    w.edit((text) => text.replace("title: M1 - Terminal", "title: M1 - The shell"));
    const all = await w.build();
    assert.equal(all.code, 0, all.stderr);
    assert.doesNotMatch(all.stdout, /only /);
    assert.match(all.read("s2_next/m3_git.html"), /M1 - The shell/);
  });

  it("builds every page when a page in the site was changed by hand, and the change is gone", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    const other = join(w.output, "s2_next/m3_git.html");
    writeFileSync(other, readFileSync(other, "utf8").replace("</main>", "<p>edited by hand</p></main>"));
    w.edit((text) => text.replace("Open a terminal.", "Open a terminal window."));
    const all = await w.build();
    assert.equal(all.code, 0, all.stderr);
    assert.doesNotMatch(all.stdout, /only /);
    assert.doesNotMatch(all.read("s2_next/m3_git.html"), /edited by hand/);
  });

  it("builds every page when the change brings a colour of code no page had (the stylesheet changes)", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    w.edit((text) => `${text}\n\`\`\`html\n<!-- a comment -->\n<div class="note">Hi</div>\n\`\`\`\n\n\`\`\`diff\n- old\n+ new\n\`\`\`\n`);
    const all = await w.build();
    assert.equal(all.code, 0, all.stderr);
    assert.doesNotMatch(all.stdout, /only /);
    assert.deepEqual(siteFiles(all.output), siteFiles((await w.fresh()).output));
  });

  it("leaves the last site as it was when the changed page fails the build", async () => {
    const w = workspace();
    assert.equal((await w.build()).code, 0);
    const before = siteFiles(w.output);
    w.edit((text) => text.replace("Open a terminal.", "Open [a terminal](m7_missing.md)."));
    const failed = await w.build();
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /m1_terminal\.md:\d+: error: .*m7_missing\.md/);
    assert.deepEqual(siteFiles(w.output), before);
    w.edit((text) => text.replace("Open [a terminal](m7_missing.md).", "Open a terminal, then another."));
    const fixed = await w.build();
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, ONE_PAGE);
    assert.deepEqual(siteFiles(fixed.output), siteFiles((await w.fresh()).output));
  });
});
