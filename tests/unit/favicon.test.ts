import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { svgDataUrl } from "../../lib/page/favicon.ts";

describe("an SVG favicon's data: URL", () => {
  it("keeps the text readable and escapes what a URL or an attribute would misread", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><title>A & B's #1 — 100%</title>\n</svg>\n`;
    const url = svgDataUrl(svg);
    assert.ok(url.startsWith("data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22%3E"));
    assert.doesNotMatch(url, /["<>&#\n\u0080-\uffff]/, "nothing an attribute or a URL's fragment would take");
    assert.equal(decodeURIComponent(url.slice("data:image/svg+xml,".length)), svg.trim());
  });
});
