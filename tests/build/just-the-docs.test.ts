/** A course written for Just the Docs builds unchanged: its _config.yml, front matter and Liquid. */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { type BuildResult, build, FIXTURES, sidebarTitles } from "./build-helper.ts";

let site: BuildResult;
before(async () => {
  site = await build("just-the-docs", ["--no-strict"]);
  assert.equal(site.code, 0, site.stderr);
});

/** What a reader sees of a page: the article's text. */
const visible = (html: string): string =>
  (/<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? "").replace(/<(script|style)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ");

describe("_config.yml", () => {
  it("gives the title, logo at its own proportions, favicon, header link in a new tab and footer", () => {
    const home = site.read("index.html");
    assert.match(home, /<span class="brand-title">Jekyll Course<\/span>/);
    assert.match(home, /<img class="brand-logo" src="figures\/logo\.svg" alt="" width="128" height="32">/);
    // Small enough to travel inside the page as a data: URL.
    const icon = /<link rel="icon" href="data:image\/svg\+xml,([^"<>&#\n]+)" type="image\/svg\+xml">/.exec(home);
    assert.ok(icon, "the course's favicon is linked inline, as escaped text");
    assert.equal(decodeURIComponent(icon[1] ?? ""), readFileSync(join(FIXTURES, "just-the-docs/figures/favicon.svg"), "utf8").trim());
    assert.match(
      home,
      /<a class="site-link" href="https:\/\/github\.com\/example\/jekyll-course" rel="noopener" target="_blank">.*<span>Course on GitHub<\/span><\/a>/,
    );
    assert.match(home, /<div class="footer-text">Copyright © 2024 The Teachers\. <a href="https:\/\/example\.com\/license">License<\/a><\/div>/);
  });
  it("links each page to the editor in the configured repository, branch and folder", () => {
    assert.match(site.read("docs/a.html"), /href="https:\/\/github\.com\/example\/jekyll-course\/edit\/main\/docs\/docs\/a\.md"/);
  });
  it("defaults to the dark theme (color_scheme: dark), which readers can still change", () => {
    assert.match(site.read("index.html"), /localStorage\.getItem\("coursesite-theme"\)\|\|"dark"/);
  });
  it("applies front-matter defaults by folder: private pages are out of the navigation and search", () => {
    assert.ok(site.exists("private/notes.html"));
    assert.doesNotMatch(site.read("index.html"), /Private notes/);
    assert.doesNotMatch(site.read("private/notes.html"), /data-pagefind-body/);
  });
  it("names the settings it does not use, once", () => {
    assert.equal((site.stderr.match(/these settings have no effect here: remote_theme, plugins\./g) ?? []).length, 1);
    assert.match(site.stderr, /_config\.yml:3: warning: /);
  });
});

describe("front matter", () => {
  it("orders the sidebar as Just the Docs does: child_nav_order desc, trailing space in parent, grand_parent and ancestor", () => {
    assert.deepEqual(sidebarTitles(site.read("index.html")), [
      "Home",
      "Part",
      "Gamma",
      "Exercises",
      "Beta",
      "Alpha",
      "Deep",
      "Gamma",
      "Exercises",
      "Leaf",
      "Unsupported",
    ]);
    assert.match(site.read("deep/leaf.html"), /<nav class="breadcrumbs"[\s\S]*>Deep<\/a>[\s\S]*>Gamma<\/a>[\s\S]*>Exercises<\/a>/);
  });
  it("hides the list of child pages when has_toc is false", () => {
    assert.doesNotMatch(site.read("docs/sub/index.html"), /class="child-pages"/);
    assert.match(site.read("docs/part.html"), /class="child-pages"/);
  });
  it("shows last_modified_date when git has no date, and renders math on mathjax pages", () => {
    assert.match(site.read("index.html"), /Last updated <time datetime="2024-03-01">1 March 2024<\/time>/);
    assert.match(site.read("deep/leaf.html"), /<span class="katex">/);
  });
});

describe("Liquid", () => {
  it("expands include, link, site.baseurl and raw; keeps {{ }} in code as written", () => {
    const home = site.read("index.html");
    assert.match(home, /<p><strong>Remember:<\/strong> commit early, commit often\.<\/p>/);
    assert.match(home, /<img src="figures\/diagram\.svg" alt="The diagram"/);
    assert.match(home, /<a href="docs\/part\.html">the first part<\/a>/);
    assert.match(home, /<p>Templates write \{\{ variables \}\} like this\.<\/p>/);
    assert.match(home, /echo \$\{\{ secrets\.TOKEN \}\}/);
  });
  it("reports any other tag with its line, and never shows Liquid or kramdown syntax", async () => {
    assert.match(
      site.stderr,
      /unsupported\.md:8: warning: the Liquid tag \{% if %\} is not supported here\. Wrap text that should stay as written in \{% raw %\}…\{% endraw %\}, or remove the tag\./,
    );
    const strict = await build("just-the-docs");
    assert.equal(strict.code, 1);
    for (const page of readdirSync(site.output, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))) {
      const text = visible(site.read(join(page)));
      assert.doesNotMatch(text, /\{%|\{\{\s*site|\{:|\bTOC\b/, page);
    }
  });
});
