/**
 * Search from disk (file://), where Pagefind cannot run: the offline index, loaded
 * through <script> tags (see lib/search/offline-index.ts for its files). The meta file
 * loads on first use; a query then loads only the shards of its words and the text
 * chunks of the results it shows. Ranking is BM25 over sections, grouped by page; every
 * word must occur on the page, and the last word may be unfinished.
 */

import { tokenize } from "../../../lib/search/tokenize.ts";
import { loadScript } from "../load-script.ts";
import { escapeText, type SearchResult, type SearchSource } from "./search-source.ts";

interface Meta {
  pages: [string, string][];
  sections: [number, string, string, number, number][];
  shards: string[];
  averageLength: number;
}
type Shard = Record<string, number[]>;

declare global {
  interface Window {
    __coursesiteSearch?: (name: string, data: string) => void;
  }
}

const MAX_RESULTS = 10;
const MAX_EXPANSIONS = 60;
const K1 = 1.2;
const B = 0.75;

function shardFile(key: string): string {
  return `t-${[...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)?.toString(16)}`)).join("")}.js`;
}

/** An index file's data: JSON, deflated, in base64 (see lib/search/offline-index.ts). */
async function unpack(base64: string): Promise<unknown> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).json();
}

/** Loads index files as scripts; each hands its data to the registry by name. */
function createLoader(base: URL): (name: string, file: string) => Promise<unknown> {
  const arrived = new Map<string, string>();
  const loads = new Map<string, Promise<unknown>>();
  window.__coursesiteSearch = (name, value) => {
    arrived.set(name, value);
  };
  return (name, file) => {
    let promise = loads.get(name);
    if (!promise) {
      promise = loadScript(new URL(`search/${file}`, base).href, file)
        .then(() => {
          const value = arrived.get(name);
          arrived.delete(name);
          if (value === undefined) throw new Error(`${file} did not load`);
          return value;
        })
        .then(unpack);
      loads.set(name, promise);
      promise.catch(() => loads.delete(name));
    }
    return promise;
  };
}

/** The shard keys a word needs: the longest key that is a prefix of it, and for an unfinished word also the keys it is a prefix of. */
function shardsFor(word: string, prefix: boolean, keys: readonly string[]): string[] {
  const owner = keys.filter((k) => word.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  // An unfinished word of three letters or more also reads the shards it begins (a shorter one
  // would pull in much of the index while the reader is still typing).
  const extra = prefix && word.length >= 3 ? keys.filter((k) => k.startsWith(word) && k !== owner) : [];
  return owner ? [owner, ...extra] : extra;
}

function excerpt(text: string, words: readonly string[], lastIsPrefix: boolean): string {
  const escaped = words.map(
    (w, i) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (i === words.length - 1 && lastIsPrefix ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])"),
  );
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})`, "giu");
  const first = pattern.exec(text);
  const at = first ? first.index : 0;
  let start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 80)));
  if (start < 0 || at - start > 120) start = Math.max(0, at - 80);
  const slice = text.slice(start, start + 240);
  const end = slice.length < text.length - start ? slice.lastIndexOf(" ") : slice.length;
  const body = slice.slice(0, end > 0 ? end : slice.length);
  let html = "";
  let last = 0;
  pattern.lastIndex = 0;
  for (const match of body.matchAll(pattern)) {
    html += `${escapeText(body.slice(last, match.index))}<mark>${escapeText(match[0])}</mark>`;
    last = (match.index ?? 0) + match[0].length;
  }
  html += escapeText(body.slice(last));
  return `${start > 0 ? "… " : ""}${html.trim()}${start + body.length < text.length ? " …" : ""}`;
}

/** Loads the offline index from the site root (`root` is the page's relative prefix to it). */
export async function loadOfflineSource(root: string): Promise<SearchSource> {
  const base = new URL(root || "./", window.location.href);
  const load = createLoader(base);
  const meta = (await load("meta", "meta.js")) as Meta;
  const total = meta.sections.length;

  return {
    async search(query) {
      const words = [...new Set(tokenize(query))];
      if (words.length === 0) return [];
      const lastIsPrefix = !/\s$/.test(query);
      const keysFor = words.map((w, i) => shardsFor(w, lastIsPrefix && i === words.length - 1, meta.shards));
      const shards = new Map<string, Shard>();
      await Promise.all([...new Set(keysFor.flat())].map(async (k) => shards.set(k, (await load(`shard:${k}`, shardFile(k))) as Shard)));

      // Per word: section → score (BM25), from the word itself or, when unfinished, the words it begins.
      const perWord = words.map((word, i) => {
        const scores = new Map<number, number>();
        const prefix = lastIsPrefix && i === words.length - 1;
        const terms: [string, number[]][] = [];
        for (const key of keysFor[i] ?? []) {
          const shard = shards.get(key) ?? {};
          if (shard[word]) terms.push([word, shard[word]]);
          if (prefix) for (const [term, postings] of Object.entries(shard)) if (term !== word && term.startsWith(word)) terms.push([term, postings]);
        }
        for (const [term, postings] of terms.slice(0, MAX_EXPANSIONS)) {
          const df = postings.length / 2;
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          const discount = term === word ? 1 : 0.7;
          // Sections are stored as gaps from the one before (see lib/search/offline-index.ts).
          let section = 0;
          for (let p = 0; p < postings.length; p += 2) {
            section += postings[p] as number;
            const tf = postings[p + 1] as number;
            const length = meta.sections[section]?.[3] ?? meta.averageLength;
            const score = (discount * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (meta.averageLength || 1)));
            scores.set(section, Math.max(scores.get(section) ?? 0, score));
          }
        }
        return scores;
      });

      // Pages where every word occurs; the best section shows.
      const pages = new Map<number, { score: number; best: number; bestScore: number; words: Set<number> }>();
      perWord.forEach((scores, w) => {
        for (const [section, score] of scores) {
          const pageIndex = meta.sections[section]?.[0] ?? -1;
          const page = pages.get(pageIndex) ?? { score: 0, best: section, bestScore: -1, words: new Set<number>() };
          page.words.add(w);
          page.score += score;
          pages.set(pageIndex, page);
        }
      });
      for (const [pageIndex, page] of pages) if (page.words.size < words.length) pages.delete(pageIndex);
      // The best section of a page: the one with the highest summed score over the words.
      const sectionTotals = new Map<number, number>();
      for (const scores of perWord) for (const [section, score] of scores) sectionTotals.set(section, (sectionTotals.get(section) ?? 0) + score);
      for (const [section, score] of sectionTotals) {
        const page = pages.get(meta.sections[section]?.[0] ?? -1);
        if (page && score > page.bestScore) {
          page.best = section;
          page.bestScore = score;
        }
      }
      const ranked = [...pages.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, MAX_RESULTS);
      const chunks = new Map<number, string[]>();
      await Promise.all(
        [...new Set(ranked.map(([, p]) => meta.sections[p.best]?.[4] ?? 0))].map(async (c) =>
          chunks.set(c, (await load(`chunk:${c}`, `x-${c}.js`)) as string[]),
        ),
      );
      return ranked.map(([pageIndex, page]): SearchResult => {
        const [url = "", title = ""] = meta.pages[pageIndex] ?? [];
        const [, anchor = "", sectionTitle = "", , chunk = 0] = meta.sections[page.best] ?? [];
        const offset = meta.sections.findIndex((s) => s[4] === chunk);
        const body = chunks.get(chunk)?.[page.best - offset] ?? "";
        // The heading starts the excerpt, as in Pagefind's, so a match in it shows too.
        const text = sectionTitle ? `${sectionTitle}. ${body}` : body;
        return {
          url: new URL(url + (anchor ? `#${anchor}` : ""), base).href,
          title,
          section: anchor && sectionTitle !== title ? sectionTitle : undefined,
          excerpt: excerpt(text, words, lastIsPrefix),
        };
      });
    },
  };
}
