import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { buildOfflineIndex, offlineIndexFiles, PackedCache, TermPool } from "/work/main/lib/search/offline-index.ts";

let t = performance.now();
const memory = deserialize(readFileSync(process.argv[2]!)) as any;
console.log("deserialize", (performance.now() - t).toFixed(0));
const pages = [...memory.entries.values()].filter(Boolean).sort((a: any, b: any) => (a.url < b.url ? -1 : 1));
const pool = new TermPool(memory.terms);
t = performance.now();
const index = buildOfflineIndex(pages, pool);
const b = performance.now() - t;
t = performance.now();
const files = offlineIndexFiles(index, new PackedCache(memory.packed));
console.log("first build", b.toFixed(0), "pack", (performance.now() - t).toFixed(0), files.size);
