import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { before, describe, it } from "node:test";
import { createSiteMap } from "../../lib/content/site-map.ts";
import { type CodeHighlighter, fenceLanguages, highlightKey, paletteOf, styleClass, styleRules } from "../../lib/markdown/code-highlighter.ts";
import { codeRequests } from "../../lib/markdown/code-requests.ts";
import { createMarkdown } from "../../lib/markdown/create-markdown.ts";
import { githubSlug } from "../../lib/markdown/heading-ids.ts";
import { HighlightCache } from "../../lib/markdown/highlight-cache.ts";
import type { RenderContext } from "../../lib/markdown/render-context.ts";
import { createCodeHighlighter } from "../../lib/markdown/shiki-highlighter.ts";

const root = mkdtempSync(join(tmpdir(), "markdown-"));
mkdirSync(join(root, "s1"));
mkdirSync(join(root, "figures"));
writeFileSync(join(root, "figures/a.png"), "png");
const site = createSiteMap(
  root,
  new Map([
    [join(root, "index.md"), "index.html"],
    [join(root, "s1/m1.md"), "s1/m1.html"],
  ]),
);
const reports: string[] = [];
const anchors: string[] = [];
const context: RenderContext = {
  sourceFile: join(root, "s1/m1.md"),
  outputPath: "s1/m1.html",
  lineOffset: 4,
  site,
  report: (severity, line, message) => reports.push(`${severity}@${line}: ${message}`),
  linkToAnchor: (target, fragment, line) => anchors.push(`${target}#${fragment}@${line}`),
};

let render: (markdown: string) => string;
/** Shiki, loaded once for the file (it takes a few hundred milliseconds). */
let highlighter: CodeHighlighter;
before(async () => {
  highlighter = await createCodeHighlighter();
  await highlighter.ensureLanguages(["python", "bash", "docker", "yml"]);
  const md = createMarkdown({ highlighter, contextOf: (env) => (env as { context?: RenderContext }).context });
  render = (markdown) => {
    reports.length = 0;
    return md.render(markdown, { context }); // a fresh env per page, as in a build
  };
});

describe("heading ids", () => {
  it("match GitHub's slugs", () => {
    assert.equal(githubSlug("Getting started with Git!"), "getting-started-with-git");
    assert.equal(githubSlug("M5 - Git & DVC"), "m5---git--dvc");
    assert.equal(githubSlug("Über `pip`"), "über-pip");
  });
  it("are unique within a page the way GitHub numbers duplicates", () => {
    const html = render("## Exercise\n\n## Exercise\n\n## Exercise\n");
    assert.deepEqual(
      [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]),
      ["exercise", "exercise-1", "exercise-2"],
    );
  });
  it("give ## and deeper a link to themselves, but not the page title", () => {
    const html = render("# Title\n\n## Part one\n");
    assert.match(html, /<h1 id="title">Title<\/h1>/);
    assert.match(html, /<a class="heading-link" href="#part-one"[^>]*><span class="visually-hidden">Link to the section “Part one”<\/span>/);
  });
});

describe("links and images", () => {
  it("rewrites links to .md files, images and raw HTML to the built site", () => {
    const html = render('[home](../index.md#setup) ![fig](../figures/a.png)\n\n<p align="center"><img src="../figures/a.png" width="10" alt=""></p>\n');
    assert.match(html, /<a href="\.\.\/index\.html#setup">home<\/a>/);
    assert.match(
      html,
      /<a href="\.\.\/figures\/a\.png" class="lightbox-link"><img src="\.\.\/figures\/a\.png" alt="fig" decoding="async"><\/a>/,
      "the page's first image loads with it",
    );
    assert.match(html, /<img src="\.\.\/figures\/a\.png" width="10" alt="" loading="lazy" decoding="async">/, "the next waits until it is near");
    assert.deepEqual(reports, []);
  });
  it("reports a link to a missing file at its file line", () => {
    render("text\n\nsee [this](missing.md)\nand more\n[that](gone.png)\n");
    assert.equal(reports.length, 2);
    assert.deepEqual(reports, [
      'error@7: the link "missing.md" points to a page or file that does not exist. Fix the path, or add the file.',
      'error@9: the link "gone.png" points to a page or file that does not exist. Fix the path, or add the file.',
    ]);
  });
});

describe("code blocks", () => {
  it("highlights with a class per colour pair (both themes), in a block the page script adds a copy button to", () => {
    const html = render("```python\nx = 1\n```\n");
    assert.match(html, /<div class="code-block" data-lang="python"><pre class="shiki/);
    assert.match(
      html,
      /<pre class="shiki" tabindex="0"><code>x <span class="t\d+">=<\/span> <span class="t\d+">1<\/span><\/code><\/pre>/,
      "a line is marked only when it has to be (highlighted, numbered, a diff's)",
    );
    assert.doesNotMatch(html, /\n<\/code>/, "no empty trailing line");
  });
  it("accepts common aliases", () => {
    for (const lang of ["docker", "yml", "bash"]) {
      render(`\`\`\`${lang}\nx\n\`\`\`\n`);
      assert.deepEqual(reports, [], lang);
    }
  });
  it("renders an unknown language as plain text with a warning at its line", () => {
    const html = render("para\n\n```nonsense\nx <y>\n```\n");
    assert.match(html, /<code>x &lt;y&gt;<\/code>/, "escaped, not parsed as a tag");
    assert.deepEqual(reports, [
      'warning@7: code block language "nonsense" cannot be highlighted; it is shown as plain text. Use a language Shiki knows (python, bash, yaml …) or "text".',
    ]);
  });
  it("does not warn for plain text blocks", () => {
    render("```\nplain\n```\n\n```text\nplain\n```\n");
    assert.deepEqual(reports, []);
  });
  it("finds ahead of rendering every block that rendering highlights, under the same keys", async () => {
    // Blocks nested every way the renderer allows, beside things that are not blocks.
    const page = [
      "# Title",
      "Some `inline code` and *emphasis*.",
      '```python hl_lines="2"\na = 1\nb = 2\n```',
      '!!! note "In an admonition"\n    ```bash\n    echo hi\n    ```',
      '=== "Tab"\n    ```yaml\n    a: 1\n    ```',
      "- a list item\n\n    ```python\n    x = 1\n    ```",
      "> [!NOTE]\n> ```bash\n> ls\n> ```",
      '<div markdown="1">\n\n```python\ny = 2\n```\n\n</div>',
      "```python\nz = 3  # (1)\n```\n\n1. The annotation.",
      "    indented code is not highlighted",
      "<!-- ```python\nnot = 'a block'\n``` -->",
    ].join("\n\n");
    const asked: string[] = [];
    const base = highlighter;
    await base.ensureLanguages(["yaml"]);
    const recording = {
      ensureLanguages: (names: Iterable<string>) => base.ensureLanguages(names),
      highlight: (code: string, lang: string, options: Parameters<typeof base.highlight>[2], inline?: boolean) => {
        if (!inline) asked.push(highlightKey(code, lang, options));
        return base.highlight(code, lang, options, inline);
      },
    };
    createMarkdown({ highlighter: recording, contextOf: () => context }).render(page, { context });
    const found = codeRequests(page, root, context.sourceFile).map((r) => r.key);
    assert.equal(found.length, 7);
    assert.deepEqual(found, asked);
  });
  it("finds the fence languages a page uses", () => {
    assert.deepEqual([...fenceLanguages("```python\n```\n  ~~~ Bash title=x\n~~~\n```\n```")], ["python", "bash"]);
  });
});

describe("tables", () => {
  it("are wrapped in a focusable scroll region", () => {
    const html = render("| a |\n|---|\n| b |\n\ntext\n\n| c |\n|---|\n| d |\n");
    assert.match(html, /<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1"><table>/);
    assert.match(html, /<div class="table-scroll" tabindex="0" role="region" aria-label="Table 2"><table>/, "each region has its own name");
  });
});

describe("highlighted code's styles", () => {
  it("names each colour pair with a stable class and writes its rule for both themes", () => {
    const style = { light: "#CF222E", dark: "#FF7B72", fontStyle: 1 };
    assert.equal(styleClass(style), styleClass({ ...style }));
    assert.notEqual(styleClass(style), styleClass({ ...style, fontStyle: 0 }));
    assert.equal(styleRules({ [styleClass(style)]: style }), `.shiki .${styleClass(style)}{color:light-dark(#CF222E,#FF7B72);font-style:italic}`);
  });
  it("gives the themes' colour pairs short classes, distinct for every pair and font style", () => {
    const palette = paletteOf([
      ["#cf222e", "#ff7b72"],
      ["#0550AE", "#79C0FF"],
      ["#CF222E", "#FF7B72"],
    ]);
    assert.equal(palette.size, 2, "a pair named twice keeps its first number");
    const names = new Set<string>();
    for (const [light, dark] of [
      ["#CF222E", "#FF7B72"],
      ["#0550AE", "#79C0FF"],
    ])
      for (let fontStyle = 0; fontStyle < 16; fontStyle++) {
        const name = styleClass({ light: light ?? "", dark: dark ?? "", fontStyle }, palette);
        assert.match(name, /^t\d+(-\d+)?$/);
        names.add(name);
      }
    assert.equal(names.size, 32);
    const outside = { light: "#123456", dark: "#654321", fontStyle: 0 };
    assert.equal(styleClass(outside, palette), styleClass(outside), "a colour outside the palette is named by its hash");
    assert.match(styleClass(outside), /^s\d+$/);
  });
  it("never names a token like a class of the stylesheet", () => {
    const css = readdirSync(join(import.meta.dirname, "../../assets/css"))
      .map((file) => readFileSync(join(import.meta.dirname, "../../assets/css", file), "utf8"))
      .join("\n");
    const classes = new Set([...css.matchAll(/\.([a-zA-Z_][\w-]*)/g)].map((m) => m[1]));
    assert.ok(classes.has("toc") && classes.has("tip"), "the stylesheet was read");
    for (const name of classes) assert.doesNotMatch(name ?? "", /^t\d+(-\d+)?$|^s\d+$/, `.${name}`);
  });
});

describe("the highlight cache", () => {
  it("reuses entries only when the code, language and options all match", () => {
    const cache = new HighlightCache("v1");
    const value = { html: "<pre>a</pre>", known: true, styles: {} };
    cache.set(highlightKey("a", "python", { highlight: [1] }), value);
    assert.deepEqual(cache.get(highlightKey("a", "python", { highlight: new Set([1]) })), value);
    assert.equal(cache.get(highlightKey("a", "python")), undefined);
    assert.equal(cache.get(highlightKey("a", "bash", { highlight: [1] })), undefined);
    assert.equal(cache.get(highlightKey("a ", "python", { highlight: [1] })), undefined);
  });
  it("is thrown away when the version (Shiki, themes, renderer) differs", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cache-")), "highlight.json");
    const cache = new HighlightCache("v1");
    cache.set("k", { html: "x", known: true, styles: {} });
    cache.save(file);
    assert.equal(HighlightCache.load(file, "v1").has("k"), true);
    assert.equal(HighlightCache.load(file, "v2").has("k"), false);
    assert.equal(HighlightCache.load(join(file, "missing"), "v1").has("k"), false);
  });
  it("reads the HTML beside its index, and not at all when only the index is asked", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cache-")), "highlight.json");
    const cache = new HighlightCache("v1");
    cache.set("k", { html: "<pre>k</pre>", known: true, styles: {} });
    cache.save(file);
    const htmlFile = join(dirname(file), "highlight.html");
    assert.ok(existsSync(htmlFile));
    const reloaded = HighlightCache.load(file, "v1");
    rmSync(htmlFile);
    assert.equal(reloaded.has("k"), true, "the index alone answers has()");
    assert.equal(reloaded.get("k"), undefined, "without its HTML the entry is not used");
    cache.set("j", { html: "<pre>j</pre>", known: true, styles: {} });
    cache.save(file);
    writeFileSync(htmlFile, readFileSync(htmlFile, "utf8").replace(/"stamp":"[^"]*"/, '"stamp":"other"'));
    assert.equal(HighlightCache.load(file, "v1").get("j"), undefined, "HTML from another save is not used");
    const whole = new HighlightCache("v1");
    whole.set("j", { html: "<pre>j</pre>", known: true, styles: {} });
    whole.save(file);
    assert.equal(HighlightCache.load(file, "v1").get("j")?.html, "<pre>j</pre>");
    writeFileSync(htmlFile, readFileSync(htmlFile).subarray(0, -3));
    assert.equal(HighlightCache.load(file, "v1").get("j"), undefined, "a file cut short is not used");
  });
  it("decodes each entry's HTML, whatever its characters", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cache-")), "highlight.json");
    const cache = new HighlightCache("v1");
    const entries = { a: "<pre>é ✓ 𝄞\n</pre>", b: "", c: '<pre>"\\</pre>' };
    for (const [key, html] of Object.entries(entries)) cache.set(key, { html, known: true, styles: {} });
    cache.save(file);
    const reloaded = HighlightCache.load(file, "v1");
    for (const [key, html] of Object.entries(entries)) assert.equal(reloaded.get(key)?.html, html, key);
  });
  it("writes the HTML again only when entries were added or dropped", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cache-")), "highlight.json");
    const htmlFile = join(dirname(file), "highlight.html");
    const first = new HighlightCache("v1");
    first.set("a", { html: "<pre>a</pre>", known: true, styles: {} });
    first.set("b", { html: "<pre>b</pre>", known: true, styles: {} });
    first.setBlocks("page-1", ["a", "b"]);
    first.save(file);
    // The next build: the same blocks, in a page whose prose changed (a new file id).
    const next = HighlightCache.load(file, "v1");
    next.startBuild();
    next.touch("a");
    next.touch("b");
    next.setBlocks("page-2", ["a", "b"]);
    utimesSync(htmlFile, 0, 0);
    next.save(file);
    assert.equal(statSync(htmlFile).mtimeMs, 0, "the HTML file is left as it was");
    const after = HighlightCache.load(file, "v1");
    assert.deepEqual(after.blocksOf("page-2"), ["a", "b"]);
    assert.equal(after.get("b")?.html, "<pre>b</pre>");
    // A build that uses fewer entries drops the others from both files.
    after.startBuild();
    after.touch("a");
    after.setBlocks("page-3", ["a"]);
    after.save(file);
    assert.notEqual(statSync(htmlFile).mtimeMs, 0, "written again");
    const last = HighlightCache.load(file, "v1");
    assert.equal(last.get("a")?.html, "<pre>a</pre>");
    assert.equal(last.has("b"), false);
    assert.doesNotMatch(readFileSync(htmlFile, "utf8"), /<pre>b/);
  });
});
