/**
 * Worker: highlights the code blocks of some Markdown files (those not already cached),
 * so a cold build highlights on every core while Eleventy reads the course.
 * workerData: { files, courseDir, known }; posts [key, Highlighted][].
 */

import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { Highlighted } from "./code-highlighter.ts";
import { type CodeRequest, codeRequests } from "./code-requests.ts";

export interface HighlightJob {
  readonly files: readonly string[];
  readonly courseDir: string;
  /** Further folders `--8<--` paths may be relative to (an MkDocs project's root). */
  readonly snippetDirs: readonly string[];
  /** Keys already cached: not highlighted again. */
  readonly known: readonly string[];
}

export interface HighlightJobResult {
  /** Per file, the key of every block in it, cached or not. */
  readonly keys: [file: string, keys: string[]][];
  /** The blocks that were not cached, highlighted. */
  readonly results: [string, Highlighted][];
}

/** Highlights the blocks of `job.files` that are not known yet. */
export async function highlightFiles(job: HighlightJob): Promise<HighlightJobResult> {
  const known = new Set(job.known);
  const keys: [string, string[]][] = [];
  const pending = new Map<string, CodeRequest>();
  for (const file of job.files) {
    const requests = codeRequests(readFileSync(file, "utf8"), job.courseDir, file, job.snippetDirs);
    keys.push([file, requests.map((r) => r.key)]);
    for (const request of requests) if (!known.has(request.key)) pending.set(request.key, request);
  }
  if (pending.size === 0) return { keys, results: [] };
  // (Shiki is loaded only when some block is not cached: see shiki-highlighter.ts.)
  const { createCodeHighlighter } = await import("./shiki-highlighter.ts");
  const highlighter = await createCodeHighlighter();
  await highlighter.ensureLanguages(new Set([...pending.values()].map((r) => r.lang)));
  const results = [...pending.values()].map((r): [string, Highlighted] => [
    r.key,
    highlighter.highlight(r.code, r.lang, { highlight: r.highlight, lineNumbers: r.lineNumbers }),
  ]);
  return { keys, results };
}

if (parentPort && (workerData as { module?: string } | null)?.module === import.meta.url) {
  parentPort.postMessage(await highlightFiles(workerData as HighlightJob));
}
