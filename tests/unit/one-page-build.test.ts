/** When a build may render one page and keep the others (lib/build/one-page-build.ts). */

import assert from "node:assert/strict";
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type BuildRecord, hashTexts, keptPagesIntact, makeRecord, planBuild, type SourceTexts, type WrittenPage } from "../../lib/build/one-page-build.ts";
import { onlyProseChanged, proseShape, summaryHash } from "../../lib/content/prose-change.ts";

const docker = "---\ntitle: Docker\n---\n\n# Docker\n\nContainers package a model.\n\n## Images\n\nAn image is built from a Dockerfile.\n";
const git = "---\ntitle: Git\n---\n\n# Git\n\nVersion control.\n";
const index = "---\ntitle: Tools\n---\n\n# Tools\n\nThe tools of the course.\n";
const texts = new Map([
  ["/c/docker.md", docker],
  ["/c/git.md", git],
  ["/c/index.md", index],
]);

/** The record a build of `texts` into `output` leaves, its pages written there now. */
function recordOf(output: string, stamp = "stamp"): BuildRecord {
  writeFileSync(join(output, "docker.html"), "<p>docker</p>");
  writeFileSync(join(output, "git.html"), "<p>git</p>");
  writeFileSync(join(output, "index.html"), "<p>index</p>");
  const pages = new Map<string, WrittenPage>([
    ["docker.html", { source: "/c/docker.md", hash: "d", searchable: true, offlineKey: "kd" }],
    ["git.html", { source: "/c/git.md", hash: "g", searchable: true }],
    ["index.html", { source: "/c/index.md", hash: "i", searchable: true }],
    ["copied.html", { source: undefined, hash: "c", searchable: false }],
  ]);
  const parents = new Map([["/c/docker.md", "/c/index.md"]]);
  return makeRecord(undefined, {
    stamp,
    assets: "assets",
    texts,
    hashes: hashTexts(texts),
    parents,
    ids: new Map([["docker.html", ["images"]]]),
    folder: output,
    pages,
  });
}

/** The plan for `texts`, their hashes made as the build command makes them. */
const planFor = (record: BuildRecord | undefined, stamp: string, texts: SourceTexts) => planBuild(record, stamp, texts, hashTexts(texts));

describe("planBuild", () => {
  const output = mkdtempSync(join(tmpdir(), "one-page-"));
  const record = recordOf(output);

  it("builds one page when only its prose changed, keeping the others as written", () => {
    const plan = planFor(record, "stamp", new Map(texts).set("/c/docker.md", docker.replace("built from", "made from")));
    assert.equal(plan.kind, "one-page");
    if (plan.kind !== "one-page") return;
    assert.equal(plan.source, "/c/docker.md");
    assert.deepEqual(plan.pages, ["docker.html"]);
    assert.equal(plan.also, undefined);
    assert.equal(plan.assets, "assets");
    assert.deepEqual([...plan.kept.keys()], ["git.html", "index.html"]);
    assert.equal(plan.kept.get("git.html")?.hash, "g");
    assert.equal(keptPagesIntact(output, plan.kept), true);
  });

  it("builds every page without a record, or with another stamp (settings, code, files, history)", () => {
    const changed = new Map(texts).set("/c/docker.md", `${docker}\nMore.\n`);
    assert.equal(planFor(undefined, "stamp", changed).kind, "full");
    assert.equal(planFor(record, "other", changed).kind, "full");
    assert.equal(planFor({ ...record, version: 0 }, "stamp", changed).kind, "full");
  });

  it("builds every page when nothing, or more than one page, changed", () => {
    assert.equal(planFor(record, "stamp", texts).kind, "full");
    const two = new Map(texts).set("/c/docker.md", `${docker}\nMore.\n`).set("/c/git.md", `${git}\nMore.\n`);
    assert.equal(planFor(record, "stamp", two).kind, "full");
  });

  it("builds every page when a page was added or removed", () => {
    assert.equal(planFor(record, "stamp", new Map(texts).set("/c/new.md", git)).kind, "full");
    assert.equal(planFor(record, "stamp", new Map([["/c/docker.md", `${docker}\nMore.\n`]])).kind, "full");
  });

  it("builds every page when the change is one other pages show: front matter, title, exercises", () => {
    for (const after of [docker.replace("title: Docker", "title: Containers"), docker.replace("# Docker", "# Containers"), `${docker}\n- [ ] Build an image\n`])
      assert.equal(planFor(record, "stamp", new Map(texts).set("/c/docker.md", after)).kind, "full", after);
  });

  it("builds the page and the one that lists it when the summary changed; every page when none lists it", () => {
    const plan = planFor(record, "stamp", new Map(texts).set("/c/docker.md", docker.replace("package a model", "package models")));
    assert.equal(plan.kind, "one-page");
    if (plan.kind !== "one-page") return;
    assert.equal(plan.also, "/c/index.md");
    assert.deepEqual([...plan.pages].sort(), ["docker.html", "index.html"]);
    assert.deepEqual([...plan.kept.keys()], ["git.html"]);
    assert.equal(planFor(record, "stamp", new Map(texts).set("/c/git.md", git.replace("Version control.", "Versions."))).kind, "full");
  });

  it("builds every page when another page shows the changed one through a snippet", () => {
    const showing = new Map(texts).set("/c/git.md", `${git}\n--8<-- "docker.md"\n`);
    const shown = makeRecord(undefined, {
      stamp: "stamp",
      assets: "assets",
      texts: showing,
      hashes: hashTexts(showing),
      parents: new Map(),
      ids: new Map(),
      folder: output,
      pages: new Map(),
    });
    const withPages = { ...shown, pages: record.pages };
    assert.equal(planFor(withPages, "stamp", new Map(showing).set("/c/docker.md", `${docker}\nMore.\n`)).kind, "full");
  });

  it("sees a kept page changed or removed in the output", () => {
    const plan = planFor(record, "stamp", new Map(texts).set("/c/docker.md", `${docker}\nMore.\n`));
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
    assert.deepEqual(Object.keys(record.pages).sort(), ["docker.html", "git.html", "index.html"]);
    assert.equal(record.sources["/c/docker.md"]?.parent, "/c/index.md");
    assert.equal(record.pages["docker.html"]?.size, "<p>docker</p>".length);
    assert.equal(record.pages["docker.html"]?.offlineKey, "kd");
    assert.equal(record.sources["/c/docker.md"]?.shape, proseShape(docker));
    assert.equal(record.sources["/c/docker.md"]?.summary, summaryHash(docker));
  });

  it("takes a page's offline key and ids over from the last record when the page is the same", () => {
    const output = mkdtempSync(join(tmpdir(), "one-page-"));
    const last = recordOf(output);
    const next = makeRecord(last, {
      stamp: "stamp",
      assets: "assets",
      texts,
      hashes: hashTexts(texts),
      parents: new Map(),
      ids: new Map(),
      folder: output,
      pages: new Map<string, WrittenPage>([
        ["docker.html", { source: "/c/docker.md", hash: "d", searchable: true }],
        ["git.html", { source: "/c/git.md", hash: "g2", searchable: true }],
      ]),
    });
    assert.equal(next.pages["docker.html"]?.offlineKey, "kd");
    assert.equal(next.pages["git.html"]?.offlineKey, undefined);
    assert.deepEqual(next.pages["docker.html"]?.ids, ["images"]);
  });
});

describe("proseShape and summaryHash", () => {
  it("are the same exactly when only prose changed (onlyProseChanged)", () => {
    const same = (a: string, b: string): boolean => proseShape(a) === proseShape(b) && summaryHash(a) === summaryHash(b);
    for (const after of [docker.replace("built from", "made from"), docker.replace("## Images", "## Container images")]) {
      assert.equal(same(docker, after), true, after);
      assert.equal(onlyProseChanged(docker, after), true, after);
    }
    for (const after of [
      docker.replace("package a model", "package models"),
      docker.replace("title: Docker", "title: Dock"),
      docker.replace("# Docker", "# Dock"),
    ]) {
      assert.equal(same(docker, after), false, after);
      assert.equal(onlyProseChanged(docker, after), false, after);
    }
    assert.equal(proseShape(docker), proseShape(docker.replace("package a model", "package models")));
    assert.notEqual(summaryHash("# A\n\nundefined\n"), summaryHash("# A\n"));
  });
});
