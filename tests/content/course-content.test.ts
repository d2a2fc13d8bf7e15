/**
 * The MLOps course in content/: its shape (ten sessions of three to five modules), what
 * every module must have, and every code block checked in its language.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { load } from "js-yaml";
import { includeSnippets } from "../../lib/markdown/snippets.ts";
import { checkCodeBlocks, extractCodeBlocks } from "./code-blocks.ts";

const PROJECT = join(import.meta.dirname, "../..");
const CONTENT = join(PROJECT, "content");

interface Page {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
}

function read(path: string): Page {
  const text = readFileSync(path, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return {
    path: relative(PROJECT, path),
    data: (match ? load(match[1] ?? "") : {}) as Record<string, unknown>,
    body: match ? text.slice(match[0].length) : text,
  };
}

const sessions = readdirSync(CONTENT)
  .filter((d) => /^s\d\d_/.test(d))
  .sort()
  .map((dir) => ({
    dir,
    page: read(join(CONTENT, dir, "index.md")),
    modules: readdirSync(join(CONTENT, dir))
      .filter((f) => /^m\d\d_.*\.md$/.test(f))
      .sort()
      .map((f) => read(join(CONTENT, dir, f))),
  }));
const modules = sessions.flatMap((s) => s.modules);

/** Words of prose: code blocks, front matter, HTML tags, link targets and Markdown markers removed. */
export function proseWords(markdown: string): number {
  const withoutCode = markdown.replace(/^( *)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm, "");
  const text = withoutCode
    .replace(/<[^>]+>/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/`[^`]*`/g, "code")
    .replace(/[#>*_=!?|[\]{}:-]+/g, " ");
  return text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
}

describe("the course's shape", () => {
  it("has ten sessions of three to five modules, thirty or more in all, in the course's order", () => {
    assert.equal(sessions.length, 10);
    for (const s of sessions) assert.ok(s.modules.length >= 3 && s.modules.length <= 5, `${s.dir} has ${s.modules.length} modules`);
    assert.ok(modules.length >= 30, `${modules.length} modules`);
    const orders = sessions.map((s) => s.page.data.nav_order as number);
    assert.deepEqual(
      orders,
      [...orders].sort((a, b) => a - b),
    );
  });
  it("nests each module under its session by title", () => {
    for (const s of sessions) for (const m of s.modules) assert.equal(m.data.parent, s.page.data.title, m.path);
  });
  it("has a home page, a time plan, a projects page and an FAQ", () => {
    for (const page of ["index.md", "timeplan.md", "projects.md", "faq.md"]) assert.ok(read(join(CONTENT, page)).body.length > 2000, page);
  });
});

describe("every module", () => {
  for (const m of modules) {
    it(`${m.path}: explains, links, and has five or more exercises with solutions`, () => {
      const beforeExercises = m.body.split(/^## Exercises/m)[0] ?? "";
      assert.ok(proseWords(beforeExercises) >= 700, `${proseWords(beforeExercises)} words of explanation`);
      assert.match(m.body, /^## What you will learn/m);
      assert.match(m.body, /^## Why it matters in ML operations/m);
      const exercises = m.body.match(/^### Exercise \d+/gm) ?? [];
      assert.ok(exercises.length >= 5, `${exercises.length} exercises`);
      assert.ok((m.body.match(/^\?\?\? success "Solution/gm) ?? []).length >= 5, "a folded solution per exercise");
      assert.ok((m.body.match(/^- \[ \] /gm) ?? []).length >= 5, "exercise checkboxes");
      assert.match(m.body, /\]\(\.\.\/s\d\d_[a-z_]+\/(m\d\d_[a-z_]+|index)\.md|\]\(m\d\d_[a-z_]+\.md/, "links to related modules");
      assert.match(m.body, /\]\(https:\/\/[^)]+\)/, "links to official documentation");
      assert.equal(typeof m.data.description, "string", "a description");
    });
  }
});

describe("every session", () => {
  for (const s of sessions) {
    it(`${s.dir}: has a diagram of ours with alt text, and links to each of its modules`, () => {
      const all = [s.page, ...s.modules].map((p) => p.body).join("\n");
      const figures = [...all.matchAll(/!\[([^\]]*)\]\(\.\.\/(?:\.\.\/)?figures\/([^)\s]+\.svg)/g)];
      assert.ok(figures.length >= 1, "a diagram");
      for (const [, alt] of figures) assert.ok((alt ?? "").length > 10, "alt text");
      for (const m of s.modules) assert.ok(s.page.body.includes(`](${m.path.split("/").at(-1)}`), `links to ${m.path}`);
    });
  }
});

describe("code blocks", () => {
  it("are all valid in their language (output and marked fragments excepted)", () => {
    const files = readdirSync(CONTENT, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
    const blocks = files.flatMap((f) =>
      extractCodeBlocks(readFileSync(join(CONTENT, f), "utf8"), relative(PROJECT, join(CONTENT, f))).map((b) => ({
        ...b,
        code: includeSnippets(b.code, CONTENT, join(CONTENT, f)).code,
      })),
    );
    assert.ok(blocks.length > 300);
    for (const b of blocks) assert.ok(b.lang !== "", `${b.file}:${b.line}: a code block names its language`);
    assert.deepEqual(checkCodeBlocks(blocks), []);
  });
});
