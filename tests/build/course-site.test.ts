import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import * as shapes from "../../layouts/parts/icon-shapes.ts";
import { type BuildResult, build, NEEDS_SHARED, SHARED, sidebarTitles, urlsIn } from "./build-helper.ts";

let site: BuildResult;
before(async () => {
  site = await build("basic");
  assert.equal(site.code, 0, site.stderr);
});

describe("URLs keep the original site's form", () => {
  it("writes each page at its source path with .html, README/index as index.html, permalinks honoured", () => {
    for (const path of [
      "index.html",
      "timeplan.html",
      "s1_start/index.html",
      "s1_start/m1_terminal.html",
      "s2_next/index.html",
      "s2_next/m3_git.html",
      "secret-notes.html",
    ]) {
      assert.ok(site.exists(path), path);
    }
  });
  it("publishes neither _folders nor the settings file, and copies figures", () => {
    assert.equal(site.exists("_drafts/draft.html"), false);
    assert.equal(site.exists("course.yml"), false);
    assert.ok(site.exists("figures/diagram.svg"));
  });
  it("uses only relative URLs, so one build works at a root, under a sub-path and from disk", () => {
    for (const page of ["index.html", "s1_start/m1_terminal.html"]) {
      const external = urlsIn(site.read(page)).filter((u) => u.startsWith("/") || /^https?:/.test(u));
      assert.deepEqual(
        external.filter((u) => !/^(https:\/\/(github\.com\/example\/|example\.com\/|chat\.example\.com\/)|mailto:)/.test(u)),
        [],
        page,
      );
    }
  });
});

describe("links written for GitHub point at the rendered pages", () => {
  it("rewrites .md links with anchors and folder READMEs", () => {
    const home = site.read("index.html");
    assert.match(home, /href="s1_start\/index\.html"/);
    assert.match(home, /href="timeplan\.html#week-one"/);
    assert.match(home, /href="s1_start\/m1_terminal\.html#using-the-shell"/);
    assert.match(site.read("timeplan.html"), /href="s2_next\/index\.html"/);
    assert.match(site.read("s2_next/m3_git.html"), /href="\.\.\/s1_start\/m1_terminal\.html#using-the-shell"/);
  });
  it("resolves image paths in Markdown and raw HTML", () => {
    assert.match(site.read("index.html"), /<img src="figures\/diagram\.svg" alt="A diagram of the course" width="300" height="120" decoding="async">/);
    assert.match(
      site.read("s1_start/m1_terminal.html"),
      /<a href="\.\.\/figures\/diagram\.svg" class="lightbox-link"><img src="\.\.\/figures\/diagram\.svg" alt="The course diagram" width="100" height="40"/,
    );
  });
});

describe("navigation", () => {
  it("lists every page in course order in the sidebar: nav_order, then title, pages without it last", () => {
    assert.deepEqual(sidebarTitles(site.read("index.html")), [
      "Home",
      "Time plan",
      "S1 - Getting started",
      "M1 - Terminal",
      "M2 - Conda",
      "S2 - Version control",
      "M0 - First by order",
      "M3 - Git",
      "A page without nav order",
    ]);
  });
  it("marks the current page and opens its ancestors", () => {
    const page = site.read("s1_start/m2_conda.html");
    assert.match(page, /<a href="m2_conda\.html" aria-current="page">M2 - Conda/);
    // (Open and closed as the page script's toggles will show them: is-open.)
    assert.match(page, /<li class="is-open"><div class="nav-row"><a href="index\.html">S1 - Getting started<\/a><\/div><ul id="nav-\d+">/);
    assert.match(page, /<li><div class="nav-row"><a href="\.\.\/s2_next\/index\.html">S2 - Version control<\/a><\/div><ul id="nav-\d+">/);
    assert.equal((page.match(/aria-current="page"/g) ?? []).length, 2, "sidebar and breadcrumb");
  });
  it("shows breadcrumbs and previous/next in course order", () => {
    const page = site.read("s1_start/m1_terminal.html");
    assert.match(
      page,
      /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\.\.\/index\.html">Home<\/a><\/li><li><a href="index\.html">S1 - Getting started<\/a><\/li><li><span aria-current="page">M1 - Terminal<\/span><\/li><\/ol><\/nav>/,
    );
    assert.match(page, /<a class="pager-link pager-previous" href="index\.html" rel="prev">.*S1 - Getting started/);
    assert.match(page, /<a class="pager-link pager-next" href="m2_conda\.html" rel="next">.*M2 - Conda/);
  });
  it("reaches every page in the navigation by following next links from the home page", () => {
    const visited: string[] = [];
    let current = "index.html";
    while (current && visited.length < 20) {
      visited.push(current);
      const next = /<a class="pager-link pager-next" href="([^"]+)"/.exec(site.read(current))?.[1];
      current = next ? join(current, "..", next).replace(/^\.\//, "") : "";
    }
    assert.deepEqual(visited, [
      "index.html",
      "timeplan.html",
      "s1_start/index.html",
      "s1_start/m1_terminal.html",
      "s1_start/m2_conda.html",
      "s2_next/index.html",
      "s2_next/m0_first.html",
      "s2_next/m3_git.html",
      "s2_next/m4_unordered.html",
    ]);
  });
  it("lists a session's modules with their descriptions", () => {
    const session = site.read("s1_start/index.html");
    assert.match(session, /<section class="child-pages"[\s\S]*<a href="m1_terminal\.html">M1 - Terminal<\/a><p>Using the shell every day\.<\/p>/);
  });
  it("keeps nav_exclude pages out of the sidebar", () => {
    assert.doesNotMatch(site.read("index.html"), /Staff notes/);
  });
});

describe("the page", () => {
  const m1 = (): string => site.read("s1_start/m1_terminal.html");
  it("has an On this page table of contents of its ## and ### headings", () => {
    assert.match(m1(), /<aside class="toc"[\s\S]*<a href="#using-the-shell">Using the shell<\/a>[\s\S]*<a href="#exercises">Exercises<\/a>/);
  });
  it("highlights code with Shiki (its copy button is the page script's)", () => {
    assert.match(m1(), /<div class="code-block" data-lang="bash"><pre class="shiki/);
    assert.match(m1(), /data-lang="python"/);
  });
  it("has the header: logo, title, configured links, and the root for the script's controls", () => {
    const page = m1();
    assert.match(
      page,
      /<a class="brand" href="\.\.\/index\.html"><img class="brand-logo" src="\.\.\/figures\/logo\.svg" alt=""[^>]*><span class="brand-title">Fixture Course<\/span><\/a>/,
    );
    assert.match(page, /<header class="site-header" data-root="\.\.\/">/);
    assert.match(
      page,
      /<nav class="header-links" aria-label="Course links"><ul><li><a class="site-link" href="https:\/\/github\.com\/example\/fixture-course" rel="noopener"><svg class="icon"[^>]*aria-hidden="true"[^>]*>.*?<\/svg><span>Repository<\/span><\/a>/,
    );
    // The menu, search and theme controls and the sidebar's toggles work only with
    // JavaScript, which makes them (the browser tests use them): no page carries them.
    const header = page.slice(page.indexOf("<header"), page.indexOf("</header>"));
    const sidebar = page.slice(page.indexOf('<nav class="sidebar"'), page.indexOf("</nav>", page.indexOf('<nav class="sidebar"')));
    assert.ok(header && sidebar);
    assert.doesNotMatch(header + sidebar, /<button|<input|<kbd/);
  });
  it("has the footer: configured text, an edit link to the source, landmarks and a skip link", () => {
    const page = m1();
    assert.match(page, /href="https:\/\/github\.com\/example\/fixture-course\/edit\/main\/docs\/s1_start\/m1_terminal\.md"/);
    assert.match(page, /Fixture footer with <a href="https:\/\/example\.com\/license">a link<\/a>/);
    assert.match(
      page,
      /<nav class="footer-links" aria-label="Contact and links">.*<a class="site-link" href="https:\/\/chat\.example\.com\/course" rel="noopener"><svg[^>]*>.*?<\/svg><span>Course chat<\/span><\/a>.*<a class="site-link" href="mailto:teachers@example\.com"><svg/s,
    );
    assert.match(page, /<a class="skip-link" href="#main-content">/);
    for (const landmark of [
      /<header class="site-header" data-root="\.\.\/">/,
      /<nav class="sidebar" id="sidebar" aria-label="Course">/,
      /<main id="main-content"/,
      /<footer class="site-footer">/,
    ])
      assert.match(page, landmark);
  });
  it("allows no inline script but the theme script, by its hash", () => {
    const page = m1();
    const inline = /<script>([^<]*)<\/script>/.exec(page)?.[1] ?? "";
    const hash = createHash("sha256").update(inline).digest("base64");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]?.replace(/&#39;/g, "'") ?? "";
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/=]/g, (c) => `\\${c}`)}'`));
    assert.match(csp, /default-src 'self'/);
    assert.equal((page.match(/<script>/g) ?? []).length, 1);
    assert.doesNotMatch(page, /\son[a-z]+="/, "no inline event handlers");
  });
  it("has a page script with the icons of the controls it makes, and no others", () => {
    const script = site.read("assets/site.js");
    for (const used of [shapes.menu, shapes.search, shapes.sun, shapes.moon, shapes.chevron]) assert.ok(script.includes(used));
    for (const unused of [shapes.github, shapes.edit, shapes.calendar]) assert.ok(!script.includes(unused), "every page's first visit pays for it");
  });
});

describe("search", () => {
  it("indexes page bodies with Pagefind and honours search_exclude", () => {
    assert.ok(site.exists("pagefind/main/pagefind.js"));
    const entry = JSON.parse(site.read("pagefind/main/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    assert.equal(entry.languages.en?.page_count, 9);
    assert.match(
      site.read("s1_start/m1_terminal.html"),
      /<article class="content" data-page="s1_start\/m1_terminal\.html" data-pagefind-body data-pagefind-meta="title:M1 - Terminal">/,
    );
    assert.doesNotMatch(site.read("secret-notes.html"), /data-pagefind-body/);
  });
});

describe("the shared site check", { skip: NEEDS_SHARED }, () => {
  it("finds no broken link, missing anchor, absolute URL or external load", () => {
    const out = execFileSync(process.execPath, [join(SHARED, "checks/site-check.mjs"), site.output], { encoding: "utf8" });
    assert.match(out, /broken 0, missing fragments 0, root-absolute 0, folder links 0, external loads 0, page-shape 0/);
  });
});
