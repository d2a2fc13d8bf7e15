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
   * The section's distinct terms, as numbers in the `TermPool` that counted it, and their
   * weighted counts at the same positions. Numbers, not strings: the worker keeps a
   * thousand pages' sections for the next build, and a million term strings took half a
   * second to read back and as long again to look up while building the index.
   */
  readonly terms: Uint32Array;
  readonly weights: Uint32Array;
  /** Number of words in the text. */
  readonly length: number;
}

export interface IndexedPage {
  readonly url: string;
  readonly title: string;
  readonly sections: readonly IndexedSection[];
}

/**
 * The terms of the sections counted with it, each numbered once. A word cut out of a text by
 * a regular expression can keep the whole (lower-cased) text alive: a term first seen is
 * copied out of its text.
 */
export class TermPool {
  /** Term by number. */
  readonly terms: string[] = [];
  readonly #numbers = new Map<string, number>();
  /** A pool that goes on numbering the given terms (the last build's) as they were. */
  constructor(terms: readonly string[] = []) {
    for (const term of terms) this.#numbers.set(term, this.terms.push(term) - 1);
  }
  number(word: string): number {
    const known = this.#numbers.get(word);
    if (known !== undefined) return known;
    const term = detached(word);
    const number = this.terms.push(term) - 1;
    this.#numbers.set(term, number);
    return number;
  }
}

/** Counts a section's words; its heading's words (and the page title's, for the page's top) count TITLE_WEIGHT times. */
export function indexSection(section: PageSection, pageTitle: string, pool: TermPool): IndexedSection {
  const words = tokenize(section.text);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of tokenize(`${section.title} ${section.anchor === "" ? pageTitle : ""}`)) counts.set(w, (counts.get(w) ?? 0) + TITLE_WEIGHT);
  return {
    ...section,
    terms: Uint32Array.from(counts.keys(), (t) => pool.number(t)),
    weights: Uint32Array.from(counts.values()),
    length: words.length,
  };
}

/**
 * The same pages numbered in a pool of their own terms alone: what the worker keeps for the
 * next build, so that terms of pages that are gone do not pile up from build to build.
 */
export function renumbered(pages: readonly (IndexedPage | null)[], pool: TermPool): { pages: (IndexedPage | null)[]; terms: string[] } {
  const terms: string[] = [];
  const number = new Int32Array(pool.terms.length).fill(-1);
  const renumber = (old: number): number => {
    let now = number[old] as number;
    if (now < 0) {
      now = terms.push(pool.terms[old] as string) - 1;
      number[old] = now;
    }
    return now;
  };
  return {
    pages: pages.map((page) => page && { ...page, sections: page.sections.map((s) => ({ ...s, terms: s.terms.map(renumber) })) }),
    terms,
  };
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

/**
 * Postings of one shard: term → flat [section, weighted term frequency, …], in section
 * order, each section given as its distance from the one before (the first from 0). Small
 * numbers: the shards of the 1,000-module course deflate to 1.2 MB instead of 2.8.
 */
export type Shard = Record<string, number[]>;

/** Shards larger than this (bytes of JSON) are split by one more character. */
export const SHARD_BUDGET = 120_000;
/** Text chunks hold about this many characters. */
export const CHUNK_BUDGET = 40_000;

/** Words in titles count this many times, so a page about a word ranks above a page that mentions it. */
const TITLE_WEIGHT = 3;

export interface OfflineIndex {
  readonly meta: OfflineIndexMeta;
  /** Each shard (a `Shard`), as JSON, by its key. */
  readonly shards: Map<string, string>;
  readonly chunks: string[][];
}

/** Builds the index of the given pages (in a stable order, so builds are reproducible), their terms numbered in `pool`. */
export function buildOfflineIndex(pages: readonly IndexedPage[], pool: TermPool): OfflineIndex {
  const meta = { pages: [], sections: [], shards: [], averageLength: 0 } as { -readonly [K in keyof OfflineIndexMeta]: OfflineIndexMeta[K] };
  const sectionsOf = pages.flatMap((page) => page.sections);
  // Postings by term number, laid out in one array (term t's at [start[t], start[t + 1])):
  // counted first, then filled. Growing 40,000 arrays by a million pushes spent more time
  // collecting garbage than indexing.
  const start = new Uint32Array(pool.terms.length + 1);
  for (const section of sectionsOf) for (const term of section.terms) (start[term + 1] as number) += 2;
  for (let t = 0; t < pool.terms.length; t++) (start[t + 1] as number) += start[t] as number;
  const filled = start.slice(0, -1);
  const flat = new Uint32Array(start[pool.terms.length] as number);
  const chunks: string[][] = [[]];
  let chunkSize = 0;
  let totalLength = 0;
  for (const page of pages) {
    const pageIndex = meta.pages.push([page.url, page.title]) - 1;
    for (const section of page.sections) {
      const sectionIndex = meta.sections.length;
      const { terms, weights } = section;
      for (let i = 0; i < terms.length; i++) {
        const at = filled[terms[i] as number] as number;
        flat[at] = sectionIndex;
        flat[at + 1] = weights[i] as number;
        (filled[terms[i] as number] as number) += 2;
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
  // Each term's postings go into its shard's JSON straight from the flat array, made gaps in
  // place: copying a million numbers into 40,000 arrays first took longer than all the rest.
  const numbers = new Map<string, number>();
  for (let t = 0; t < pool.terms.length; t++) {
    const from = start[t] as number;
    const to = start[t + 1] as number;
    if (to === from) continue;
    toGaps(flat, from, to);
    numbers.set(pool.terms[t] as string, t);
  }
  const postings: Postings = {
    size: (term) => {
      const t = numbers.get(term) as number;
      return (start[t + 1] as number) - (start[t] as number);
    },
    json: (term) => {
      const t = numbers.get(term) as number;
      return `[${flat.subarray(start[t] as number, start[t + 1] as number).join(",")}]`;
    },
  };
  const shards = shardTerms([...numbers.keys()].sort(), postings);
  meta.shards.push(...[...shards.keys()].sort());
  return { meta, shards, chunks };
}

/** Postings [section, weight, …] of `flat` from `from` to `to` (sections ascending): each section but the first becomes the gap from the one before. */
function toGaps(flat: Uint32Array, from: number, to: number): void {
  // From the end, so each gap is taken from the number before it is changed.
  for (let i = to - 2; i >= from + 2; i -= 2) (flat[i] as number) -= flat[i - 2] as number;
}

/** A term's postings: how many numbers, and their JSON. */
interface Postings {
  size(term: string): number;
  json(term: string): string;
}

/** The first `length` characters of a term (whole code points). */
function prefix(term: string, length: number): string {
  // Most terms are in the Basic Multilingual Plane, where a code point is one UTF-16 unit.
  return /[\uD800-\uDFFF]/.test(term) ? [...term].slice(0, length).join("") : term.slice(0, length);
}

/** Groups terms by prefix (two characters, or more where a group would pass the budget); each group's shard as JSON. */
function shardTerms(terms: readonly string[], postings: Postings, depth = 2): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    const key = prefix(term, depth);
    const list = groups.get(key);
    if (list) list.push(term);
    else groups.set(key, [term]);
  }
  // (Written by hand: an object would list terms that look like numbers first.)
  const json = (group: readonly string[]): string => `{${group.map((t) => `${JSON.stringify(t)}:${postings.json(t)}`).join(",")}}`;
  const shards = new Map<string, string>();
  for (const [key, group] of groups) {
    let size = 0;
    for (const t of group) size += t.length + 4 + postings.size(t) * 4;
    const longer = group.filter((t) => prefix(t, depth + 1) !== key);
    if (size > SHARD_BUDGET && longer.length > 0) {
      // Terms as short as the prefix itself stay in the prefix's own shard.
      const exact = group.filter((t) => prefix(t, depth + 1) === key);
      if (exact.length) shards.set(key, json(exact));
      for (const [k, v] of shardTerms(longer, postings, depth + 1)) shards.set(k, v);
    } else {
      shards.set(key, json(group));
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

/** The script that hands one file's data (JSON, compressed and in base64) to the page. */
function script(name: string, json: string, cache: PackedCache): string {
  return `window.__coursesiteSearch(${JSON.stringify(name)},"${cache.pack(json)}");\n`;
}

/** Every file of the index: name (relative to the index folder) → content. */
export function offlineIndexFiles(index: OfflineIndex, cache = new PackedCache()): Map<string, string> {
  const files = new Map<string, string>();
  files.set("meta.js", script("meta", JSON.stringify(index.meta), cache));
  for (const [key, shard] of index.shards) files.set(shardFileName(key), script(`shard:${key}`, shard, cache));
  for (const [i, chunk] of index.chunks.entries()) files.set(`x-${i}.js`, script(`chunk:${i}`, JSON.stringify(chunk), cache));
  return files;
}
