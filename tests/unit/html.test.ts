import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml, html, raw } from "../../lib/layout/html.ts";

describe("html tagged template", () => {
  it("escapes every interpolated value", () => {
    const title = `<script>alert("x")</script> & 'q'`;
    assert.equal(
      html`<h1 title="${title}">${title}</h1>`.value,
      `<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</h1>`,
    );
  });
  it("keeps nested html and raw markup, joins arrays, drops nullish and false", () => {
    const items = ["a<b", "c"].map((t) => html`<li>${t}</li>`);
    assert.equal(html`<ul>${items}</ul>${null}${undefined}${false}${raw("<hr>")}${0}`.value, "<ul><li>a&lt;b</li><li>c</li></ul><hr>0");
  });
  it("escapeHtml handles the five special characters", () => {
    assert.equal(escapeHtml(`&<>"'`), "&amp;&lt;&gt;&quot;&#39;");
  });
});
