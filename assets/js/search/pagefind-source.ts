/** Search over HTTP: Pagefind's own index and WebAssembly, loaded on first use. */

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

/** Loads Pagefind from the site root (`root` is the page's relative prefix to it). */
export async function loadPagefindSource(root: string): Promise<SearchSource> {
  const base = new URL(root || "./", window.location.href);
  const pagefind = (await import(new URL("pagefind/pagefind.js", base).href)) as PagefindApi;
  // Result URLs are built from the site's own path, so a site under /course/ links correctly.
  await pagefind.options({ baseUrl: base.pathname, excerptLength: 22 });
  await pagefind.init();
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
