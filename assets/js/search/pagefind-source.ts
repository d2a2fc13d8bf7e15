/**
 * Search over HTTP: Pagefind's own index and WebAssembly, loaded on first use. A large
 * site's index comes in parts (`pagefind/parts.json` lists them beside the main one, which
 * holds Pagefind's script): they are merged into one search.
 */

import { type SearchResult, type SearchSource, safeExcerpt } from "./search-source.ts";

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const MAX_RESULTS = 10;

/** The sub-result (section) with the most matches, if it is a section rather than the page's top. */
function bestSection(data: PagefindData): PagefindSubResult | undefined {
  let best: PagefindSubResult | undefined;
  for (const sub of data.sub_results ?? []) {
    if (!sub.url.includes("#")) continue;
    if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  }
  return best;
}

/** The index's parts other than the main one (none when the file is missing: a site indexed whole). */
async function otherParts(folder: URL): Promise<string[]> {
  try {
    const response = await fetch(new URL("parts.json", folder));
    if (!response.ok) return [];
    const { parts } = (await response.json()) as { parts?: unknown };
    return Array.isArray(parts) ? parts.filter((part): part is string => typeof part === "string" && /^[\w-]+$/.test(part)) : [];
  } catch {
    return [];
  }
}

/** Loads Pagefind from the site root (`root` is the page's relative prefix to it). */
export async function loadPagefindSource(root: string): Promise<SearchSource> {
  const base = new URL(root || "./", window.location.href);
  const folder = new URL("pagefind/", base);
  const parts = otherParts(folder);
  const pagefind = (await import(new URL("main/pagefind.js", folder).href)) as PagefindApi;
  // Result URLs are built from the site's own path, so a site under /course/ links correctly.
  const options = { baseUrl: base.pathname, excerptLength: 22 };
  await pagefind.options(options);
  await pagefind.init();
  await Promise.all((await parts).map((part) => pagefind.mergeIndex(new URL(`${part}/`, folder).href, options)));
  return {
    async search(query) {
      const found = await pagefind.debouncedSearch(query, {}, 120);
      if (found === null) return null;
      const pages = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      return pages.map((page): SearchResult => {
        const section = bestSection(page);
        const title = page.meta.title ?? page.url;
        return {
          url: new URL(section?.url ?? page.url, base).href,
          title,
          section: section && section.title !== title ? section.title : undefined,
          excerpt: safeExcerpt(section?.excerpt ?? page.excerpt),
        };
      });
    },
  };
}
