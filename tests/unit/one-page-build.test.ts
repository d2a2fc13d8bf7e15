/** When a build may render one page and keep the others (lib/build/one-page-build.ts). */

import assert from "node:assert/strict";
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type BuildRecord, keptPagesIntact, makeRecord, planBuild, type WrittenPage } from "../../lib/build/one-page-build.ts";
import { proseShape } from "../../lib/content/prose-change.ts";

const docker = "---\ntitle: Docker\n---\n\n# Docker\n\nContainers package a model.\n\n## Images\n\nAn image is built from a Dockerfile.\n";
const git = "---\ntitle: Git\n---\n\n# Git\n\nVersion control.\n";
const texts = new Map([
  ["/c/docker.md", docker],
  ["/c/git.md", git],
]);

/** The record a build of `texts` into `output` leaves, its pages written there now. */
function recordOf(output: string, stamp = "stamp"): BuildRecord {
  writeFileSync(join(output, "docker.html"), "<p>docker</p>");
  writeFileSync(join(output, "git.html"), "<p>git</p>");
  const pages = new Map<string, WrittenPage>([
    ["docker.html", { source: "/c/docker.md", hash: "d", searchable: true, offlineKey: "kd" }],
    ["git.html", { source: "/c/git.md", hash: "g", searchable: true }],
    ["copied.html", { source: undefined, hash: "c", searchable: false }],
  ]);
  return makeRecord(undefined, stamp, "assets", texts, output, pages);
}

describe("planBuild", () => {
  const output = mkdtempSync(join(tmpdir(), "one-page-"));
  const record = recordOf(output);

  it("builds one page when only its prose changed, keeping the others as written", () => {
    const plan = planBuild(record, "stamp", new Map(texts).set("/c/docker.md", docker.replace("built from", "made from")));
    assert.equal(plan.kind, "one-page");
    if (plan.kind !== "one-page") return;
    assert.equal(plan.source, "/c/docker.md");
    assert.equal(plan.page, "docker.html");
    assert.deepEqual([...plan.kept.keys()], ["git.html"]);
    assert.equal(plan.kept.get("git.html")?.hash, "g");
    assert.equal(keptPagesIntact(output, plan.kept), true);
  });

  it("builds every page without a record, or with another stamp (settings, code, files, history)", () => {
    const changed = new Map(texts).set("/c/docker.md", `${docker}\nMore.\n`);
    assert.equal(planBuild(undefined, "stamp", changed).kind, "full");
    assert.equal(planBuild(record, "other", changed).kind, "full");
    assert.equal(planBuild({ ...record, version: 0 }, "stamp", changed).kind, "full");
  });

  it("builds every page when nothing, or more than one page, changed", () => {
    assert.equal(planBuild(record, "stamp", texts).kind, "full");
    const two = new Map([
      ["/c/docker.md", `${docker}\nMore.\n`],
      ["/c/git.md", `${git}\nMore.\n`],
    ]);
    assert.equal(planBuild(record, "stamp", two).kind, "full");
  });

  it("builds every page when a page was added or removed", () => {
    assert.equal(planBuild(record, "stamp", new Map(texts).set("/c/new.md", git)).kind, "full");
    assert.equal(planBuild(record, "stamp", new Map([["/c/docker.md", `${docker}\nMore.\n`]])).kind, "full");
  });

  it("builds every page when the change is one other pages show: front matter, title, summary, exercises", () => {
    for (const after of [
      docker.replace("title: Docker", "title: Containers"),
      docker.replace("# Docker", "# Containers"),
      docker.replace("package a model", "package models"),
      `${docker}\n- [ ] Build an image\n`,
    ])
      assert.equal(planBuild(record, "stamp", new Map(texts).set("/c/docker.md", after)).kind, "full", after);
  });

  it("builds every page when another page shows the changed one through a snippet", () => {
    const showing = new Map(texts).set("/c/git.md", `${git}\n--8<-- "docker.md"\n`);
    const shown = makeRecord(undefined, "stamp", "assets", showing, output, new Map());
    const withPages = { ...shown, pages: record.pages };
    assert.equal(planBuild(withPages, "stamp", new Map(showing).set("/c/docker.md", `${docker}\nMore.\n`)).kind, "full");
  });

  it("sees a kept page changed or removed in the output", () => {
    const plan = planBuild(record, "stamp", new Map(texts).set("/c/docker.md", `${docker}\nMore.\n`));
    assert.equal(plan.kind, "one-page");
    if (plan.kind !== "one-page") return;
    utimesSync(join(output, "git.html"), new Date(), new Date(Date.now() + 5000));
    assert.equal(keptPagesIntact(output, plan.kept), false);
    assert.equal(keptPagesIntact(join(output, "elsewhere"), plan.kept), false);
  });
});

describe("makeRecord", () => {
  it("keeps each page's source, hash, size, time and offline key; pages copied from the course are left out", () => {
    const output = mkdtempSync(join(tmpdir(), "one-page-"));
    const record = recordOf(output);
    assert.deepEqual(Object.keys(record.pages).sort(), ["docker.html", "git.html"]);
    assert.equal(record.pages["docker.html"]?.size, "<p>docker</p>".length);
    assert.equal(record.pages["docker.html"]?.offlineKey, "kd");
    assert.equal(record.sources["/c/docker.md"]?.shape, proseShape(docker));
  });

  it("takes a page's offline key over from the last record when the page is the same", () => {
    const output = mkdtempSync(join(tmpdir(), "one-page-"));
    const last = recordOf(output);
    const next = makeRecord(
      last,
      "stamp",
      "assets",
      texts,
      output,
      new Map<string, WrittenPage>([
        ["docker.html", { source: "/c/docker.md", hash: "d", searchable: true }],
        ["git.html", { source: "/c/git.md", hash: "g2", searchable: true }],
      ]),
    );
    assert.equal(next.pages["docker.html"]?.offlineKey, "kd");
    assert.equal(next.pages["git.html"]?.offlineKey, undefined);
  });
});

describe("proseShape", () => {
  it("is the same exactly when only prose changed (onlyProseChanged, the summary counted)", () => {
    assert.equal(proseShape(docker), proseShape(docker.replace("built from", "made from")));
    assert.equal(proseShape(docker), proseShape(docker.replace("## Images", "## Container images")));
    assert.notEqual(proseShape(docker), proseShape(docker.replace("package a model", "package models")));
    assert.notEqual(proseShape(docker), proseShape(docker.replace("title: Docker", "title: Dock")));
    assert.notEqual(proseShape("# A\n\nundefined\n"), proseShape("# A\n"));
  });
});
