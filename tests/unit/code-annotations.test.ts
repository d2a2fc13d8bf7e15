/** Code annotations' markers (lib/markdown/code-annotations.ts). */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addMarkers, takeMarkers } from "../../lib/markdown/code-annotations.ts";

describe("code annotations", () => {
  it("takes the markers out of the code, keeping the comment sign unless the marker ends in !", () => {
    assert.deepEqual(takeMarkers("a = 1  # (1)\nb = 2\nc = 3 # (2)!"), {
      code: "a = 1 #\nb = 2\nc = 3",
      annotations: [
        { line: 0, number: 1 },
        { line: 2, number: 2 },
      ],
    });
  });
  const link = (n: number): string => ` <a class="code-annotation" href="#note-${n}" aria-label="Annotation ${n}">${n}</a>`;
  it("links each marker at the end of its line, on lines without a span of their own", () => {
    const html = '<pre class="shiki"><code><span class="s1">a</span> = 1\nb = 2\nc</code></pre>';
    assert.equal(
      addMarkers(
        html,
        [
          { line: 0, number: 1 },
          { line: 2, number: 2 },
        ],
        "note",
      ),
      `<pre class="shiki"><code><span class="s1">a</span> = 1${link(1)}\nb = 2\nc${link(2)}</code></pre>`,
    );
  });
  it("puts the link inside a line's own span (highlighted or numbered lines)", () => {
    const html =
      '<pre class="shiki line-numbers"><code><span class="line">a</span>\n<span class="line highlighted"><span class="s1">b</span></span></code></pre>';
    assert.equal(
      addMarkers(html, [{ line: 1, number: 3 }], "note"),
      `<pre class="shiki line-numbers"><code><span class="line">a</span>\n<span class="line highlighted"><span class="s1">b</span>${link(3)}</span></code></pre>`,
    );
  });
});
