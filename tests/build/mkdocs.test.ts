/** A course written for Material for MkDocs builds unchanged: its mkdocs.yml, nav, URLs and Markdown extensions. */

import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { type BuildResult, build, sidebarTitles } from "./build-helper.ts";

let site: BuildResult;
before(async () => {
  site = await build("mkdocs");
  assert.equal(site.code, 0, site.stderr);
});

describe("mkdocs.yml", () => {
  it("builds the docs folder with MkDocs' URLs (page/index.html), linking files, not folders", () => {
    for (const path of [
      "index.html",
      "getting-started/index.html",
      "getting-started/install/index.html",
      "getting-started/first-run/index.html",
      "guide/code/index.html",
    ]) {
      assert.ok(site.exists(path), path);
    }
    assert.match(site.read("index.html"), /<a href="getting-started\/first-run\/index\.html#check-it">the first run<\/a>/);
  });
  it("takes the navigation from nav: titles, sections, section index pages, order", () => {
    assert.deepEqual(sidebarTitles(site.read("index.html")), ["Home", "Getting started", "Install the tools", "First run", "Guide", "Writing code", "Icons"]);
    assert.match(
      site.read("guide/index.html"),
      /<section class="child-pages"[\s\S]*Writing code[\s\S]*Icons/,
      "a section without a page gets one listing its pages",
    );
  });
  it("still builds pages left out of nav, but does not list them; leaves out what the exclude plugin excludes", () => {
    assert.ok(site.exists("orphan/index.html"));
    assert.doesNotMatch(site.read("index.html"), /Not in the navigation/);
    assert.equal(site.exists("drafts/wip/index.html"), false);
  });
  it("reads site_name, repo_url, edit_uri, copyright, theme.logo, palette and extra.social", () => {
    const page = site.read("guide/code/index.html");
    assert.match(page, /<span class="brand-title">MkDocs Course<\/span>/);
    assert.match(page, /<img class="brand-logo" src="\.\.\/\.\.\/assets\/logo\.svg"/);
    assert.match(page, /href="https:\/\/github\.com\/example\/mkdocs-course\/edit\/main\/docs\/guide\/code\.md"/);
    assert.match(page, /Copyright © 2025 The Teachers/);
    assert.match(page, /<a class="site-link" href="https:\/\/discord\.gg\/example" rel="noopener"><svg[^>]*>[\s\S]*?<\/svg><span>Course chat<\/span>/);
    assert.match(page, /\|\|"dark"/, "palette scheme slate is the dark default");
    assert.match(page, /<link rel="canonical" href="https:\/\/example\.github\.io\/mkdocs-course\/guide\/code\/index\.html">/);
    assert.match(site.stderr, /mkdocs\.yml:\d+: warning: these settings have no effect here: extra_css\./);
  });
});

describe("Material's Markdown", () => {
  it("renders code annotations as numbered links to the list after the block", () => {
    const page = site.read("guide/code/index.html");
    assert.match(page, /content\.code\.annotate<\/span> <a class="code-annotation" href="#annotation-\d+-1" aria-label="Annotation 1">1<\/a>(\n|<\/code>)/);
    assert.doesNotMatch(page, /\(1\)!/);
    assert.match(page, /<ol class="code-annotations">\n<li id="annotation-\d+-1">Turns annotations on\.<\/li>/);
  });
  it("highlights inline code marked #!lang", () => {
    assert.match(site.read("getting-started/first-run/index.html"), /<code class="highlight-inline"><span style="color:light-dark\([^)]*\)">print<\/span>/);
  });
  it("includes snippets relative to the MkDocs project, and shows markdown-exec blocks as code", () => {
    const page = site.read("guide/code/index.html");
    assert.match(page, /Hello, /);
    assert.match(page, /shown as code, not run/);
  });
  it("draws icon shortcodes inline from the site, and parses Markdown in md_in_html grids", () => {
    const icons = site.read("guide/icons/index.html");
    assert.equal((icons.match(/<svg class="icon-inline"/g) ?? []).length, 3);
    const home = site.read("index.html");
    assert.match(home, /<div class="grid cards">\n<ul>\n<li>\n<p><svg class="icon-inline"[\s\S]*?<strong>Set up in minutes<\/strong><\/p>/);
    assert.doesNotMatch(home, /:material-|markdown>/);
  });
  it("applies { align=right } to images", () => {
    assert.match(
      site.read("getting-started/install/index.html"),
      /<img src="\.\.\/\.\.\/assets\/logo\.svg" alt="A right-aligned logo" align="right" width="64"/,
    );
  });
});
