import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { buildOfflineIndex, offlineIndexFiles, PackedCache, TermPool } from "/work/main/lib/search/offline-index.ts";

const memory = deserialize(readFileSync(process.argv[2]!)) as any;
const pages = [...memory.entries.values()].filter(Boolean).sort((a: any, b: any) => (a.url < b.url ? -1 : 1));
console.log(
  "pages",
  pages.length,
  "terms",
  memory.terms.length,
  "sections",
  pages.reduce((n: number, p: any) => n + p.sections.length, 0),
  "postings",
  pages.reduce((n: number, p: any) => n + p.sections.reduce((m: number, s: any) => m + s.terms.length, 0), 0),
);
for (let i = 0; i < 5; i++) {
  const pool = new TermPool(memory.terms);
  let t = performance.now();
  const index = buildOfflineIndex(pages, pool);
  const b = performance.now() - t;
  t = performance.now();
  const files = offlineIndexFiles(index, new PackedCache(memory.packed));
  console.log("build", b.toFixed(0), "pack", (performance.now() - t).toFixed(0), files.size);
}
