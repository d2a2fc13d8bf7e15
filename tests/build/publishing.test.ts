/** What a published course offers search engines and phones, the 404 page, and archived editions. */

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { type BuildResult, build, FIXTURES } from "./build-helper.ts";

let site: BuildResult;
let noUrl: BuildResult;
before(async () => {
  const course = join(mkdtempSync(join(tmpdir(), "published-")), "course");
  cpSync(join(FIXTURES, "basic"), course, { recursive: true });
  writeFileSync(join(course, "course.yml"), `${readCourseYml()}url: https://example.github.io/course\n`);
  site = await build(course);
  assert.equal(site.code, 0, site.stderr);
  noUrl = await build("basic");
});

function readCourseYml(): string {
  return "title: Fixture Course\ndescription: A small course used by the build and browser tests.\nlogo: figures/logo.svg\n";
}

describe("discoverability", () => {
  it("writes a sitemap of every page with its absolute address, and robots.txt pointing to it", () => {
    const sitemap = site.read("sitemap.xml");
    assert.match(sitemap, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    assert.match(sitemap, /<url><loc>https:\/\/example\.github\.io\/course\/<\/loc><\/url>/);
    assert.match(sitemap, /<loc>https:\/\/example\.github\.io\/course\/s1_start\/m1_terminal\.html<\/loc>/);
    assert.doesNotMatch(sitemap, /404\.html/);
    assert.equal(site.read("robots.txt"), "User-agent: *\nAllow: /\nSitemap: https://example.github.io/course/sitemap.xml\n");
  });
  it("leaves the sitemap out when the site's address is not configured", () => {
    assert.equal(noUrl.exists("sitemap.xml"), false);
    assert.equal(noUrl.read("robots.txt"), "User-agent: *\nAllow: /\n");
  });
  it("gives each page a canonical link, Open Graph and Twitter card metadata", () => {
    const page = site.read("s1_start/m1_terminal.html");
    assert.match(page, /<link rel="canonical" href="https:\/\/example\.github\.io\/course\/s1_start\/m1_terminal\.html">/);
    assert.match(page, /<meta property="og:title" content="M1 - Terminal">/);
    assert.match(page, /<meta property="og:description" content="Using the shell every day\.">/);
    assert.match(page, /<meta property="og:image" content="https:\/\/example\.github\.io\/course\/figures\/logo\.svg">/);
    assert.match(page, /<meta name="twitter:card" content="summary">/);
    assert.doesNotMatch(noUrl.read("s1_start/m1_terminal.html"), /rel="canonical"/);
  });
  it("describes a page without a description by its first paragraph", () => {
    assert.match(site.read("s1_start/m2_conda.html"), /<meta name="description" content="Environments keep projects apart\.">/);
  });
  it("links a web app manifest with icons", () => {
    assert.match(site.read("index.html"), /<link rel="manifest" href="assets\/manifest\.webmanifest">/);
    const manifest = JSON.parse(site.read("assets/manifest.webmanifest")) as { name: string; icons: { src: string }[] };
    assert.equal(manifest.name, "Fixture Course");
    for (const icon of manifest.icons) assert.ok(site.exists(`assets/${icon.src}`), icon.src);
  });
});

describe("the 404 page", () => {
  it("exists, is not in the navigation or search, and points its links at the site root", () => {
    const page = site.read("404.html");
    assert.match(page, /<h1 id="page-not-found">Page not found<\/h1>/);
    assert.match(page, /<base href="https:\/\/example\.github\.io\/course\/">/);
    assert.doesNotMatch(page, /data-pagefind-body/);
    assert.doesNotMatch(site.read("index.html"), /Page not found/);
  });
});

describe("archived editions", () => {
  it("builds an edition into archive/<label>/ with a banner linking to the current course, and keeps it through later builds", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "editions-")), "site");
    assert.equal((await build("basic", [], output)).code, 0);
    const archived = await build("authoring", ["--archive", "2026"], output);
    assert.equal(archived.code, 0, archived.stderr);
    const home = archived.read("archive/2026/index.html");
    assert.match(
      home,
      /<p class="edition-banner" role="note">You are reading the 2026 edition of this course — <a href="\.\.\/\.\.\/index\.html">see this page in the current course<\/a>\.<\/p>/,
    );
    assert.match(archived.read("archive/2026/s1/page.html"), /<a href="\.\.\/\.\.\/\.\.\/index\.html">see the current course<\/a>/);
    assert.doesNotMatch(archived.read("index.html"), /edition-banner/, "the current edition has no banner");
    const rebuilt = await build("basic", [], output);
    assert.equal(rebuilt.code, 0);
    assert.ok(rebuilt.exists("archive/2026/index.html"), "the archive survives a build of the current edition");
    assert.ok(!rebuilt.read("pagefind/main/pagefind-entry.json").includes("2026"));
  });
  it("refuses a label that is not a plain name", async () => {
    const result = await build("basic", ["--archive", "../x"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--archive needs a label of letters, digits, dots or hyphens, e\.g\. --archive 2026/);
  });
});
