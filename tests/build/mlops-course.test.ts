/** The MLOps course in content/ builds strictly with no warning, and reads from start to end by "Next" alone. */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { before, describe, it } from "node:test";
import { type BuildResult, build, NEEDS_SHARED, PROJECT, SHARED } from "./build-helper.ts";

let site: BuildResult;
before(async () => {
  site = await build(join(PROJECT, "content"));
});

describe("the MLOps course", () => {
  it("builds strictly, with no warning", () => {
    assert.equal(site.code, 0, site.stderr);
    assert.equal(site.stderr.trim(), "");
    assert.doesNotMatch(site.stdout, /warning/);
  });
  it("leads from the home page through every session and module by Next alone", () => {
    const visited: string[] = [];
    for (let page: string | undefined = "index.html"; page && visited.length < 200; ) {
      visited.push(page);
      const next: string | undefined = /<a class="pager-link pager-next" href="([^"]+)"/.exec(site.read(page))?.[1];
      page = next ? posix.normalize(posix.join(posix.dirname(page), next)) : undefined;
    }
    const content = join(PROJECT, "content");
    const expected = readdirSync(content, { recursive: true, encoding: "utf8" })
      .filter((f) => /^s\d\d_[^/]+\/(index|m\d\d_[^/]+)\.md$/.test(f))
      .map((f) => f.replace(/\.md$/, ".html"));
    for (const page of expected) assert.ok(visited.includes(page), `${page} is reached`);
    const sessions = visited.filter((p) => /^s\d\d_[^/]+\/index\.html$/.test(p));
    assert.deepEqual(sessions, [...sessions].sort(), "sessions come in order");
  });
  it("makes one render-blocking request per page, KaTeX's styles included where there is math", () => {
    const stylesheets = (page: string): string[] => [...site.read(page).matchAll(/<link rel="stylesheet" href="([^"?]+)/g)].map((m) => m[1] ?? "");
    assert.deepEqual(stylesheets("s01_development_environment/m04_pytorch.html"), ["../assets/site-math.css"]);
    assert.deepEqual(stylesheets("s01_development_environment/m01_terminal.html"), ["../assets/site.css"]);
    const mathCss = site.read("assets/site-math.css");
    assert.ok(mathCss.startsWith(site.read("assets/site.css")));
    const fonts = [...mathCss.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1] ?? "");
    assert.ok(fonts.length > 10);
    for (const font of fonts) assert.ok(site.exists(posix.join("assets", font)), font);
  });
  it("passes the shared site check", { skip: NEEDS_SHARED }, () => {
    const out = execFileSync(process.execPath, [join(SHARED, "checks/site-check.mjs"), site.output], { encoding: "utf8" });
    assert.match(out, /broken 0, missing fragments 0, root-absolute 0, folder links 0, external loads 0, page-shape 0/);
  });
});
