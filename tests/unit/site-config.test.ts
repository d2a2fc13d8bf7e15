import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ConfigError, defaultSiteConfig, loadSiteConfig } from "../../lib/config/site-config.ts";

function load(yaml: string): string | ReturnType<typeof loadSiteConfig> {
  const dir = mkdtempSync(join(tmpdir(), "config-"));
  writeFileSync(join(dir, "course.yml"), yaml);
  try {
    return loadSiteConfig(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.line}: ${p.message}`).join("\n");
    throw error;
  }
}

describe("course settings", () => {
  it("has defaults for a course without course.yml", () => {
    assert.equal(loadSiteConfig(mkdtempSync(join(tmpdir(), "empty-"))).title, defaultSiteConfig().title);
  });
  it("reads a valid file", () => {
    const config = load("title: MLOps\nrepository:\n  url: https://github.com/a/b\nheader_links:\n  - text: Chat\n    url: https://chat.example.com\n");
    assert.equal(typeof config === "object" && config.repository?.branch, "main");
  });
  it("names a misspelt key, its line and the closest setting", () => {
    assert.equal(load("title: x\ntitel: y\n"), "2: `titel` is not a setting; did you mean `title`?");
  });
  it("names a value of the wrong type and what is expected", () => {
    assert.equal(load("strict: sometimes\n"), "1: `strict`: expected true or false");
    assert.equal(load("repository:\n  url: ftp://x\n"), "2: `repository.url`: expected a web address starting with https://");
  });
  it("reports YAML syntax errors with their line", () => {
    assert.match(String(load("title: x\nfooter: [a\n")), /^\d: not valid YAML/);
  });
});
