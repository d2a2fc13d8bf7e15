import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { outputPathFor, relativeHref, rootPrefix } from "../../lib/content/page-url.ts";

describe("outputPathFor (the URL rule)", () => {
  it("replaces .md with .html and keeps the folder", () => {
    assert.equal(outputPathFor("s1_getting_started/M1_terminal.md"), "s1_getting_started/M1_terminal.html");
    assert.equal(outputPathFor("timeplan.md"), "timeplan.html");
  });
  it("turns README.md and index.md into their folder's index.html", () => {
    assert.equal(outputPathFor("README.md"), "index.html");
    assert.equal(outputPathFor("s2/README.md"), "s2/index.html");
    assert.equal(outputPathFor("s2/index.md"), "s2/index.html");
    assert.equal(outputPathFor("s2/readme.md"), "s2/index.html");
  });
  it("lets a permalink override the rule", () => {
    assert.equal(outputPathFor("README.md", "/"), "index.html");
    assert.equal(outputPathFor("projects/projects.md", "projects"), "projects.html");
    assert.equal(outputPathFor("x.md", "/about/"), "about/index.html");
    assert.equal(outputPathFor("x.md", "/feed.xml"), "feed.xml");
    assert.equal(outputPathFor("x.md", "/a/b.html"), "a/b.html");
  });
  it("never climbs out of the site with a permalink", () => {
    assert.equal(outputPathFor("x.md", "../../etc/passwd"), "etc/passwd.html");
  });
});

describe("relativeHref", () => {
  it("links between pages in different folders", () => {
    assert.equal(relativeHref("s1/m1.html", "s2/m3.html"), "../s2/m3.html");
    assert.equal(relativeHref("index.html", "s1/m1.html", "install"), "s1/m1.html#install");
    assert.equal(relativeHref("s1/m1.html", "index.html"), "../index.html");
  });
  it("links a page to itself by name, or by fragment only", () => {
    assert.equal(relativeHref("s1/m1.html", "s1/m1.html"), "m1.html");
    assert.equal(relativeHref("s1/m1.html", "s1/m1.html", "top"), "#top");
  });
  it("encodes characters that are not allowed in URLs", () => {
    assert.equal(relativeHref("index.html", "my figures/a b.png"), "my%20figures/a%20b.png");
  });
});

describe("rootPrefix", () => {
  it("climbs one level per folder", () => {
    assert.equal(rootPrefix("index.html"), "");
    assert.equal(rootPrefix("s1/m1.html"), "../");
    assert.equal(rootPrefix("a/b/c.html"), "../../");
  });
});
