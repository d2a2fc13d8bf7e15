/** The offline zip's writer: a real ZIP that another implementation reads back, the same bytes for the same files. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unzipSync } from "fflate";
import { zipFiles } from "../../lib/build/zip-writer.ts";

const files = Array.from({ length: 40 }, (_, i) => ({
  name: `course/s${i % 3}/page-${i}.html`,
  data: Buffer.from(`<p>Page ${i} ${"repeated words ".repeat(i * 20)}ünïcode</p>`),
  store: i % 10 === 0,
}));

describe("zipFiles", () => {
  it("writes every file, in the order given, so that fflate reads each back unchanged", async () => {
    const read = unzipSync(await zipFiles(files));
    assert.deepEqual(
      Object.keys(read),
      files.map((f) => f.name),
    );
    for (const f of files) assert.equal(Buffer.from(read[f.name] ?? []).toString(), f.data.toString());
  });

  it("compresses text and gives the same bytes every time", async () => {
    const [a, b] = await Promise.all([zipFiles(files), zipFiles(files)]);
    assert.ok(a.equals(b));
    assert.ok(a.length < files.reduce((sum, f) => sum + f.data.length, 0) / 2);
  });
});
