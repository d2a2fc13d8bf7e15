/** The authoring extensions, one by one, rendered by the real Markdown setup. */

import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import MarkdownIt from "markdown-it";
import { createSiteMap } from "../../lib/content/site-map.ts";
import { mayHoldAttributes } from "../../lib/markdown/attribute-lists.ts";
import { createMarkdown } from "../../lib/markdown/create-markdown.ts";
import { parseFenceInfo } from "../../lib/markdown/fence-info.ts";
import type { RenderContext } from "../../lib/markdown/render-context.ts";
import { createCodeHighlighter } from "../../lib/markdown/shiki-highlighter.ts";
import { countTasks } from "../../lib/markdown/task-lists.ts";

const COURSE = join(import.meta.dirname, "../fixtures/authoring");
const reports: string[] = [];
const anchors: string[] = [];
const context: RenderContext = {
  sourceFile: join(COURSE, "index.md"),
  outputPath: "index.html",
  lineOffset: 0,
  site: createSiteMap(COURSE, new Map([[join(COURSE, "s1/page.md"), "s1/page.html"]])),
  report: (severity, line, message) => reports.push(`${severity}@${line}: ${message}`),
  linkToAnchor: (target, fragment, line) => anchors.push(`${target}#${fragment}@${line}`),
};
let render: (markdown: string) => string;
before(async () => {
  const highlighter = await createCodeHighlighter();
  await highlighter.ensureLanguages(["python", "bash", "diff"]);
  const md = createMarkdown({ highlighter, contextOf: (env) => (env as { context?: RenderContext }).context });
  render = (markdown) => {
    reports.length = 0;
    return md.render(markdown, { context }); // a fresh env per page, as in a build
  };
});

/** Text a reader would see: tags and their attributes removed. */
const visibleText = (html: string): string => html.replace(/<[^>]*>/g, "");

describe("callouts", () => {
  it("renders GitHub alerts", () => {
    assert.match(
      render("> [!TIP]\n> Use `uv`.\n"),
      /<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title">.*Tip<\/p><p>Use <code>uv<\/code>\.<\/p>/s,
    );
  });
  it("renders Material admonitions with a title, nested Markdown and code", () => {
    const html = render('!!! warning "Careful"\n\n    Think **twice**:\n\n    ```bash\n    rm -rf build\n    ```\n\nAfter.\n');
    assert.match(
      html,
      /^<div class="admonition warning"><p class="admonition-title">Careful<\/p>\n<div class="admonition-body">\n<p>Think <strong>twice<\/strong>:<\/p>\n<div class="code-block" data-lang="bash">/,
    );
    assert.match(html, /<\/div>\n<\/div>\n<p>After\.<\/p>/);
  });
  it("uses the type as the title when none is given, and none for an empty title", () => {
    assert.match(render("!!! note\n    Body.\n"), /<p class="admonition-title">Note<\/p>/);
    assert.doesNotMatch(render('!!! note ""\n    Body.\n'), /admonition-title/);
  });
  it("renders Just the Docs callouts as classes on the paragraph", () => {
    assert.equal(render("Mind the gap.\n{: .warning }\n"), '<p class="warning">Mind the gap.</p>\n');
  });
});

describe("collapsible blocks", () => {
  it("renders ??? closed and ???+ open as <details>", () => {
    assert.match(render('??? success "Solution"\n    It is 42.\n'), /^<details class="admonition success"><summary>Solution<\/summary>/);
    assert.match(render('???+ tip "Hint"\n    Look.\n'), /^<details class="admonition tip" open><summary>Hint<\/summary>/);
  });
  it("parses Markdown inside raw <details markdown>", () => {
    const html = render(
      '<details open markdown="block">\n  <summary>\n    Table of contents\n  </summary>\n  {: .text-delta }\n1. TOC\n{:toc}\n</details>\n\n## One\n\n### Two\n{: .no_toc }\n\n## Three\n',
    );
    assert.match(
      html,
      /^<details open>\n<summary> Table of contents <\/summary>\n<nav class="page-toc" aria-label="Contents"><ul><li><a href="#one">One<\/a><\/li><li><a href="#three">Three<\/a><\/li><\/ul><\/nav>\n<\/details>/,
    );
    assert.doesNotMatch(visibleText(html), /\{:|TOC|text-delta/);
  });
  it('parses Markdown inside <details markdown="1">', () => {
    assert.match(
      render('<details markdown="1">\n<summary>More</summary>\n\nSome **bold**.\n</details>\n'),
      /<details>\n<summary>More<\/summary>\n<p>Some <strong>bold<\/strong>\.<\/p>\n<\/details>/,
    );
  });
});

describe("tabs", () => {
  it("groups consecutive === blocks into one set, each panel under its label", () => {
    const html = render('=== "Linux"\n\n    apt\n\n=== "Windows"\n\n    winget\n\nAfter.\n');
    assert.equal(
      html,
      '<div class="tabbed">\n<div class="tab-panel" data-label="Linux">\n<p class="tab-label">Linux</p>\n<p>apt</p>\n</div>\n<div class="tab-panel" data-label="Windows">\n<p class="tab-label">Windows</p>\n<p>winget</p>\n</div>\n</div>\n<p>After.</p>\n',
    );
  });
  it("starts a new set with ===! and marks ===+ as selected", () => {
    const html = render('=== "A"\n    a\n\n===! "B"\n    b\n\n===+ "C"\n    c\n');
    assert.equal((html.match(/<div class="tabbed">/g) ?? []).length, 2);
    assert.match(html, /data-label="C" data-selected/);
  });
});

describe("exercises", () => {
  it("turns task-list items into labelled checkboxes with ids that follow their text", () => {
    const html = render("- [ ] Train the model.\n- [x] Read the notes.\n");
    assert.match(
      html,
      /<ul class="task-list">\n<li class="task-list-item"><input type="checkbox" class="task-checkbox" id="(task-[a-z0-9]+)"><label for="\1">Train the model\.<\/label><\/li>/,
    );
    assert.match(html, /id="(task-[a-z0-9]+)" checked><label for="\1">Read the notes\./);
    const moved = render("- [ ] Something new.\n- [ ] Train the model.\n");
    const id = (markup: string, text: string): string | undefined => new RegExp(`id="(task-[a-z0-9]+)"><label for="[^"]+">${text}`).exec(markup)?.[1];
    assert.equal(id(moved, "Train the model"), id(html, "Train the model"), "ids survive inserting a task above");
  });
  it("counts a page's tasks outside code", () => {
    assert.equal(countTasks("- [ ] a\n1. [x] b\n```\n- [ ] not a task\n```\n* [ ]  c\n- [] no\n"), 3);
  });
});

describe("math, footnotes, definitions, abbreviations, emoji", () => {
  it("renders math at build time with KaTeX, leaving prices alone", () => {
    const html = render("Inline $a^2$ costs $5 and $10.\n\n$$\nx = 1\n$$\n");
    assert.match(html, /<span class="katex"><span class="katex-mathml"><math/);
    assert.match(html, /costs \$5 and \$10\./);
    assert.match(html, /<p class="katex-block"><span class="katex-display">/);
  });
  it("renders footnotes, definition lists, abbreviations and emoji shortcodes", () => {
    const html = render("A claim.[^1] It ships :rocket:. HTML is old.\n\n[^1]: A source.\n\n*[HTML]: HyperText Markup Language\n\nTerm\n:   Definition.\n");
    assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/);
    assert.match(html, /🚀/);
    assert.match(html, /<abbr title="HyperText Markup Language">HTML<\/abbr>/);
    assert.match(html, /<dl>\n<dt>Term<\/dt>\n<dd>Definition\.<\/dd>\n<\/dl>/);
  });
});

describe("attribute lists", () => {
  it("applies { } and {: } lists to images, links and headings", () => {
    assert.match(render('![A photo](figures/photo.png){ width="20" }\n'), /<img src="figures\/photo\.png" alt="A photo" width="20" height="10"/);
    assert.match(render("[Go](s1/page.md){ .md-button }\n"), /<a href="s1\/page\.html" class="md-button">Go<\/a>/);
    assert.match(render("[Go](s1/page.md){: .btn .btn-primary }\n"), /<a href="s1\/page\.html" class="btn btn-primary">Go<\/a>/);
    assert.match(render("## Title {#custom}\n"), /<h2 id="custom">Title<\/h2>/);
  });
  it("looks for attribute lists in text and fence info strings, not in code", () => {
    const parse = (markdown: string) => MarkdownIt().parse(markdown, {});
    assert.equal(mayHoldAttributes(parse("Text.\n\n```python\nd = {1: 2}\n```\n\n    {x}\n")), false);
    assert.equal(mayHoldAttributes(parse("```python {.big}\nx\n```\n")), true);
    assert.equal(mayHoldAttributes(parse("| a |\n|---|\n| b |\n\n{.t}\n")), true);
    assert.equal(mayHoldAttributes(parse("- item {.x}\n")), true);
  });
  it("keeps a {: .no_toc } heading out of the table of contents", () => {
    assert.match(render("# Page\n{: .no_toc }\n"), /<h1 class="no_toc" id="page">Page<\/h1>/);
  });
  it("never shows attribute syntax as text, and never accepts event handlers", () => {
    const html = render('Text.\n\n{: .orphan }\n\n{: #lonely }\n\n![x](figures/photo.png){ onclick="alert(1)" }\n');
    assert.doesNotMatch(visibleText(html), /\{/);
    assert.doesNotMatch(html, /onclick/);
  });
});

describe("figures", () => {
  it("makes an image with a title a figure with a caption, with its size, opening large; figures after the first are lazy", () => {
    const figure = (lazy: string): string =>
      `<figure class="figure">\n<a href="figures/diagram.svg" class="lightbox-link"><img src="figures/diagram.svg" alt="The pipeline" width="300" height="100"${lazy} decoding="async"></a><figcaption>Figure 1: the pipeline.</figcaption>\n</figure>\n`;
    const markdown = '![The pipeline](figures/diagram.svg "Figure 1: the pipeline.")\n';
    assert.equal(render(markdown), figure(""));
    assert.equal(render(`${markdown}\n${markdown}`), figure("") + figure(' loading="lazy"'));
  });
  it("sizes raw HTML images too, keeping the proportions of a given width", () => {
    assert.match(
      render('<img src="figures/photo.png" width="80" alt="p">\n'),
      /<img src="figures\/photo\.png" width="80" alt="p" height="40" decoding="async">/,
    );
  });
  it("parses Markdown inside <figure markdown>, keeping the figcaption", () => {
    assert.match(
      render("<figure markdown>\n![P](figures/photo.png)\n\n<figcaption>Cap.</figcaption>\n</figure>\n"),
      /^<figure>\n<p><a href="figures\/photo\.png" class="lightbox-link"><img[^>]+><\/a><\/p>\n<figcaption>Cap\.<\/figcaption>\n<\/figure>/,
    );
  });
});

describe("code blocks", () => {
  it("reads the fence's options", () => {
    const info = parseFenceInfo('python title="train.py" hl_lines="2 4-5" linenums="3" partial');
    assert.deepEqual({ ...info, highlight: [...info.highlight] }, { lang: "python", title: "train.py", highlight: [2, 4, 5], lineNumbers: 3, partial: true });
    assert.deepEqual([...parseFenceInfo("python {1,3-4}").highlight], [1, 3, 4]);
  });
  it("shows a title, highlighted lines and line numbers", () => {
    const html = render('```python title="train.py" hl_lines="2" linenums="5"\na = 1\nb = 2\n```\n');
    assert.match(html, /<div class="code-block has-title" data-lang="python"><div class="code-title">train\.py<\/div>/);
    assert.match(html, /class="shiki [^"]*line-numbers" style="[^"]*--line-start:4"/);
    assert.match(html, /<span class="line">.*a.*<\/span>\n<span class="line highlighted">/);
  });
  it("marks added and removed lines of a diff", () => {
    assert.match(
      render("```diff\n-a\n+b\n c\n```\n"),
      /<span class="line diff-remove">.*<\/span>\n<span class="line diff-add">.*<\/span>\n(?!<span class="line)/,
    );
  });
  it("includes a file from the course folder, whole or a line range", () => {
    const whole = render('```python\n--8<-- "exercise_files/train.py"\n```\n');
    assert.match(visibleText(whole), /import torch\n\n\ndef train\(model, loader, epochs: int = 2\)/);
    const part = visibleText(render('```python\n--8<-- "exercise_files/train.py:4:5"\n```\n'));
    assert.match(part, /^def train/);
    assert.doesNotMatch(part, /import torch|for _ in/);
    assert.deepEqual(reports, []);
  });
  it("reports a missing included file with the page line", () => {
    render('Intro.\n\n```python\nx = 1\n--8<-- "exercise_files/missing.py"\n```\n');
    assert.deepEqual(reports, [
      'error@5: the included file "exercise_files/missing.py" does not exist (looked in the course folder and beside the page). Fix the path in the --8<-- line.',
    ]);
  });
});
