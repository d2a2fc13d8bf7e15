/**
 * Strict builds: every mistake an instructor can make gets the message tested here, all
 * at once, with file and line; a failed build changes nothing; builds are reproducible.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { build, FIXTURES } from "./build-helper.ts";

/** Every file under a folder with its content hash, to compare trees. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(dir, rel);
    if (statSync(path).isFile()) files[rel] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return files;
}

const lines = (text: string): string[] => text.split("\n").filter((l) => /: (error|warning): /.test(l));

describe("a course with mistakes", () => {
  it("fails, listing every problem at once with file, line and what to do", async () => {
    const result = await build("broken");
    assert.equal(result.code, 1);
    const f = "tests/fixtures/broken";
    assert.deepEqual(lines(result.stderr), [
      `${f}/ambiguous.md:3: error: \`parent: Exercises\` matches 2 pages (${f}/a/exercises.md, ${f}/b/exercises.md). Add \`grand_parent\` with the title of the right one's parent.`,
      `${f}/bad-order.md:3: error: \`nav_order: "first"\`: expected a number such as 3 or 2.5.`,
      `${f}/bad-yaml.md:4: error: front matter is not valid YAML: Missing closing "quote (column 14). Check quotes and indentation; a value with a colon needs quotes.`,
      `${f}/links.md:8: error: the link "sesion.md" points to a page or file that does not exist; did you mean "session.md"?`,
      `${f}/links.md:9: error: the link "index.md#setpu" points to "#setpu", which is not a heading or anchor in ${f}/index.md; did you mean "#setup"?`,
      `${f}/links.md:10: error: the link "#nowhere" points to "#nowhere", which is not a heading or anchor in ${f}/links.md. Fix the anchor, or add the heading.`,
      `${f}/links.md:12: error: the image "figures/diagram.sgv" does not exist; did you mean "figures/diagram.svg"?`,
      `${f}/links.md:15: error: the included file "exercise_files/missing.py" does not exist (looked in the course folder and beside the page). Fix the path in the --8<-- line.`,
      `${f}/loop-one.md:3: error: the parent chain loops: "Loop one" → "Loop two" → "Loop one". Change one \`parent\` so the chain ends at a top-level page.`,
      `${f}/loop-two.md:3: error: the parent chain loops: "Loop two" → "Loop one" → "Loop two". Change one \`parent\` so the chain ends at a top-level page.`,
      `${f}/orphan.md:3: error: \`parent: Sesion 1\` matches no page title; did you mean "Session 1"? The page is built but left out of the navigation.`,
      `${f}/under-hidden.md:3: warning: no navigation reaches this page: its parent "Hidden" is not in the navigation (nav_exclude?). Set \`nav_exclude: true\` here too, or include the parent.`,
      `${f}/warnings.md:8: warning: code block language "nonsense" cannot be highlighted; it is shown as plain text. Use a language Shiki knows (python, bash, yaml …) or "text".`,
      `${f}/warnings.md:14: warning: the heading "Four" is #### right after a ## heading; headings should not skip a level (make it ###).`,
      `${f}/warnings.md:16: warning: the image "figures/diagram.svg" has no alt text; describe it between the brackets: ![what it shows](…).`,
      `${f}/warnings.md:18: warning: the image figures/diagram.svg has no alt attribute; add alt="what it shows" (or alt="" if it is only decoration).`,
    ]);
    assert.match(result.stderr, /^error: 11 problems to fix \(listed above\)\. To build anyway, run with --no-strict\.$/m);
    assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at /, "no stack trace");
    assert.equal(existsSync(result.output), false, "no output is written");
  });

  it("builds with --no-strict, reporting the same problems as warnings", async () => {
    const result = await build("broken", ["--no-strict"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lines(result.stderr).length, 16);
    assert.ok(lines(result.stderr).every((l) => l.includes(": warning: ")));
    assert.match(result.stdout, /Built .* 16 warnings\./);
    assert.ok(result.exists("links.html"));
  });

  it("builds when course.yml says strict: false, unless --strict is given", async () => {
    const course = join(mkdtempSync(join(tmpdir(), "lenient-")), "course");
    cpSync(join(FIXTURES, "broken"), course, { recursive: true });
    writeFileSync(join(course, "course.yml"), "title: Lenient\nstrict: false\n");
    assert.equal((await build(course)).code, 0);
    assert.equal((await build(course, ["--strict"])).code, 1);
  });

  it("names two pages written to the same file", async () => {
    const result = await build("duplicate");
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), [
      "tests/fixtures/duplicate/README.md: error: this page and tests/fixtures/duplicate/index.md are all written to index.html. Give all but one of them another `permalink`, or rename the file.",
    ]);
    assert.doesNotMatch(result.stderr, /\n\s+at |Eleventy/);
  });

  it("names every wrong setting with its line and what is expected", async () => {
    const result = await build("bad-config");
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trim().split("\n"), [
      "tests/fixtures/bad-config/course.yml:2: error: `titel` is not a setting; did you mean `title`?",
      "tests/fixtures/bad-config/course.yml:3: error: `strict`: expected true or false",
      "tests/fixtures/bad-config/course.yml:5: error: `repository.url`: expected a web address starting with https://",
    ]);
  });
});

describe("nothing is lost", () => {
  it("refuses an output folder that is, contains or lies inside the course, before touching anything", async () => {
    const course = join(mkdtempSync(join(tmpdir(), "guard-")), "course");
    cpSync(join(FIXTURES, "basic"), course, { recursive: true });
    const before = snapshot(course);
    const cases: [string, RegExp][] = [
      [course, /--output .* is the course folder itself; the build would overwrite your sources\. Choose another folder, e\.g\. --output _site\./],
      [join(course, ".."), /--output .* contains the course folder .*; replacing it would delete your sources\./],
      [join(course, "site"), /--output .* lies inside the course folder .*; the site would be built into its own sources\./],
    ];
    for (const [output, message] of cases) {
      const result = await build(course, [], output);
      assert.equal(result.code, 1);
      assert.match(result.stderr, message);
    }
    assert.deepEqual(snapshot(course), before, "the sources are untouched");
  });

  it("refuses to replace a folder that a build did not write", async () => {
    const output = mkdtempSync(join(tmpdir(), "foreign-"));
    writeFileSync(join(output, "thesis.tex"), "precious");
    const result = await build("basic", [], output);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /is not empty and was not written by a coursesite build; it is left alone\. Remove it or choose another folder\./);
    assert.equal(readFileSync(join(output, "thesis.tex"), "utf8"), "precious");
  });

  it("leaves the previous site as it was when a build fails, and touches nothing beside it", async () => {
    const parent = mkdtempSync(join(tmpdir(), "keep-"));
    const output = join(parent, "site");
    writeFileSync(join(parent, "neighbour.txt"), "mine");
    assert.equal((await build("basic", [], output)).code, 0);
    const good = snapshot(output);
    const failed = await build("broken", [], output);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /site was left as it was\./);
    assert.deepEqual(snapshot(output), good);
    assert.deepEqual(readdirSync(parent).sort(), ["neighbour.txt", "site"], "no staging folder is left behind");
    assert.equal(readFileSync(join(parent, "neighbour.txt"), "utf8"), "mine");
  });

  it("replaces the previous site when a build succeeds, leaving no stale files", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "replace-")), "site");
    assert.equal((await build("authoring", [], output)).code, 0);
    assert.ok(existsSync(join(output, "s1/page.html")));
    assert.equal((await build("basic", [], output)).code, 0);
    assert.equal(existsSync(join(output, "s1/page.html")), false);
    assert.ok(existsSync(join(output, "s1_start/m1_terminal.html")));
  });

  it("gives byte-identical output for the same sources", async () => {
    const first = await build("basic");
    const second = await build("basic");
    assert.deepEqual(snapshot(second.output), snapshot(first.output));
  });
});

describe("escaping", () => {
  it("shows a title with markup as text, everywhere it appears", async () => {
    const course = join(mkdtempSync(join(tmpdir(), "escape-")), "course");
    mkdirSync(course);
    writeFileSync(join(course, "course.yml"), 'title: "Course <b>bold</b>"\n');
    writeFileSync(
      join(course, "index.md"),
      '---\ntitle: "<script>alert(1)</script>"\ndescription: "a \\"quoted\\" <i>thing</i>"\npermalink: /\n---\n\n# Home\n',
    );
    writeFileSync(join(course, "child.md"), "---\ntitle: Child\nparent: <script>alert(1)</script>\n---\n\n# Child\n");
    const result = await build(course);
    assert.equal(result.code, 0, result.stderr);
    const home = result.read("index.html");
    assert.doesNotMatch(home, /<script>alert/);
    assert.match(home, /<title>Course &lt;b&gt;bold&lt;\/b&gt;<\/title>/);
    assert.match(home, /<a href="index\.html" aria-current="page">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/a>/);
    assert.match(result.read("child.html"), /<title>Child · Course &lt;b&gt;bold&lt;\/b&gt;<\/title>/);
    assert.match(home, /<meta name="description" content="a &quot;quoted&quot; &lt;i&gt;thing&lt;\/i&gt;">/);
    assert.match(result.read("child.html"), /<a href="index\.html">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/a>/);
  });
});
