/** The offline zip's writer: a real ZIP that another implementation reads back, the same bytes for the same files. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unzipSync } from "fflate";
import { readZipEntries, writeZip, zipFiles } from "../../lib/build/zip-writer.ts";

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

  it("streams in pieces: files are read only when their turn comes, and a long archive reads back whole", async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ name: `course/p${i}.html`, text: `<p>${i} ${"text ".repeat(i)}</p>` }));
    let reading = 0;
    let mostAtOnce = 0;
    const pieces: Uint8Array[] = [];
    const size = await writeZip(
      many.map((f) => ({
        name: f.name,
        data: () => {
          mostAtOnce = Math.max(mostAtOnce, ++reading - pieces.length * 64);
          return Buffer.from(f.text);
        },
      })),
      (piece) => void pieces.push(piece),
    );
    const zip = Buffer.concat(pieces);
    assert.equal(zip.length, size);
    assert.ok(pieces.length > 2, `${pieces.length} pieces`);
    assert.ok(mostAtOnce <= 64, `${mostAtOnce} files read before their piece was written`);
    const read = unzipSync(zip);
    for (const f of many) assert.equal(Buffer.from(read[f.name] ?? []).toString(), f.text);
    assert.ok(zip.equals(await zipFiles(many.map((f) => ({ name: f.name, data: Buffer.from(f.text) })))));
  });

  it("takes over the entries the last archive has for the same bytes, giving the same archive as compressing all again", async () => {
    const before = await zipFiles(files);
    const changed = files.map((f, i) => (i === 7 ? { ...f, data: Buffer.from("<p>Page 7, rewritten</p>") } : f));
    const last = readZipEntries(before);
    assert.equal(last.size, files.length);
    const taken: string[] = [];
    const pieces: Uint8Array[] = [];
    await writeZip(
      changed,
      (piece) => void pieces.push(piece),
      undefined,
      (name, data) => {
        const entry = last.get(name);
        // The caller decides what "the same bytes" means; here, equal to the old file.
        const old = files.find((f) => f.name === name);
        if (!entry || !old?.data.equals(data)) return undefined;
        taken.push(name);
        return entry;
      },
    );
    assert.equal(taken.length, files.length - 1);
    assert.ok(!taken.includes(files[7]?.name ?? ""));
    assert.ok(Buffer.concat(pieces).equals(await zipFiles(changed)));
  });

  it("takes over an entry known to be the same without reading its file", async () => {
    const last = readZipEntries(await zipFiles(files));
    const read: string[] = [];
    const pieces: Uint8Array[] = [];
    await writeZip(
      files.map((f, i) => ({
        name: f.name,
        store: f.store,
        data: () => {
          read.push(f.name);
          return f.data;
        },
        // Every file but the eighth is known (by its caller) to be as it was.
        reuse: i === 7 ? undefined : () => last.get(f.name),
      })),
      (piece) => void pieces.push(piece),
    );
    assert.deepEqual(read, [files[7]?.name]);
    assert.ok(Buffer.concat(pieces).equals(await zipFiles(files)));
  });
});
