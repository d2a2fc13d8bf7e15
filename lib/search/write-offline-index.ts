/** Writes the offline search index of a built site into its `search/` folder. */

import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildOfflineIndex, type IndexedPage, offlineIndexFiles } from "./offline-index.ts";
import { decodeEntities, pageSections } from "./page-sections.ts";

/** A page as Eleventy hands it over after writing: its site-relative URL and its HTML. */
export interface BuiltPage {
  readonly url: string;
  readonly html: string;
}

/** The title the page gives search (its navigation title), else its <title>. */
function searchTitle(html: string): string {
  const meta = /data-pagefind-meta="title:([^"]*)"/.exec(html)?.[1] ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
  return decodeEntities(meta);
}

/** The indexed pages among those built, in URL order. */
export function indexedPages(pages: readonly BuiltPage[]): IndexedPage[] {
  return [...pages]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((page) => ({ url: page.url, title: searchTitle(page.html), sections: pageSections(page.html) }))
    .filter((page) => page.sections.length > 0);
}

export const OFFLINE_INDEX_FOLDER = "search";

/** Builds and writes the index; returns the number of files and their largest size in bytes. */
export async function writeOfflineIndex(siteDir: string, pages: readonly BuiltPage[]): Promise<{ files: number; largest: number }> {
  const files = offlineIndexFiles(buildOfflineIndex(indexedPages(pages)));
  const folder = join(siteDir, OFFLINE_INDEX_FOLDER);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all([...files].map(([name, content]) => writeFile(join(folder, name), content)));
  return { files: files.size, largest: Math.max(0, ...[...files.values()].map((c) => Buffer.byteLength(c))) };
}
