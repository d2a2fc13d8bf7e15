/** Planning Pagefind's index in parts: folders kept whole and in order, a small site in one part. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAIN_PART, partFingerprint, planIndexParts } from "../../lib/search/pagefind-parts.ts";

/** `count` pages in `folder`. */
const pagesIn = (folder: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${folder}/m${i}.html`);

describe("planIndexParts", () => {
  it("keeps a site of up to the part size in one part that indexes every page", () => {
    const pages = ["index.html", ...pagesIn("s1", 3), ...pagesIn("s2", 3)];
    assert.deepEqual(planIndexParts(pages, 7), [{ id: MAIN_PART, glob: "**/*.html", pages: [...pages].sort() }]);
  });

  it("groups the top pages and whole folders, in order, into parts of about the part size", () => {
    const pages = [...pagesIn("s3", 4), ...pagesIn("s1", 3), "index.html", "timeplan.html", ...pagesIn("s2", 2), ...pagesIn("s4", 5)];
    const parts = planIndexParts(pages, 4);
    assert.deepEqual(
      parts.map((part) => part.glob),
      ["{*.html,s1/**/*.html}", "{s2/**/*.html,s3/**/*.html}", "s4/**/*.html"],
    );
    assert.equal(parts[0]?.id, MAIN_PART, "the first part holds Pagefind's script");
    assert.deepEqual(parts[0]?.pages, ["index.html", "s1/m0.html", "s1/m1.html", "s1/m2.html", "timeplan.html"]);
    assert.equal(parts[1]?.pages.length, 6);
    assert.deepEqual(parts.flatMap((part) => part.pages).sort(), [...pages].sort(), "every page is in exactly one part");
    for (const part of parts.slice(1)) assert.match(part.id, /^part-[0-9a-f]{10}$/);
    assert.equal(new Set(parts.map((part) => part.id)).size, parts.length);
  });

  it("names a part by its folders, so a change elsewhere leaves its name (and cached index) alone", () => {
    const before = planIndexParts([...pagesIn("s1", 4), ...pagesIn("s2", 4), ...pagesIn("s3", 4)], 4);
    const after = planIndexParts([...pagesIn("s1", 5), ...pagesIn("s2", 4), ...pagesIn("s3", 3)], 4);
    assert.deepEqual(
      after.map((part) => part.id),
      before.map((part) => part.id),
    );
  });

  it("starts with a folder when there is no page at the top", () => {
    const parts = planIndexParts([...pagesIn("a", 3), ...pagesIn("b", 3)], 2);
    assert.deepEqual(
      parts.map((part) => [part.id === MAIN_PART, part.glob]),
      [
        [true, "a/**/*.html"],
        [false, "b/**/*.html"],
      ],
    );
  });

  it("indexes the site whole when a folder's name would need quoting in a glob", () => {
    const parts = planIndexParts([...pagesIn("s1", 3), ...pagesIn("notes{draft}", 3)], 2);
    assert.deepEqual(
      parts.map((part) => part.glob),
      ["**/*.html"],
    );
  });
});

describe("partFingerprint", () => {
  const [part] = planIndexParts(pagesIn("s1", 2), 10);
  const print = (hashes: Record<string, string>, base = "v1|en"): string => partFingerprint(base, part as NonNullable<typeof part>, (page) => hashes[page]);

  it("changes with a page's content, the code version or language, and nothing else", () => {
    const same = print({ "s1/m0.html": "a", "s1/m1.html": "b" });
    assert.equal(print({ "s1/m0.html": "a", "s1/m1.html": "b", "s2/m0.html": "c" }), same, "pages of other parts do not count");
    assert.notEqual(print({ "s1/m0.html": "a", "s1/m1.html": "B" }), same);
    assert.notEqual(print({ "s1/m0.html": "a", "s1/m1.html": "b" }, "v2|en"), same);
  });
});
