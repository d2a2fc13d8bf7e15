import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildCourseModel, type CollectionItem } from "../../lib/course/course-model.ts";

const course = "/course";
const site = "/site";
const item = (path: string, body: string, data: Record<string, unknown> = {}): CollectionItem => ({
  inputPath: join(course, path),
  outputPath: join(site, path.replace(/\.md$/, ".html")),
  rawInput: body,
  data,
});
const build = (items: readonly CollectionItem[], previous?: Parameters<typeof buildCourseModel>[7]) =>
  buildCourseModel(items, course, site, [], (p) => p, [], undefined, previous);

describe("buildCourseModel", () => {
  const before = [
    item("index.md", "# Home\n\nThe course."),
    item("s1/index.md", "# Session one\n\nIts first day.", { nav_order: 1 }),
    item("s1/m1.md", "# Module one\n\nThe old summary.\n\n- [ ] a task", { parent: "Session one" }),
    item("s1/m2.md", "# Module two\n\nAnother page.", { parent: "Session one" }),
  ];
  const after = before.map((i) => (i.inputPath.endsWith("m1.md") ? { ...i, rawInput: "# Module one\n\nThe new summary.\n\n- [ ] a task" } : i));

  it("made from the last model after one page's summary changed: the same as made anew, other pages and the site map taken over", () => {
    const last = build(before);
    const fresh = build(after);
    const again = build(after, { model: last, changed: join(course, "s1/m1.md") });
    assert.deepEqual([...again.pages], [...fresh.pages]);
    assert.deepEqual(again.nav, fresh.nav);
    assert.equal(again.home, fresh.home);
    assert.equal(again.pages.get("s1/m1.html")?.description, "The new summary.");
    assert.equal(again.pages.get("s1/m2.html"), last.pages.get("s1/m2.html"));
    assert.notEqual(again.pages.get("s1/m1.html"), last.pages.get("s1/m1.html"));
    assert.equal(again.siteMap, last.siteMap);
    // The nav shows the new summary, not the last model's page.
    assert.equal(again.nav.byUrl.get("s1/m1.html")?.page.description, "The new summary.");
  });
});
