import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { resolveLink } from "../../lib/content/resolve-link.ts";
import { createSiteMap } from "../../lib/content/site-map.ts";

const root = mkdtempSync(join(tmpdir(), "resolve-link-"));
const figures = mkdtempSync(join(tmpdir(), "figures-"));
for (const dir of ["s1", "s2", "figures", "_private"]) mkdirSync(join(root, dir));
for (const file of ["README.md", "s1/m1.md", "s2/m5.md", "s2/README.md", "projects.md", "figures/x.png", "s1/data file.csv", "_private/secret.txt"])
  writeFileSync(join(root, file), "x");
writeFileSync(join(figures, "diagram.svg"), "<svg/>");
const pages = new Map([
  [join(root, "README.md"), "index.html"],
  [join(root, "s1/m1.md"), "s1/m1.html"],
  [join(root, "s2/m5.md"), "s2/m5.html"],
  [join(root, "s2/README.md"), "s2/index.html"],
  [join(root, "projects.md"), "projects.html"],
]);
const site = createSiteMap(root, pages, [{ from: figures, to: "figures-extra" }]);
const fromM1 = { sourceFile: join(root, "s1/m1.md"), outputPath: "s1/m1.html" };

describe("resolveLink", () => {
  it("points links to .md sources at the rendered page, keeping the fragment", () => {
    assert.deepEqual(resolveLink("../s2/m5.md#branches", fromM1, site), {
      kind: "page",
      href: "../s2/m5.html#branches",
      target: "s2/m5.html",
      fragment: "branches",
    });
  });
  it("follows permalinks: a README with permalink / is index.html", () => {
    const fromProjects = { sourceFile: join(root, "projects.md"), outputPath: "projects.html" };
    assert.equal((resolveLink("README.md", fromProjects, site) as { href: string }).href, "index.html");
  });
  it("treats a link to a folder as its README page", () => {
    assert.equal((resolveLink("../s2/", fromM1, site) as { href: string }).href, "../s2/index.html");
    assert.equal((resolveLink("../s2", fromM1, site) as { href: string }).href, "../s2/index.html");
  });
  it("accepts links written to the built page", () => {
    assert.equal((resolveLink("../s2/m5.html", fromM1, site) as { href: string }).href, "../s2/m5.html");
  });
  it("resolves files, root-absolute paths and encoded names", () => {
    assert.deepEqual(resolveLink("../figures/x.png", fromM1, site), {
      kind: "file",
      href: "../figures/x.png",
      target: "figures/x.png",
      path: join(root, "figures/x.png"),
    });
    assert.equal((resolveLink("/figures/x.png", fromM1, site) as { href: string }).href, "../figures/x.png");
    assert.equal((resolveLink("data%20file.csv", fromM1, site) as { href: string }).href, "data%20file.csv");
  });
  it("maps files in mounted folders outside the course", () => {
    const fromRoot = { sourceFile: join(root, "README.md"), outputPath: "index.html" };
    const outside = join(figures, "diagram.svg");
    const result = resolveLink(relative(root, outside), fromRoot, site);
    assert.deepEqual(result, { kind: "file", href: "figures-extra/diagram.svg", target: "figures-extra/diagram.svg", path: outside });
  });
  it("leaves other sites, mail addresses and same-page anchors alone", () => {
    for (const url of ["https://pytorch.org", "//cdn.example.com/x.js", "mailto:a@b.c", "#top", ""]) {
      assert.deepEqual(resolveLink(url, fromM1, site), { kind: "unchanged" });
    }
  });
  it("reports files that do not exist, and private files as missing", () => {
    assert.equal(resolveLink("nope.md", fromM1, site).kind, "missing");
    assert.equal(resolveLink("../_private/secret.txt", fromM1, site).kind, "missing");
  });
});
