/**
 * Pagefind's index in parts. A large site's pages are indexed in groups of top-level
 * folders (a session's folder, or a few together), each group a Pagefind bundle of its
 * own, and the browser merges them into one search (Pagefind's `mergeIndex`). A change to
 * one page then indexes its part again rather than the whole site (Pagefind cannot add to
 * an index: at 1,000 pages a run took 4.7 s), and a run holds one part's words in memory
 * rather than the site's (0.55 GB at 1,000 pages). A site of up to `PART_PAGES` pages is
 * one part, as is one whose folder names a glob cannot spell.
 */

import { createHash } from "node:crypto";

/** The first part: it holds the pages outside any folder, and Pagefind's script and WebAssembly for all. */
export const MAIN_PART = "main";

/** The list of the other parts, beside them: `{ "parts": ["part-…", …] }`. */
export const PARTS_FILE = "parts.json";

/**
 * About how many pages a part holds. Bigger parts make a change index more pages again;
 * smaller ones make the browser fetch more files for its first search (two or three per
 * part). At 1,000 pages, 100 rather than 200: a change to one page's prose builds in 5.6
 * s instead of 6.2 (its part is indexed in 0.5 s, not 1.0); cold builds and the first
 * search (44 requests instead of 29, fetched side by side) take as long as before.
 */
export const PART_PAGES = Number(process.env.COURSESITE_SEARCH_PART_PAGES) || 100;

export interface IndexPart {
  /** Its folder under `pagefind/`: `main`, or `part-` and a hash of the folders it holds. */
  readonly id: string;
  /** Pagefind's `--glob` for its pages, relative to the site. */
  readonly glob: string;
  /** Site paths (`/` separators) of the searchable pages it holds, sorted. */
  readonly pages: readonly string[];
}

/** Folder names a glob can hold without escaping (Pagefind's globs have no way to quote). */
const PLAIN_NAME = /^[\p{L}\p{N}._ -]+$/u;

/** The pages at the top of the site, before any folder (a name no folder can have). */
const TOP = "";

const topFolder = (path: string): string => {
  const slash = path.indexOf("/");
  return slash < 0 ? TOP : path.slice(0, slash);
};

/**
 * Groups a site's searchable pages (site paths of pages with `data-pagefind-body`) into
 * index parts: the top pages and then folders in order, each folder kept whole, a part
 * closed once it holds `partPages`. A folder with no searchable page is in no part's glob,
 * so its pages stay out of the index, as they do when Pagefind indexes the whole site.
 */
export function planIndexParts(pages: readonly string[], partPages = PART_PAGES): IndexPart[] {
  const sorted = [...pages].sort();
  const byFolder = new Map<string, string[]>();
  for (const page of sorted) {
    const folder = topFolder(page);
    const held = byFolder.get(folder);
    if (held) held.push(page);
    else byFolder.set(folder, [page]);
  }
  const folderNames = [...byFolder.keys()].filter((name) => name !== TOP);
  if (sorted.length <= partPages || !folderNames.every((name) => PLAIN_NAME.test(name))) return [{ id: MAIN_PART, glob: "**/*.html", pages: sorted }];
  const parts: IndexPart[] = [];
  let folders: string[] = [];
  let held: string[] = [];
  const close = (): void => {
    const patterns = folders.map((folder) => (folder === TOP ? "*.html" : `${folder}/**/*.html`));
    const id = parts.length === 0 ? MAIN_PART : `part-${createHash("sha1").update(folders.join("/")).digest("hex").slice(0, 10)}`;
    parts.push({ id, glob: patterns.length === 1 ? (patterns[0] as string) : `{${patterns.join(",")}}`, pages: held.sort() });
    folders = [];
    held = [];
  };
  for (const folder of [...(byFolder.has(TOP) ? [TOP] : []), ...folderNames.sort()]) {
    folders.push(folder);
    held.push(...(byFolder.get(folder) ?? []));
    if (held.length >= partPages) close();
  }
  if (folders.length > 0) close();
  return parts;
}

/**
 * What a part's index is made from: `base` (code version, language), its glob and each of
 * its pages' path and content hash (`hashOf`). The same fingerprint means the same index.
 */
export function partFingerprint(base: string, part: IndexPart, hashOf: (page: string) => string | undefined): string {
  const hash = createHash("sha1").update(base).update("\0").update(part.glob).update("\0");
  for (const page of part.pages)
    hash
      .update(page)
      .update("\0")
      .update(hashOf(page) ?? "?")
      .update("\0");
  return hash.digest("hex");
}
