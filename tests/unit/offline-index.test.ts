import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inflateRawSync } from "node:zlib";
import {
  buildOfflineIndex,
  type IndexedPage,
  indexSection,
  offlineIndexFiles,
  PackedCache,
  renumbered,
  SHARD_BUDGET,
  shardFileName,
  TermPool,
} from "../../lib/search/offline-index.ts";
import type { PageSection } from "../../lib/search/page-sections.ts";

/** The pool the pages below number their terms in. */
const pool = new TermPool();
/** A page as the indexer sees it, its sections counted. */
const page = (url: string, title: string, sections: PageSection[]): IndexedPage => ({
  url,
  title,
  sections: sections.map((s) => indexSection(s, title, pool)),
});
/** A shard of an index, as the page reads it. */
const shard = (index: ReturnType<typeof buildOfflineIndex>, key: string): unknown => JSON.parse(index.shards.get(key) ?? "null");
/** A section's terms, as words. */
const words = (page: IndexedPage | null, terms: readonly string[]): string[] => [...(page?.sections[0]?.terms ?? [])].map((n) => terms[n] as string);

import { indexedRegionStart, pageSections, SectionReader } from "../../lib/search/page-sections.ts";
import { tokenize } from "../../lib/search/tokenize.ts";
import { laidOutEntry, pageEntry, readEarly } from "../../lib/search/write-offline-index.ts";

describe("tokenize", () => {
  it("lower-cases, folds accents and keeps dotted names whole and split", () => {
    assert.deepEqual(tokenize("Übung: call torch.nn.Linear, don't panic!"), [
      "ubung",
      "call",
      "torch.nn.linear",
      "torch",
      "nn",
      "linear",
      "don't",
      "don",
      "t",
      "panic",
    ]);
  });
});

describe("pageSections", () => {
  const html = `<html><body><nav>Sidebar words</nav><article class="content" data-pagefind-body>
<h1 id="t">Title</h1><p>Intro &amp; more.</p>
<div class="heading"><h2 id="setup">Setup <code>uv</code></h2><a class="heading-link" href="#setup" data-pagefind-ignore=""><span>Link to the section</span></a></div>
<p>Install it.</p><div class="code-block"><button class="copy-code">Copy</button><pre><code>uv sync</code></pre></div>
<h3 id="deeper">Deeper</h3><p>More <span class="katex"><span>x</span></span> text.</p>
</article><footer>Footer words</footer></body></html>`;
  it("splits the indexed region at ## and ### headings, skipping what Pagefind skips", () => {
    assert.deepEqual(pageSections(html), [
      { anchor: "", title: "", text: "Title Intro & more." },
      { anchor: "setup", title: "Setup uv", text: "Install it. uv sync" },
      { anchor: "deeper", title: "Deeper", text: "More text." },
    ]);
  });
  it("finds nothing on a page that is not indexed", () => {
    assert.deepEqual(pageSections("<main><p>text</p></main>"), []);
  });
  it("reads the same sections from the region in pieces, cut between tags or inside text", () => {
    const region = html.slice(indexedRegionStart(html));
    const whole = pageSections(html);
    for (let cut = 1; cut < region.length; cut += 7) {
      // (Not inside a tag, comment or entity: the pieces are cut where a page's parts meet.)
      if (region.lastIndexOf("<", cut - 1) > region.lastIndexOf(">", cut - 1) || region.lastIndexOf("&", cut - 1) > region.lastIndexOf(";", cut - 1)) continue;
      const reader = new SectionReader();
      reader.read(region.slice(0, cut));
      reader.read(region.slice(cut));
      assert.deepEqual(reader.end(), whole, `cut at ${cut}`);
    }
  });
  it("reads nothing past the end of the region", () => {
    const reader = new SectionReader();
    reader.read("<article><p>In.</p></article>");
    reader.read("<p>Out.</p>");
    assert.deepEqual(reader.end(), [{ anchor: "", title: "", text: "In." }]);
  });
});

describe("reading a page's Markdown before its layout", () => {
  const content = `<p>Intro &amp; more.</p>\n<h2 id="setup">Setup</h2>\n<p>Install it.</p>`;
  const tail = `\n<section class="child-pages"><h2 id="child-pages-title">In this section</h2><ul><li><a href="a.html">A page</a></li></ul></section>\n</article>`;
  const entry = (open: string): unknown => {
    const terms = new TermPool();
    const early = readEarly(content);
    return { early: laidOutEntry("s/m.html", open, early, tail, terms), whole: pageEntry({ url: "s/m.html", html: `${open}${content}${tail}` }, terms) };
  };
  it("goes on from the layout's opening tag to what follows the Markdown: the same entry as reading the page whole", () => {
    const { early, whole } = entry(`<article class="content" data-page="s/m.html" data-pagefind-body data-pagefind-meta="title:M1 &amp; more">\n`) as Record<
      string,
      IndexedPage
    >;
    assert.deepEqual(early, whole);
    assert.equal(early?.title, "M1 & more");
    assert.deepEqual(
      early?.sections.map((s) => [s.anchor, s.text]),
      [
        ["", "Intro & more."],
        ["setup", "Install it."],
        ["child-pages-title", "A page"],
      ],
    );
  });
  it("reads the page again when the layout opened it otherwise (here, skipping all of it)", () => {
    const { early, whole } = entry(`<article data-pagefind-body><div data-pagefind-ignore>\n`) as Record<string, IndexedPage | undefined>;
    assert.equal(whole, undefined);
    assert.equal(early, undefined);
    // Going on from the early read would have indexed the Markdown.
    const naive = readEarly(content).reader;
    naive.read(tail);
    assert.equal(naive.end().length, 3);
  });
});

describe("indexedRegionStart", () => {
  it("finds the element that carries the attribute, not the words in text or in other attributes", () => {
    const page = `<title>data-pagefind-body</title><a title="data-pagefind-body-like" data-x="1">data-pagefind-body</a><article class="c" data-pagefind-body data-pagefind-meta="title:T">`;
    assert.equal(indexedRegionStart(page), page.indexOf("<article"));
    assert.equal(indexedRegionStart(`<div data-pagefind-body="">x</div>`), 0);
    assert.equal(indexedRegionStart(`<p>data-pagefind-body</p>`), -1);
  });
});

describe("buildOfflineIndex", () => {
  it("indexes words per section, with titles weighted", () => {
    const index = buildOfflineIndex([page("a.html", "Docker", [{ anchor: "", title: "", text: "Containers run images." }])], pool);
    assert.deepEqual(index.meta.pages, [["a.html", "Docker"]]);
    assert.deepEqual(index.meta.sections, [[0, "", "", 3, 0]]);
    assert.deepEqual(shard(index, "do"), { docker: [0, 3] });
    assert.deepEqual(shard(index, "co"), { containers: [0, 1] });
  });
  it("lists a term's postings in section order, each section as the gap from the one before, numbers among words included", () => {
    const index = buildOfflineIndex(
      [
        page("a.html", "A", [
          { anchor: "", title: "", text: "torch 2024 torch" },
          { anchor: "s", title: "", text: "201 torch" },
        ]),
        page("b.html", "B", [{ anchor: "", title: "", text: "torch 2024" }]),
      ],
      pool,
    );
    assert.deepEqual(shard(index, "to"), { torch: [0, 2, 1, 1, 1, 1] }, "sections 0, 1 and 2");
    assert.deepEqual(shard(index, "20"), { "201": [1, 1], "2024": [0, 1, 2, 1] }, "sections 1; 0 and 2");
  });
  it("splits a shard that would pass the budget by one more character", () => {
    const words = Array.from({ length: 4000 }, (_, i) => `ab${String.fromCharCode(97 + (i % 26))}${i}`);
    const pages = Array.from({ length: 20 }, (_, p) => page(`p${p}.html`, `P${p}`, [{ anchor: "", title: "", text: words.join(" ") }]));
    const index = buildOfflineIndex(pages, pool);
    assert.equal(index.shards.has("ab"), false);
    assert.ok(index.shards.has("aba") && index.shards.has("abz"));
    for (const [name, content] of offlineIndexFiles(index)) {
      if (name.startsWith("t-")) assert.ok(content.length < SHARD_BUDGET * 1.5, `${name} is ${content.length} bytes`);
    }
  });
  it("names shard files safely for any character", () => {
    assert.equal(shardFileName("ab"), "t-ab.js");
    assert.equal(shardFileName("é."), "t-_e9_2e.js");
  });
  it("writes scripts that hand their data, deflated and in base64, to the page", () => {
    const files = offlineIndexFiles(buildOfflineIndex([page("a.html", "A", [{ anchor: "", title: "", text: "hello" }])], pool));
    const handed = (script: string | undefined): [string, unknown] => {
      const [, name = "", packed = ""] = /^window\.__coursesiteSearch\("([^"]+)","([A-Za-z0-9+/=]+)"\);\n$/.exec(script ?? "") ?? [];
      return [name, JSON.parse(inflateRawSync(Buffer.from(packed, "base64")).toString())];
    };
    const [metaName, meta] = handed(files.get("meta.js"));
    assert.equal(metaName, "meta");
    assert.deepEqual((meta as { pages: unknown }).pages, [["a.html", "A"]]);
    assert.deepEqual(handed(files.get("x-0.js")), ["chunk:0", ["hello"]]);
  });
  it("writes the same files with the last build's compressed data as without, and keeps only what it used", () => {
    const before = buildOfflineIndex(
      [page("a.html", "A", [{ anchor: "", title: "", text: "alpha beta" }]), page("b.html", "B", [{ anchor: "", title: "", text: "gamma" }])],
      pool,
    );
    const after = buildOfflineIndex(
      [page("a.html", "A", [{ anchor: "", title: "", text: "alpha delta" }]), page("b.html", "B", [{ anchor: "", title: "", text: "gamma" }])],
      pool,
    );
    const last = new PackedCache();
    offlineIndexFiles(before, last);
    const next = new PackedCache(last.used);
    assert.deepEqual(offlineIndexFiles(after, next), offlineIndexFiles(after));
    const fresh = new PackedCache();
    offlineIndexFiles(after, fresh);
    assert.deepEqual([...next.used.keys()].sort(), [...fresh.used.keys()].sort());
  });
  it("keeps for the next build only the terms of the pages kept, and a pool seeded with them numbers them as before", () => {
    const local = new TermPool();
    const a = { url: "a.html", title: "A", sections: [indexSection({ anchor: "", title: "", text: "alpha beta" }, "A", local)] };
    // A page that is gone: its terms are in the pool, and must not be kept.
    indexSection({ anchor: "", title: "", text: "zeta only here" }, "B", local);
    const c = { url: "c.html", title: "C", sections: [indexSection({ anchor: "", title: "", text: "beta gamma" }, "C", local)] };
    const kept = renumbered([a, null, c], local);
    const { terms } = kept;
    assert.deepEqual([...terms].sort(), ["a", "alpha", "beta", "c", "gamma"]);
    assert.equal(kept.pages[1], null);
    assert.deepEqual(words(kept.pages[0] ?? null, terms), words(a, local.terms));
    assert.deepEqual(words(kept.pages[2] ?? null, terms), words(c, local.terms));
    // The next build numbers new pages after the remembered terms: its index equals one made from scratch.
    const next = new TermPool(terms);
    const added = { url: "d.html", title: "D", sections: [indexSection({ anchor: "", title: "", text: "gamma delta" }, "D", next)] };
    const remembered = [kept.pages[0], kept.pages[2], added].filter((p): p is IndexedPage => p !== null);
    const fresh = new TermPool();
    const again = ["alpha beta", "beta gamma", "gamma delta"].map((text, i) => ({
      url: `${"acd"[i]}.html`,
      title: "ACD"[i] as string,
      sections: [indexSection({ anchor: "", title: "", text }, "ACD"[i] as string, fresh)],
    }));
    assert.deepEqual(offlineIndexFiles(buildOfflineIndex(remembered, next)), offlineIndexFiles(buildOfflineIndex(again, fresh)));
  });
});
