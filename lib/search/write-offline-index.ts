/**
 * The offline search index of a built site, in its `search/` folder: read page by page
 * (in a worker, while pages render; see offline-index-worker.ts) and written at the end.
 */

import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../workers/start-worker.ts";
import { buildOfflineIndex, type IndexedPage, indexSection, offlineIndexFiles } from "./offline-index.ts";
import { decodeEntities, indexedRegionStart, pageSections } from "./page-sections.ts";

export const OFFLINE_INDEX_FOLDER = "search";

/** A page as rendered: its site-relative URL and its HTML. */
export interface BuiltPage {
  readonly url: string;
  readonly html: string;
}

/** The title the page gives search (its navigation title), else its <title>. */
function searchTitle(html: string): string {
  return decodeEntities(/data-pagefind-meta="title:([^"]*)"/.exec(html)?.[1] ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
}

/** What the index keeps of a page, or undefined for a page that is not indexed. */
export function pageEntry(page: BuiltPage): IndexedPage | undefined {
  const sections = pageSections(page.html);
  if (sections.length === 0) return undefined;
  const title = searchTitle(page.html);
  return { url: page.url, title, sections: sections.map((s) => indexSection(s, title)) };
}

/** Writes the index of `pages` (in URL order, for reproducible files); returns the file count and the largest file in bytes. */
export async function writeIndexFiles(siteDir: string, pages: readonly IndexedPage[]): Promise<{ files: number; largest: number }> {
  const sorted = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const files = offlineIndexFiles(buildOfflineIndex(sorted));
  const folder = join(siteDir, OFFLINE_INDEX_FOLDER);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all([...files].map(([name, content]) => writeFile(join(folder, name), content)));
  return { files: files.size, largest: Math.max(0, ...[...files.values()].map((c) => Buffer.byteLength(c))) };
}

export interface OfflineIndexer {
  add(page: BuiltPage): void;
  finish(siteDir: string): Promise<{ files: number; largest: number }>;
  abandon(): Promise<void>;
}

/**
 * The part of a page the index reads: its title and the indexed region. Sending only this,
 * as bytes whose buffer is handed over rather than copied, keeps the main thread free:
 * copying whole pages as strings cost more than reading them.
 */
export function indexedPart(html: string): string {
  const start = indexedRegionStart(html);
  if (start < 0) return "";
  const end = html.indexOf("</article>", start);
  return html.slice(start, end < 0 ? undefined : end + "</article>".length);
}

/** An indexer running in a worker thread, fed page by page. */
export function startOfflineIndexer(): OfflineIndexer {
  const worker: Worker = startWorker(new URL("./offline-index-worker.ts", import.meta.url).href, {});
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  failed.catch(() => undefined);
  const encoder = new TextEncoder();
  return {
    add(page) {
      const bytes = encoder.encode(indexedPart(page.html));
      worker.postMessage({ url: page.url, bytes }, [bytes.buffer]);
    },
    async finish(siteDir) {
      const reply = new Promise<{ done?: { files: number; largest: number }; error?: string }>((resolve) => worker.once("message", resolve));
      worker.postMessage({ finish: siteDir });
      const result = await Promise.race([reply, failed]);
      await worker.terminate();
      if (result.error || !result.done) throw new Error(`the offline search index could not be written: ${result.error}`);
      return result.done;
    },
    async abandon() {
      await worker.terminate();
    },
  };
}
