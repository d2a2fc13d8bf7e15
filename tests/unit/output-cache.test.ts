/** Reusing a derived folder from the cache: only when made from the same inputs, and only while the cache is intact. */

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { reuseOrMake } from "../../lib/build/output-cache.ts";

function setup(): { target: string; cache: string; make: (text: string) => () => Promise<void>; made: () => number } {
  const root = mkdtempSync(join(tmpdir(), "output-cache-"));
  let count = 0;
  return {
    target: join(root, "site/index"),
    cache: join(root, "cache"),
    make: (text) => async () => {
      count++;
      mkdirSync(join(root, "site/index/deep"), { recursive: true });
      writeFileSync(join(root, "site/index/deep/chunk.js"), text);
    },
    made: () => count,
  };
}

describe("reuseOrMake", () => {
  it("makes the folder once and puts it back for the same fingerprint", async () => {
    const { target, cache, make, made } = setup();
    assert.equal(await reuseOrMake(target, cache, "pages-1", make("one")), "made");
    assert.equal(await reuseOrMake(target, cache, "pages-1", make("two")), "reused");
    assert.equal(readFileSync(join(target, "deep/chunk.js"), "utf8"), "one");
    assert.equal(made(), 1);
  });

  it("makes it again when the inputs changed", async () => {
    const { target, cache, make } = setup();
    await reuseOrMake(target, cache, "pages-1", make("one"));
    assert.equal(await reuseOrMake(target, cache, "pages-2", make("two")), "made");
    assert.equal(readFileSync(join(target, "deep/chunk.js"), "utf8"), "two");
    assert.equal(await reuseOrMake(target, cache, "pages-2", make("three")), "reused");
    assert.equal(readFileSync(join(target, "deep/chunk.js"), "utf8"), "two");
  });

  it("never reuses a cache that an edit of the output changed through a hard link", async () => {
    const { target, cache, make } = setup();
    await reuseOrMake(target, cache, "pages-1", make("one"));
    // Someone post-processes the built site in place (the file may be linked to the cache).
    writeFileSync(join(target, "deep/chunk.js"), "eno"); // the same size: its time tells
    assert.equal(await reuseOrMake(target, cache, "pages-1", make("one again")), "made");
    assert.equal(readFileSync(join(target, "deep/chunk.js"), "utf8"), "one again");
  });

  it("does not change the cache when the folder is made again in place", async () => {
    const { target, cache, make } = setup();
    await reuseOrMake(target, cache, "pages-1", make("one"));
    await reuseOrMake(target, cache, "pages-2", make("two"));
    await reuseOrMake(target, cache, "pages-1", make("one"));
    // Back to pages-2: the kept folder is pages-1's, so it is made; what pages-1 left is untouched by that.
    assert.equal(await reuseOrMake(target, cache, "pages-2", make("two")), "made");
    assert.equal(await reuseOrMake(target, cache, "pages-2", make("never")), "reused");
    assert.equal(readFileSync(join(target, "deep/chunk.js"), "utf8"), "two");
  });
});
