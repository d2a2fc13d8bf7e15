/**
 * Highlighted code, cached on disk between builds. An entry is found by a hash of
 * everything that decides its HTML (code, language, options), and the whole cache is
 * thrown away when anything else that could change the output changes: the Shiki
 * version, the themes, or the source of our own renderer. So a stale entry can never
 * produce wrong output; at worst a build highlights again.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Highlighted, TokenStyle } from "./code-highlighter.ts";
import { THEMES } from "./code-highlighter.ts";

interface Entry {
  readonly html: string;
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

/** What must be equal for cached HTML to be reused. */
export function cacheVersion(): string {
  const shiki = (createRequire(import.meta.url)("shiki/package.json") as { version: string }).version;
  const hash = createHash("sha1").update(`2|${shiki}|${THEMES.light}|${THEMES.dark}|`);
  // The renderer decides the HTML; the block finder decides which blocks a file has.
  for (const source of ["./code-highlighter.ts", "./code-requests.ts", "./fence-info.ts"])
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
  #changed = false;

  constructor(readonly version: string) {}

  /** Reads a cache file; a missing, unreadable or outdated file gives an empty cache. */
  static load(file: string | undefined, version = cacheVersion()): HighlightCache {
    const cache = new HighlightCache(version);
    if (!file) return cache;
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (data.version !== version) return cache;
      for (const [key, entry] of Object.entries(data.entries)) cache.#entries.set(key, entry);
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
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#used.add(key);
    const styles: Record<string, TokenStyle> = {};
    for (const name of entry.classes) {
      const style = this.#styles.get(name);
      if (style) styles[name] = style;
    }
    return { html: entry.html, known: entry.known, styles };
  }

  /** Marks an entry as used by this build (its styles go into the stylesheet). */
  touch(key: string): void {
    if (this.#entries.has(key)) this.#used.add(key);
  }

  set(key: string, value: Highlighted): void {
    this.#entries.set(key, { html: value.html, known: value.known, classes: Object.keys(value.styles) });
    for (const [name, style] of Object.entries(value.styles)) this.#styles.set(name, style);
    this.#used.add(key);
    this.#changed = true;
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
    this.#changed = true;
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
    if (!this.#changed && this.#used.size === this.#entries.size && this.#usedFiles.size === this.#files.size) return;
    const entries: Record<string, Entry> = {};
    for (const key of [...this.#used].sort()) entries[key] = this.#entries.get(key) as Entry;
    const files: Record<string, string[]> = {};
    for (const id of [...this.#usedFiles].sort()) files[id] = this.#files.get(id) as string[];
    const data: CacheFile = { version: this.version, entries, styles: this.usedStyles(), files };
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
    this.#changed = false;
  }
}
