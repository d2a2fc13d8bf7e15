/**
 * The offline search index: what lets the search field work when the site is opened
 * from disk, where browsers refuse Pagefind's ES module, WebAssembly and fetches. It is
 * written as plain scripts (the only thing file:// loads), in small pieces:
 *
 * - `meta.js`: pages, sections and the list of term shards. Loaded when a reader first
 *   focuses the search field, never before.
 * - `t-<prefix>.js`: postings of the terms starting with that prefix (split further
 *   when a shard would grow past the budget), so a query loads only its terms' shards.
 * - `x-<n>.js`: section texts, in chunks, loaded only for the results shown, to cut
 *   excerpts from.
 *
 * Each file calls `window.__coursesiteSearch(name, data)`, its data being JSON deflated
 * and in base64: a third of the plain size, on disk and in the offline zip, and the
 * browser inflates it natively (DecompressionStream, which works from file:// too).
 */

import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { detached, type PageSection } from "./page-sections.ts";
import { tokenize } from "./tokenize.ts";

/** A section with its words counted (titles weighted), ready to index. */
export interface IndexedSection extends PageSection {
  /**
   * The section's distinct terms, and their weighted counts at the same positions. (Two flat
   * arrays: a [term, count] pair per term took five times the memory, 150 MB at 1,000 pages.)
   */
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Number of words in the text. */
  readonly length: number;
}

export interface IndexedPage {
  readonly url: string;
  readonly title: string;
  readonly sections: readonly IndexedSection[];
}

/**
 * One copy of each term for all sections. A word cut out of a text by a regular expression
 * can keep the whole (lower-cased) text alive, and the same word in a thousand sections was
 * a thousand strings; a term first seen is copied out of its text once.
 */
export class TermPool {
  readonly #terms = new Map<string, string>();
  intern(word: string): string {
    const known = this.#terms.get(word);
    if (known !== undefined) return known;
    const term = detached(word);
    this.#terms.set(word, term);
    return term;
  }
}

/** Counts a section's words; its heading's words (and the page title's, for the page's top) count TITLE_WEIGHT times. */
export function indexSection(section: PageSection, pageTitle: string, pool = new TermPool()): IndexedSection {
  const words = tokenize(section.text);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of tokenize(`${section.title} ${section.anchor === "" ? pageTitle : ""}`)) counts.set(w, (counts.get(w) ?? 0) + TITLE_WEIGHT);
  return { ...section, terms: [...counts.keys()].map((t) => pool.intern(t)), weights: [...counts.values()], length: words.length };
}

export interface OfflineIndexMeta {
  /** [url, title] per page. */
  readonly pages: [string, string][];
  /** [page index, anchor, section title, word count, text chunk] per section. */
  readonly sections: [number, string, string, number, number][];
  /** Shard keys (term prefixes), sorted. */
  readonly shards: string[];
  readonly averageLength: number;
}

/** Postings of one shard: term → flat [section, weighted term frequency, …]. */
export type Shard = Record<string, number[]>;

/** Shards larger than this (bytes of JSON) are split by one more character. */
export const SHARD_BUDGET = 120_000;
/** Text chunks hold about this many characters. */
export const CHUNK_BUDGET = 40_000;

/** Words in titles count this many times, so a page about a word ranks above a page that mentions it. */
const TITLE_WEIGHT = 3;

export interface OfflineIndex {
  readonly meta: OfflineIndexMeta;
  readonly shards: Map<string, Shard>;
  readonly chunks: string[][];
}

/** Builds the index of the given pages (in a stable order, so builds are reproducible). */
export function buildOfflineIndex(pages: readonly IndexedPage[]): OfflineIndex {
  const meta = { pages: [], sections: [], shards: [], averageLength: 0 } as { -readonly [K in keyof OfflineIndexMeta]: OfflineIndexMeta[K] };
  const postings = new Map<string, number[]>();
  const chunks: string[][] = [[]];
  let chunkSize = 0;
  let totalLength = 0;
  for (const page of pages) {
    const pageIndex = meta.pages.push([page.url, page.title]) - 1;
    for (const section of page.sections) {
      const sectionIndex = meta.sections.length;
      for (let i = 0; i < section.terms.length; i++) {
        const term = section.terms[i] as string;
        const count = section.weights[i] as number;
        const list = postings.get(term);
        if (list) list.push(sectionIndex, count);
        else postings.set(term, [sectionIndex, count]);
      }
      if (chunkSize > CHUNK_BUDGET) {
        chunks.push([]);
        chunkSize = 0;
      }
      const chunk = chunks.length - 1;
      chunks[chunk]?.push(section.text);
      chunkSize += section.text.length;
      totalLength += section.length;
      meta.sections.push([pageIndex, section.anchor, section.title, section.length, chunk]);
    }
  }
  meta.averageLength = meta.sections.length ? totalLength / meta.sections.length : 0;
  const shards = shardTerms([...postings.keys()].sort(), postings);
  meta.shards.push(...[...shards.keys()].sort());
  return { meta, shards, chunks };
}

/** Groups terms by prefix: two characters, or more where a group would pass the budget. */
function shardTerms(terms: readonly string[], postings: Map<string, number[]>, depth = 2): Map<string, Shard> {
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    const key = [...term].slice(0, depth).join("");
    const list = groups.get(key);
    if (list) list.push(term);
    else groups.set(key, [term]);
  }
  const shards = new Map<string, Shard>();
  for (const [key, group] of groups) {
    const size = group.reduce((sum, t) => sum + t.length + 4 + (postings.get(t)?.length ?? 0) * 4, 0);
    const splittable = group.some((t) => [...t].length > depth);
    if (size > SHARD_BUDGET && splittable) {
      // Terms as short as the prefix itself stay in the prefix's own shard.
      const exact = group.filter((t) => [...t].length <= depth);
      if (exact.length) shards.set(key, Object.fromEntries(exact.map((t) => [t, postings.get(t) ?? []])));
      for (const [k, v] of shardTerms(
        group.filter((t) => [...t].length > depth),
        postings,
        depth + 1,
      ))
        shards.set(k, v);
    } else {
      shards.set(key, Object.fromEntries(group.map((t) => [t, postings.get(t) ?? []])));
    }
  }
  return shards;
}

/** File name of a shard: prefixes are encoded so any script or character is a safe file name. */
export function shardFileName(key: string): string {
  return `t-${[...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)?.toString(16)}`)).join("")}.js`;
}

/**
 * Compressed data kept from the last build, by a hash of its JSON: after a change to one
 * page, most files hold the same data as before, and deflating them again was most of the
 * time it took to write the index.
 */
export class PackedCache {
  readonly #previous: ReadonlyMap<string, string>;
  /** What this build packed or reused: the next build's cache. */
  readonly used = new Map<string, string>();
  constructor(previous: ReadonlyMap<string, string> = new Map()) {
    this.#previous = previous;
  }
  pack(json: string): string {
    const key = createHash("sha1").update(json).digest("base64");
    const packed = this.used.get(key) ?? this.#previous.get(key) ?? deflateRawSync(json).toString("base64");
    this.used.set(key, packed);
    return packed;
  }
}

/** The script that hands one file's data (compressed JSON, in base64) to the page. */
export function scriptFor(name: string, data: unknown, cache = new PackedCache()): string {
  return `window.__coursesiteSearch(${JSON.stringify(name)},"${cache.pack(JSON.stringify(data))}");\n`;
}

/** Every file of the index: name (relative to the index folder) → content. */
export function offlineIndexFiles(index: OfflineIndex, cache = new PackedCache()): Map<string, string> {
  const files = new Map<string, string>();
  files.set("meta.js", scriptFor("meta", index.meta, cache));
  for (const [key, shard] of index.shards) files.set(shardFileName(key), scriptFor(`shard:${key}`, shard, cache));
  for (const [i, chunk] of index.chunks.entries()) files.set(`x-${i}.js`, scriptFor(`chunk:${i}`, chunk, cache));
  return files;
}
