import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ancestors, buildCourseNav, compareSiblings, type NavPage, neighbours } from "../../lib/nav/course-nav.ts";

const page = (url: string, title: string, extra: Partial<NavPage> = {}): NavPage => ({ url, source: url.replace(".html", ".md"), title, ...extra });
const titles = (nodes: readonly { page: NavPage }[]): string[] => nodes.map((n) => n.page.title);

describe("compareSiblings", () => {
  it("orders by nav_order (decimals allowed), then title, then pages without nav_order", () => {
    const pages = [
      page("c.html", "C"),
      page("b.html", "B", { navOrder: 2 }),
      page("a.html", "A", { navOrder: 1.5 }),
      page("d.html", "Alpha"),
      page("e.html", "E", { navOrder: 2 }),
    ];
    assert.deepEqual(
      [...pages].sort(compareSiblings).map((p) => p.title),
      ["A", "B", "E", "Alpha", "C"],
    );
  });
  it("compares titles naturally (M2 before M10)", () => {
    const pages = [page("a.html", "M10 - x"), page("b.html", "M2 - y")];
    assert.deepEqual(
      [...pages].sort(compareSiblings).map((p) => p.title),
      ["M2 - y", "M10 - x"],
    );
  });
});

describe("buildCourseNav", () => {
  const course = [
    page("index.html", "Home", { navOrder: 1 }),
    page("s1/index.html", "S1 - Start", { navOrder: 3 }),
    page("s1/m2.html", "M2 - Two", { parent: "S1 - Start", navOrder: 2 }),
    page("s1/m1.html", "M1 - One", { parent: "S1 - Start ", navOrder: 1 }),
    page("timeplan.html", "Time plan", { navOrder: 2 }),
    page("hidden.html", "Hidden", { navExclude: true }),
    page("s1/m1/deep.html", "Deep", { parent: "M1 - One" }),
  ];
  const nav = buildCourseNav(course);

  it("nests children under the page their parent title names and sorts siblings", () => {
    assert.deepEqual(titles(nav.roots), ["Home", "Time plan", "S1 - Start"]);
    assert.deepEqual(titles(nav.roots[2]?.children ?? []), ["M1 - One", "M2 - Two"]);
    assert.deepEqual(titles(nav.roots[2]?.children[0]?.children ?? []), ["Deep"]);
  });
  it("gives the reading order depth-first, parents before children", () => {
    assert.deepEqual(titles(nav.order), ["Home", "Time plan", "S1 - Start", "M1 - One", "Deep", "M2 - Two"]);
  });
  it("leaves nav_exclude pages out without a problem", () => {
    assert.equal(nav.byUrl.has("hidden.html"), false);
    assert.deepEqual(nav.problems, []);
  });
  it("finds neighbours and ancestors", () => {
    const { previous, next } = neighbours(nav, "s1/m1.html");
    assert.equal(previous?.page.title, "S1 - Start");
    assert.equal(next?.page.title, "Deep");
    assert.deepEqual(titles(ancestors(nav, "s1/m1/deep.html")), ["S1 - Start", "M1 - One"]);
    assert.deepEqual(neighbours(nav, "index.html").previous, undefined);
  });
  it("reverses children when the parent asks for child_nav_order: desc", () => {
    const reversed = buildCourseNav([
      page("p.html", "P", { childNavOrder: "desc" }),
      page("a.html", "A", { parent: "P", navOrder: 1 }),
      page("b.html", "B", { parent: "P", navOrder: 2 }),
    ]);
    assert.deepEqual(titles(reversed.roots[0]?.children ?? []), ["B", "A"]);
  });
});

describe("buildCourseNav problems", () => {
  it("reports a parent that matches no title, suggesting the closest", () => {
    const nav = buildCourseNav([page("s.html", "S1 - Getting started"), page("m.html", "M1", { parent: "S1 - Getting startd", parentLine: 4 })]);
    assert.equal(nav.problems.length, 1);
    assert.equal(nav.problems[0]?.line, 4);
    assert.match(nav.problems[0]?.message ?? "", /matches no page title; did you mean "S1 - Getting started"\?/);
    assert.equal(nav.byUrl.has("m.html"), false);
  });
  it("uses grand_parent to tell apart two parents with the same title", () => {
    const pages = [
      page("a.html", "A"),
      page("b.html", "B"),
      page("a/ex.html", "Exercises", { parent: "A" }),
      page("b/ex.html", "Exercises", { parent: "B" }),
      page("b/ex/1.html", "One", { parent: "Exercises", grandParent: "B" }),
    ];
    const nav = buildCourseNav(pages);
    assert.deepEqual(nav.problems, []);
    assert.equal(nav.byUrl.get("b/ex/1.html")?.parent?.page.url, "b/ex.html");
  });
  it("reports an ambiguous parent without grand_parent", () => {
    const nav = buildCourseNav([page("a.html", "X"), page("b.html", "X"), page("c.html", "C", { parent: "X" })]);
    assert.match(nav.problems[0]?.message ?? "", /matches 2 pages \(a\.md, b\.md\)\. Add `grand_parent`/);
  });
  it("reports a parent chain that loops and keeps the tree finite", () => {
    const nav = buildCourseNav([page("a.html", "A", { parent: "B" }), page("b.html", "B", { parent: "A" }), page("r.html", "Root")]);
    assert.deepEqual(titles(nav.roots), ["Root"]);
    assert.equal(nav.problems.filter((p) => /loops/.test(p.message)).length, 2);
  });
});
