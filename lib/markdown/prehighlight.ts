/**
 * Before pages render, every code block of the course is highlighted (what the cache
 * does not hold yet) in worker threads, one per core, while Eleventy reads the course on
 * the main thread. Rendering then only looks blocks up. A small course is done on the
 * main thread: starting workers would cost more than it saves.
 */

import { availableParallelism } from "node:os";
import { runInWorker } from "../workers/start-worker.ts";
import type { HighlightCache } from "./highlight-cache.ts";
import { type HighlightJob, type HighlightJobResult, highlightFiles } from "./highlight-worker.ts";

const WORKER = new URL("./highlight-worker.ts", import.meta.url).href;
/** Below this much Markdown, one thread is faster than several. */
const SMALL_COURSE_BYTES = 400_000;

/** Splits files into `n` groups of about equal size. */
export function partition(files: readonly string[], sizes: readonly number[], n: number): string[][] {
  const groups = Array.from({ length: n }, () => ({ files: [] as string[], bytes: 0 }));
  const order = files.map((file, i) => ({ file, size: sizes[i] ?? 0 })).sort((a, b) => b.size - a.size);
  for (const { file, size } of order) {
    const smallest = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    smallest.files.push(file);
    smallest.bytes += size;
  }
  return groups.map((g) => g.files.sort()).filter((g) => g.length > 0);
}

/** A Markdown file of the course, its text, and the name of that text (`fileId`). */
export interface MarkdownSource {
  readonly file: string;
  readonly text: string;
  readonly id: string | undefined;
}

/**
 * Highlights the code of `sources` that `cache` lacks, and stores it there. A file whose
 * text the cache has seen, with every block of it cached, is not even parsed: so a warm
 * build or a save in preview starts no worker.
 */
export async function prehighlight(
  sources: readonly MarkdownSource[],
  courseDir: string,
  cache: HighlightCache,
  snippetDirs: readonly string[] = [],
): Promise<void> {
  const ids = new Map<string, string | undefined>();
  const todo: string[] = [];
  const sizes: number[] = [];
  for (const { file, text, id } of sources) {
    ids.set(file, id);
    const keys = id ? cache.blocksOf(id) : undefined;
    if (keys?.every((key) => cache.has(key))) for (const key of keys) cache.touch(key);
    else {
      todo.push(file);
      sizes.push(text.length);
    }
  }
  if (todo.length === 0) return;
  const total = sizes.reduce((a, b) => a + b, 0);
  const known = cache.keys();
  const workers = total < SMALL_COURSE_BYTES ? 1 : Math.max(1, Math.min(availableParallelism(), 4));
  const jobs: HighlightJob[] = partition(todo, sizes, workers).map((group) => ({ files: group, courseDir, snippetDirs, known }));
  const done: HighlightJobResult[] =
    workers === 1 ? await Promise.all(jobs.map(highlightFiles)) : await Promise.all(jobs.map((job) => runInWorker<HighlightJobResult>(WORKER, { ...job })));
  for (const { keys, results } of done) {
    for (const [key, value] of results) cache.set(key, value);
    for (const [file, fileKeys] of keys) {
      for (const key of fileKeys) cache.touch(key);
      const id = ids.get(file);
      if (id) cache.setBlocks(id, fileKeys);
    }
  }
}
