/**
 * Highlighted code, cached on disk between builds. An entry is found by a hash of
 * everything that decides its HTML (code, language, options), and the whole cache is
 * thrown away when anything else that could change the output changes: the Shiki
 * version, the themes, or the source of our own renderer. So a stale entry can never
 * produce wrong output; at worst a build highlights again.
 *
 * The HTML of the entries is kept in a second file beside the index, read only when a
 * block is looked up: a build whose pages all come from the render memo needs the index
 * (which blocks each file has, their style classes) but none of the HTML. That file is a
 * line of JSON (the index it belongs to, and each entry's key and length in bytes) and then
 * the entries' HTML one after another, so an entry is decoded only when it is looked up: a
 * build that renders a few pages decodes their blocks, not all 6,000 (parsing the HTML as
 * JSON took 0.2 s of such a build at 1,000 modules).
 */

import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../build/write-atomic.ts";
import type { Highlighted, TokenStyle } from "./code-highlighter.ts";
import { THEMES } from "./code-highlighter.ts";

interface Entry {
  readonly known: boolean;
  readonly classes: readonly string[];
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, Entry>;
  readonly styles: Record<string, TokenStyle>;
  /** By a hash of a Markdown file's text: the keys of its code blocks. */
  readonly files?: Record<string, string[]>;
}

/** The first line of the HTML file: stamped with the index it belongs to; each entry's key and byte length, in the order they follow. */
interface HtmlHeader {
  readonly version: string;
  readonly stamp: string;
  readonly entries: [string, number][];
}

const htmlFileOf = (file: string): string => `${file.replace(/\.json$/, "")}.html`;

/** The HTML file's bytes for `entries` (key, HTML). */
function htmlFileBytes(version: string, stamp: string, entries: readonly (readonly [string, string])[]): Buffer {
  const bodies = entries.map(([, html]) => Buffer.from(html, "utf8"));
  const header: HtmlHeader = { version, stamp, entries: entries.map(([key], i) => [key, bodies[i]?.length ?? 0]) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies]);
}

/** The HTML file's entries, decoded one by one when asked; undefined for a file of another version or save, or cut short. */
function readHtmlFile(file: string, version: string, stamp: string): { has(key: string): boolean; get(key: string): string | undefined } | undefined {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString("utf8", 0, end)) as HtmlHeader;
  if (header.version !== version || header.stamp !== stamp) return undefined;
  const spans = new Map<string, [number, number]>();
  let at = end + 1;
  for (const [key, length] of header.entries) {
    spans.set(key, [at, at + length]);
    at += length;
  }
  if (at !== bytes.length) return undefined;
  return {
    has: (key) => spans.has(key),
    get(key) {
      const span = spans.get(key);
      return span && bytes.toString("utf8", span[0], span[1]);
    },
  };
}

/** What must be equal for cached HTML to be reused. */
export function cacheVersion(): string {
  const shiki = (createRequire(import.meta.url)("shiki/package.json") as { version: string }).version;
  const hash = createHash("sha1").update(`3|${shiki}|${THEMES.light}|${THEMES.dark}|`);
  // The renderer and the themes' pairing decide the HTML (class names included); the
  // block finder decides which blocks a file has.
  for (const source of ["./code-highlighter.ts", "./shiki-highlighter.ts", "./code-requests.ts", "./fence-info.ts"])
    hash.update(readFileSync(fileURLToPath(new URL(source, import.meta.url))));
  return hash.digest("hex");
}

/** Names a Markdown file's text for `blocksOf`; undefined when its blocks depend on other files (`--8<--` snippets). */
export function fileId(text: string): string | undefined {
  return text.includes("--8<--") ? undefined : createHash("sha1").update(text).digest("base64url");
}

export class HighlightCache {
  readonly #entries = new Map<string, Entry>();
  readonly #styles = new Map<string, TokenStyle>();
  readonly #used = new Set<string>();
  readonly #files = new Map<string, string[]>();
  readonly #usedFiles = new Set<string>();
  /** Whether an entry was added since the last save (the HTML file is then written again). */
  #added = false;
  /** Whether a file's list of blocks was set since the last save (only the index is then). */
  #listed = false;
  /** The HTML of the entries set since the cache was loaded. */
  readonly #html = new Map<string, string>();
  /** Where the last save's HTML is, until it is read (`#stored`). */
  #htmlFile: string | undefined;
  #stored: ReturnType<typeof readHtmlFile>;
  #stamp = "";

  constructor(readonly version: string) {}

  /** The last save's HTML, read on first need; a missing or mismatched file empties the cache. */
  #storedHtml(): ReturnType<typeof readHtmlFile> {
    if (this.#htmlFile === undefined) return this.#stored;
    const file = this.#htmlFile;
    this.#htmlFile = undefined;
    try {
      this.#stored = readHtmlFile(file, this.version, this.#stamp);
    } catch {
      // Read below as missing.
    }
    // Entries without their HTML are dropped: they highlight again.
    for (const key of [...this.#entries.keys()]) if (!this.#html.has(key) && !this.#stored?.has(key)) this.#entries.delete(key);
    return this.#stored;
  }

  #htmlFor(key: string): string | undefined {
    return this.#html.get(key) ?? this.#storedHtml()?.get(key);
  }

  /** Reads a cache file; a missing, unreadable or outdated file gives an empty cache. */
  static load(file: string | undefined, version = cacheVersion()): HighlightCache {
    const cache = new HighlightCache(version);
    if (!file) return cache;
    try {
      const text = readFileSync(file, "utf8");
      const data = JSON.parse(text) as CacheFile & { stamp?: string };
      if (data.version !== version) return cache;
      for (const [key, entry] of Object.entries(data.entries)) cache.#entries.set(key, entry);
      cache.#htmlFile = htmlFileOf(file);
      cache.#stamp = data.stamp ?? "";
      for (const [name, style] of Object.entries(data.styles)) cache.#styles.set(name, style);
      for (const [id, keys] of Object.entries(data.files ?? {})) cache.#files.set(id, keys);
    } catch {
      // No cache yet, or a damaged one: start empty.
    }
    return cache;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  get(key: string): Highlighted | undefined {
    const html = this.#htmlFor(key);
    const entry = this.#entries.get(key);
    if (!entry || html === undefined) return undefined;
    this.#used.add(key);
    const styles: Record<string, TokenStyle> = {};
    for (const name of entry.classes) {
      const style = this.#styles.get(name);
      if (style) styles[name] = style;
    }
    return { html, known: entry.known, styles };
  }

  /** Marks an entry as used by this build (its styles go into the stylesheet). */
  touch(key: string): void {
    if (this.#entries.has(key)) this.#used.add(key);
  }

  set(key: string, value: Highlighted): void {
    this.#html.set(key, value.html);
    this.#entries.set(key, { known: value.known, classes: Object.keys(value.styles) });
    for (const [name, style] of Object.entries(value.styles)) this.#styles.set(name, style);
    this.#used.add(key);
    this.#added = true;
  }

  /** The keys of the code blocks of the Markdown text `id` names (see `fileId`), when known. */
  blocksOf(id: string): readonly string[] | undefined {
    const keys = this.#files.get(id);
    if (keys) this.#usedFiles.add(id);
    return keys;
  }

  setBlocks(id: string, keys: readonly string[]): void {
    this.#files.set(id, [...keys]);
    this.#usedFiles.add(id);
    this.#listed = true;
  }

  /** The styles of every entry used in this build. */
  usedStyles(): Record<string, TokenStyle> {
    const styles: Record<string, TokenStyle> = {};
    for (const key of this.#used) for (const name of this.#entries.get(key)?.classes ?? []) styles[name] = this.#styles.get(name) as TokenStyle;
    return styles;
  }

  /** Starts a new build: nothing is used yet. */
  startBuild(): void {
    this.#used.clear();
    this.#usedFiles.clear();
  }

  /** Writes the entries used in this build (others are dropped, so the file never grows stale), when anything changed. */
  save(file: string): void {
    const dropped = this.#used.size !== this.#entries.size;
    if (!this.#added && !this.#listed && !dropped && this.#usedFiles.size === this.#files.size) return;
    // The HTML file (11 MB at 1,000 modules, a second of this thread to write) is written
    // again only when entries were added or dropped; after a save that changed prose, the
    // one it has holds them all already, and only the index of files' blocks is new.
    const rewriteHtml = this.#added || dropped || !this.#stamp;
    const entries: Record<string, Entry> = {};
    const htmlOfEntries: [string, string][] = [];
    for (const key of [...this.#used].sort()) {
      const entry = this.#entries.get(key);
      const text = rewriteHtml ? this.#htmlFor(key) : undefined;
      if (!entry || (rewriteHtml && text === undefined)) continue;
      entries[key] = entry;
      if (text !== undefined) htmlOfEntries.push([key, text]);
    }
    const files: Record<string, string[]> = {};
    for (const id of [...this.#usedFiles].sort()) files[id] = this.#files.get(id) as string[];
    // The HTML first, then the index naming it: an interrupted save leaves a mismatch, read as empty.
    const stamp = rewriteHtml ? randomUUID() : this.#stamp;
    if (rewriteHtml) writeFileAtomic(htmlFileOf(file), htmlFileBytes(this.version, stamp, htmlOfEntries));
    writeFileAtomic(file, JSON.stringify({ version: this.version, stamp, entries, styles: this.usedStyles(), files } satisfies CacheFile & { stamp: string }));
    this.#stamp = stamp;
    this.#added = false;
    this.#listed = false;
  }
}
