/**
 * A real course written for Just the Docs (the 2022 DTU MLOps course, in ../shared)
 * builds with every page at its original URL and the sidebar in Just the Docs' order.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, describe, it } from "node:test";
import { type BuildResult, build, NEEDS_SHARED, SHARED, sidebarTitles } from "./build-helper.ts";

const CORPUS = join(SHARED, "corpora/dtu-mlops-2022");
let site: BuildResult;
before(async () => {
  if (NEEDS_SHARED) return;
  site = await build(CORPUS, ["--no-strict"]);
  assert.equal(site.code, 0, site.stderr);
});

describe("the 2022 MLOps course", { skip: NEEDS_SHARED }, () => {
  it("builds every Markdown page at its original URL", () => {
    const sources = readdirSync(CORPUS, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
    assert.equal(sources.length, 44);
    for (const source of sources) {
      const expected = source === "README.md" ? "index.html" : source === "projects/projects.md" ? "projects.html" : source.replace(/\.md$/, ".html");
      assert.ok(site.exists(expected), `${source} → ${expected}`);
    }
  });
  it("orders the sidebar as Just the Docs does (nav_order, then title)", () => {
    const modules = (from: number, titles: string[]): string[] => titles.map((t, i) => `M${from + i} - ${t}`);
    assert.deepEqual(sidebarTitles(site.read("index.html")), [
      "Homepage",
      "Timeplan",
      "S1 - Getting started",
      ...modules(1, ["Terminal", "Conda", "Editor", "Pytorch"]),
      "S2 - Organization and version control",
      ...modules(5, ["Git", "Code structure", "Good coding practice", "Data Version Control"]),
      "S3 - Reproduceability",
      ...modules(9, ["Docker", "Config files"]),
      "S4 - Debugging, Profiling and Logging",
      ...modules(11, ["Debugging", "Profiling", "Experiment logging", "Minimizing boilerplate"]),
      "S5 - Continuous X",
      ...modules(15, ["Continues Integration", "Continues Machine Learning"]),
      "S6 - The cloud",
      ...modules(17, ["Cloud setup", "Using the cloud"]),
      "S7 - Scalable applications",
      ...modules(19, ["Distributed Data Loading", "Distributed Training", "Scalable Inference"]),
      "S8 - Deployment",
      ...modules(22, ["Local deployment", "Cloud deployment", "Data drifting"]),
      "S9 - Monitoring",
      ...modules(25, ["System monitoring", "Model monitoring"]),
      "Projects",
      "S10 - Extra",
      ...modules(27, ["Pre-commit", "Hyperparameter optimization", "Creating APIs", "Onnx"]),
      "NOTICE",
    ]);
  });
  it("shows no Kramdown or Liquid syntax, and every image it has in the course", () => {
    const pages = readdirSync(site.output, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html") && !f.startsWith("archive"));
    let images = 0;
    for (const rel of pages) {
      const html = site.read(rel);
      // What a reader sees as text: the article without code, TeX sources of formulas, tags and comments.
      const prose = (/<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? "")
        .replace(/<(pre|code|script|style|annotation)\b[\s\S]*?<\/\1>/g, "")
        .replace(/<!--[\s\S]*?-->/g, "")
        .replace(/<[^>]+>/g, " ");
      assert.doesNotMatch(prose, /\{:|\{%|%\}|\{\{|\}\}|markdown="1"/, `${rel} shows template syntax`);
      for (const [, src] of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) {
        if (!src || /^(https?:)?\/\/|^data:/.test(src)) continue;
        images++;
        const file = join(dirname(join(site.output, rel)), decodeURI(src.split(/[?#]/)[0] ?? ""));
        assert.ok(existsSync(file), `${rel}: image ${src} is missing`);
      }
    }
    assert.ok(images > 50, `only ${images} images found`);
    // The one image on another host is reported, not loaded (the site loads nothing from elsewhere).
    assert.match(site.stderr, /README\.md:\d+: warning: the image https:\/\/miro\.medium\.com\/\S+ is on another host/);
  });
  it("reports the broken links its sources really have, with file and line", () => {
    assert.match(
      site.stderr,
      /M4_pytorch\.md:52: warning: the link "exercise_files\/1_Tensors_in_PyTorch\.ipynb" points to a page or file that does not exist\. Fix the path, or add the file\./,
    );
    assert.match(site.stderr, /M5_git\.md:41: warning: the link "github\.com\/"/);
  });
  it("leaves only the sources' own problems to the shared site check", () => {
    let out = "";
    try {
      execFileSync(process.execPath, [join(SHARED, "checks/site-check.mjs"), site.output, "--max", "100"], { encoding: "utf8" });
    } catch (error) {
      out = (error as { stdout: string }).stdout;
    }
    const problems = out.split("\n").filter((l) => /^(broken|fragment|rootAbsolute|folderLink|externalLoad|pageShape):/.test(l));
    const ownFault = (l: string): boolean => /exercise_files\/|href="github\.com\/"|miro\.medium\.com/.test(l);
    assert.deepEqual(
      problems.filter((l) => !ownFault(l)),
      [],
    );
    assert.equal(problems.length, 9);
  });
  it("fails a strict build on those problems and leaves no output behind", async () => {
    const strict = await build(CORPUS);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /error: 8 problems to fix \(listed above\)\. To build anyway, run with --no-strict\./);
    assert.equal(strict.exists("index.html"), false);
  });
});
