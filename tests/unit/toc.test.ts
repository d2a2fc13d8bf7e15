import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractToc } from "../../lib/page/toc.ts";

describe("extractToc", () => {
  it("lists h2 and h3 headings with ids, in order, as text", () => {
    const html = `<h1 id="t">T</h1><h2 id="a">A <code>x</code> &amp; y</h2><p>p</p><h3 id="b" class="x">B</h3><h4 id="c">C</h4><h2>No id</h2>`;
    assert.deepEqual(extractToc(html), [
      { level: 2, id: "a", text: "A x & y" },
      { level: 3, id: "b", text: "B" },
    ]);
  });
  it("skips headings marked no_toc", () => {
    assert.deepEqual(extractToc(`<h2 id="a" class="no_toc">A</h2>`), []);
  });
});
