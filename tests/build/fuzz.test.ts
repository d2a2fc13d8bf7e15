/**
 * Fuzzing: random and malformed Markdown and front matter, thousands of cases in bounded
 * time. The renderer must never throw; a build must either succeed or fail with one of the
 * documented messages, never with a stack trace, a hang or a half-written site.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseFrontMatter } from "../../lib/content/front-matter.ts";
import { createSiteMap } from "../../lib/content/site-map.ts";
import { createMarkdown } from "../../lib/markdown/create-markdown.ts";
import type { RenderContext } from "../../lib/markdown/render-context.ts";
import { createCodeHighlighter } from "../../lib/markdown/shiki-highlighter.ts";
import { build } from "./build-helper.ts";

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "# Title",
  "## Section",
  "#### Deep",
  "text with *emphasis* and `code`",
  "[link](other.md)",
  "[link](page-3.md#section)",
  "[broken](nowhere.md#x)",
  "![alt](figure.svg)",
  "![](missing.png)",
  "<img src='x.png'>",
  '<details markdown="1">',
  "</details>",
  "<summary>s</summary>",
  "<figure markdown>",
  "</figure>",
  "```python",
  "```",
  "~~~",
  '```python title="t.py" hl_lines="1-3" linenums="2"',
  "```nonsense",
  '--8<-- "missing.py"',
  '--8<-- "page-1.md:2:4"',
  '!!! note "Title"',
  "!!! warning",
  '??? success "Solution"',
  "???+ tip",
  '=== "Linux"',
  '===! "Windows"',
  "    indented line",
  "        deeper",
  "> [!NOTE]",
  "> quoted",
  "- [ ] task",
  "1. [x] done",
  "{: .note }",
  "{:toc}",
  '{ width="50" }',
  '{#id .class onclick="x"}',
  "$x^2$",
  "$$",
  "\\frac{a}{b",
  "text[^1]",
  "[^1]: note",
  "*[HTML]: markup",
  "Term",
  ":   definition",
  ":rocket: :not_an_emoji:",
  "| a | b |",
  "|---|---|",
  "<script>alert(1)</script>",
  "<!-- comment",
  "\u0000\u0001\u200b",
  "🚀 ünïcödé",
  "",
  "",
];

const FRONT_MATTER = [
  "title: Page",
  "title: [unclosed",
  "title: 'a: b'",
  "title: a: b",
  "nav_order: 2.5",
  "nav_order: first",
  "nav_order: [1]",
  "parent: Page 1",
  "parent: Nope",
  "parent: Page 2",
  "grand_parent: Home",
  "has_children: yes",
  "nav_exclude: maybe",
  "search_exclude: true",
  "permalink: /",
  "permalink: /a/b/",
  "permalink: false",
  "layout: unknown",
  "description: 'x'",
  "description: {a: 1}",
  "  bad indent: x",
  "- list item",
  "&anchor a: *anchor",
  '"unterminated',
];

function randomMarkdown(next: () => number, lines: number): string {
  return Array.from({ length: lines }, () => PIECES[Math.floor(next() * PIECES.length)]).join("\n");
}

function randomFrontMatter(next: () => number): string {
  const keys = Array.from({ length: Math.floor(next() * 5) }, () => FRONT_MATTER[Math.floor(next() * FRONT_MATTER.length)]);
  return `\n${keys.join("\n")}`;
}

describe("fuzzing", () => {
  it("renders thousands of random pages without throwing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fuzz-render-"));
    const highlighter = await createCodeHighlighter();
    await highlighter.ensureLanguages(["python"]);
    const site = createSiteMap(dir, new Map());
    const md = createMarkdown({ highlighter, contextOf: (env) => (env as { context?: RenderContext }).context });
    const deadline = Date.now() + 30_000;
    let cases = 0;
    for (let seed = 1; seed <= 4000 && Date.now() < deadline; seed++) {
      const next = random(seed);
      const context: RenderContext = {
        sourceFile: join(dir, "page.md"),
        outputPath: "page.html",
        lineOffset: 0,
        site,
        report: () => {},
        linkToAnchor: () => {},
      };
      const markdown = randomMarkdown(next, 1 + Math.floor(next() * 40));
      assert.doesNotThrow(() => md.render(markdown, { context }), `seed ${seed}`);
      assert.doesNotThrow(() => parseFrontMatter(randomFrontMatter(next), () => {}), `seed ${seed}`);
      cases++;
    }
    assert.ok(cases >= 1000, `only ${cases} cases in the time allowed`);
  });

  /** Every message a build may print (see the README's "When the build fails"). */
  const KNOWN = [
    /: (error|warning): the link ".*" points to (a page or file that does not exist|"#.*", which is not a heading or anchor in )/,
    /: (error|warning): the image ".*" does not exist/,
    /: (error|warning): the included file ".*" does not exist/,
    /: (error|warning): front matter is not valid YAML: /,
    /: (error|warning): front matter must be a list of `key: value` lines\./,
    /: (error|warning): `\w+: .*`: expected /,
    /: (error|warning): `parent: .*` matches (no page title|\d+ pages)/,
    /: (error|warning): the parent chain loops: /,
    /: (error|warning): this page and .* are all written to /,
    /: warning: code block language ".*" cannot be highlighted/,
    /: warning: the heading ".*" is #+ right after a #+ heading/,
    /: warning: the image .* has no alt (text|attribute)/,
    /: warning: no navigation reaches this page/,
    /: warning: layout ".*" is not one of ours/,
    /: warning: the image .* is on another host/,
    /: warning: the icon :.*: is not one we have/,
    /^error: \d+ problems? to fix \(listed above\)\./,
  ];

  it("builds random courses or fails with documented messages only, leaving nothing half-written", async () => {
    for (const seed of [11, 22, 33]) {
      const next = random(seed);
      const course = join(mkdtempSync(join(tmpdir(), `fuzz-course-${seed}-`)), "course");
      mkdirSync(course);
      writeFileSync(join(course, "figure.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
      for (let i = 0; i < 150; i++) {
        const fm = next() < 0.9 ? `---${randomFrontMatter(next)}\n---\n` : "";
        writeFileSync(join(course, `page-${i}.md`), `${fm}${randomMarkdown(next, 5 + Math.floor(next() * 30))}\n`);
      }
      const output = join(course, "..", "site");
      const started = Date.now();
      const result = await build(course, [], output);
      assert.ok(Date.now() - started < 120_000, `seed ${seed} took too long`);
      assert.ok(result.code === 0 || result.code === 1, `seed ${seed}: exit ${result.code}`);
      const printed = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => l.trim() && !/^Built /.test(l) && !/^> /.test(l));
      const unknown = printed.filter((l) => !KNOWN.some((k) => k.test(l)));
      assert.deepEqual(unknown.slice(0, 5), [], `seed ${seed}: undocumented output`);
      assert.doesNotMatch(result.stderr, /\n\s+at \S+ \(/, `seed ${seed}: a stack trace`);
      assert.equal(existsSync(output), result.code === 0, `seed ${seed}: a site exists only when the build succeeded`);
      assert.deepEqual(
        readdirSync(join(course, "..")).filter((f) => f.includes("building")),
        [],
        `seed ${seed}: a staging folder was left`,
      );
    }
  });
});
