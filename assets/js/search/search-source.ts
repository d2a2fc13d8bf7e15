/** What the search field needs from an index, whichever one answers (Pagefind over HTTP, the offline index from disk). */

export interface SearchResult {
  /** Absolute URL of the page, with the section's #anchor when there is one. */
  readonly url: string;
  readonly title: string;
  /** The heading of the section that matched, when it is not the page itself. */
  readonly section?: string | undefined;
  /** Excerpt as safe HTML: text with the matched words in <mark>. */
  readonly excerpt: string;
}

export interface SearchSource {
  /** Results for the query, best first; null when a newer query superseded this one. */
  search(query: string): Promise<readonly SearchResult[] | null>;
}

/** What `assets/search.js` (sources.ts) hands the page script: each source, for the site's root. */
export interface SearchSources {
  loadOfflineSource(root: string): Promise<SearchSource>;
  loadPagefindSource(root: string): Promise<SearchSource>;
}

declare global {
  interface Window {
    __coursesiteSearchSources?: SearchSources;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Makes an excerpt safe: every tag but <mark> is dropped, entities are decoded then all text escaped. */
export function safeExcerpt(excerpt: string): string {
  const MARK_OPEN = "\u0001";
  const MARK_CLOSE = "\u0002";
  const text = excerpt
    .replace(/<mark>/g, MARK_OPEN)
    .replace(/<\/mark>/g, MARK_CLOSE)
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return escapeText(text).replaceAll(MARK_OPEN, "<mark>").replaceAll(MARK_CLOSE, "</mark>");
}
