/**
 * A build after a change to one page's prose renders that page alone and keeps every other
 * page as the last build wrote it (linked into the new folder, not copied). Other pages
 * show only a page's front matter, title, summary and exercise count (prose-change.ts), so
 * theirs would come out the same; the preview has long worked this way (incremental-plugin.ts).
 *
 * What the last build wrote is kept in a record beside the other caches: a stamp of
 * everything but the Markdown the pages depend on, each Markdown file's text hash and shape,
 * and each page's hash, size and time. The next build is one page only when the stamp is the
 * same, exactly one file's text differs and its shape does not, no other page shows it through a
 * snippet, and every kept page is still in the output as written. Anything else (a new file,
 * a changed figure, settings, code, git history, a hand-edited output page) builds every page.
 * The build command also renders every page when the stylesheet came out different (a new
 * token colour) or a kept page's problems were not on record to report again.
 */

import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { copyFile, link, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { proseShape, summaryHash } from "../content/prose-change.ts";
import { filesUnder } from "../eleventy/render-memo.ts";
import { shownByOthers } from "../markdown/snippets.ts";
import { mapLimited } from "./map-limited.ts";
import { writeFileAtomic } from "./write-atomic.ts";

/** Bumped when the record's meaning changes: an older one is not used. */
const RECORD_VERSION = 1;

/** A page as the last build wrote it. */
export interface PageRecord {
  /** The Markdown file it is made from. */
  readonly source: string;
  /** sha1 of its HTML (as finish-plugin.ts hashes it), and whether search indexes it. */
  readonly hash: string;
  readonly searchable: boolean;
  /** Its file in the output: a page changed there since is not kept. */
  readonly size: number;
  readonly mtimeMs: number;
  /** What the offline index's memory knows it by (see `pageKey`), when known. */
  readonly offlineKey?: string | undefined;
  /** Its ids (`#anchor` targets), when a link check read them. */
  readonly ids?: readonly string[] | undefined;
}

export interface SourceRecord {
  /** sha1 of the text. */
  readonly text: string;
  /** See `proseShape` and `summaryHash`. */
  readonly shape: string;
  readonly summary: string;
  /** The Markdown file of the page that lists this one (its parent in the navigation), if any. */
  readonly parent?: string | undefined;
}

/** What a build leaves for the next one. */
export interface BuildRecord {
  readonly version: number;
  readonly stamp: string;
  /** The client assets' URLs (versioned by their content): another stylesheet changes every page. */
  readonly assets: string;
  /** By absolute path. */
  readonly sources: Readonly<Record<string, SourceRecord>>;
  /** By site path. */
  readonly pages: Readonly<Record<string, PageRecord>>;
}

/** The Markdown of the course as this build reads it: text by absolute path. */
export type SourceTexts = ReadonlyMap<string, string>;

/** Each Markdown file's text hash (sha1), by file: made once per build, for the plan and the record. */
export function hashTexts(texts: SourceTexts): Map<string, string> {
  return new Map([...texts].map(([file, text]) => [file, createHash("sha1").update(text).digest("base64")]));
}

/** How the build goes: every page, or one page with the others kept (by site path). */
export type BuildPlan = { readonly kind: "full"; readonly reason: string } | OnePagePlan;

export interface OnePagePlan {
  readonly kind: "one-page";
  /** The changed Markdown file. */
  readonly source: string;
  /** When its summary changed: the Markdown file of the page that lists it, which is built too. */
  readonly also?: string | undefined;
  /** The pages built (site paths). */
  readonly pages: readonly string[];
  /** The pages kept, by site path. */
  readonly kept: ReadonlyMap<string, PageRecord>;
  /** The last build's client assets (see `BuildRecord`): the build is whole only with the same. */
  readonly assets: string;
}

export const full = (reason: string): BuildPlan => ({ kind: "full", reason });

/** What a one-page build wrote, to tell whether it is whole (else every page is built). */
export interface OnePageOutcome {
  /** The client assets' URLs, as JSON. */
  readonly assets: string;
  /** Site paths of the pages Eleventy wrote. */
  readonly written: ReadonlySet<string>;
  /** Kept pages whose Markdown problems were not on record to report again. */
  readonly unreported: readonly string[];
}

/** Why a one-page build is not the site a full build would make, or undefined when it is. */
export function incompleteBecause(plan: OnePagePlan, outcome: OnePageOutcome): string | undefined {
  if (outcome.assets !== plan.assets) return "the stylesheet changed (a new colour of code)";
  if (outcome.unreported.length > 0) return "problems of kept pages were not on record";
  if (plan.pages.some((page) => !outcome.written.has(page))) return "a page to build was not written";
  return undefined;
}

/** Decides how to build, from the last build's record and this build's stamp and Markdown (texts and their `hashes`). */
export function planBuild(last: BuildRecord | undefined, stamp: string, texts: SourceTexts, hashes: ReadonlyMap<string, string>): BuildPlan {
  if (!last || last.version !== RECORD_VERSION) return full("no record of a last build");
  if (last.stamp !== stamp) return full("settings, code, files or history changed");
  const files = Object.keys(last.sources);
  if (files.length !== texts.size || files.some((file) => !texts.has(file))) return full("a page was added or removed");
  const changed = [...texts].filter(([file]) => last.sources[file]?.text !== hashes.get(file));
  if (changed.length !== 1) return full(changed.length === 0 ? "no page changed" : "more than one page changed");
  const [[source, text]] = changed as [[string, string]];
  const before = last.sources[source];
  if (before?.shape !== proseShape(text)) return full("a change other pages show");
  if (shownByOthers(source, texts)) return full("the page is shown by another");
  // A new summary shows on the page that lists it, built too (a page nothing lists may
  // still show on the home page: every page is built).
  const summaryChanged = before.summary !== summaryHash(text);
  const also = summaryChanged ? before.parent : undefined;
  if (summaryChanged && also === undefined) return full("a summary no parent page lists");
  const built = new Set(also === undefined ? [source] : [source, also]);
  const pages = Object.entries(last.pages);
  const own = pages.filter(([, page]) => built.has(page.source));
  if (own.length !== built.size) return full("a page to build has no single page of its own");
  return {
    kind: "one-page",
    source,
    also,
    pages: own.map(([path]) => path),
    kept: new Map(pages.filter(([, page]) => !built.has(page.source))),
    assets: last.assets,
  };
}

/** Whether every kept page is in `output` as the last build wrote it (same size and time). */
export function keptPagesIntact(output: string, kept: ReadonlyMap<string, PageRecord>): boolean {
  for (const [path, page] of kept) {
    try {
      const stat = statSync(join(output, path));
      if (stat.size !== page.size || stat.mtimeMs !== page.mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Links the kept pages of `output` into the fresh folder `staging`. Links, not copies (where
 * the file system allows): the build writes only the changed pages, as new files (see
 * finish-plugin.ts), and the old folder goes after the swap. (The record takes each page's
 * size and time from the new folder, so a copy's new time is what the next build expects.)
 */
export async function linkKeptPages(output: string, staging: string, kept: ReadonlyMap<string, PageRecord>): Promise<void> {
  const folders = new Set([...kept.keys()].map((path) => dirname(join(staging, path))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  await mapLimited([...kept.keys()], 64, async (path) => {
    try {
      await link(join(output, path), join(staging, path));
    } catch {
      await copyFile(join(output, path), join(staging, path)); // a file system without links
    }
  });
}

/**
 * What the pages depend on besides the Markdown: the code (ours, the packages, layouts and
 * client assets), the working folder (problems name files relative to it), the folders,
 * the settings, the git history the pages show, and every other file of the course by name,
 * size and time (a figure's size is in the page; a file added can make a link valid).
 */
export function buildStamp(parts: {
  readonly code: string;
  readonly projectRoot: string;
  readonly workingFolder: string;
  readonly input: string;
  readonly output: string;
  readonly settings: string;
  readonly history: ReadonlyMap<string, string> | undefined;
  readonly folders: readonly string[];
  readonly sources: SourceTexts;
}): string {
  const hash = createHash("sha1").update(`${RECORD_VERSION}|${parts.code}|${parts.workingFolder}|${parts.input}|${parts.output}|${parts.settings}\n`);
  for (const folder of ["layouts", "assets"]) for (const [file, stat] of filesOf(join(parts.projectRoot, folder))) hash.update(`${file}@${stat}\n`);
  for (const [file, date] of [...(parts.history ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`git ${file} ${date}\n`);
  for (const folder of parts.folders) for (const [file, stat] of filesOf(folder)) if (!parts.sources.has(file)) hash.update(`${file}@${stat}\n`);
  return hash.digest("hex");
}

/** Every file under `folder` (absolute path → size and time) but git's and packages' folders, sorted; none when there is no folder. */
function filesOf(folder: string): [string, string][] {
  let names: string[];
  try {
    names = filesUnder(folder);
  } catch {
    return [];
  }
  return names.flatMap((rel): [string, string][] => {
    try {
      const stat = statSync(join(folder, rel));
      return stat.isFile() ? [[join(folder, rel), `${stat.size}:${stat.mtimeMs}`]] : [];
    } catch {
      return []; // gone while we looked: the next build sees it
    }
  });
}

/** The record kept in `file`, or undefined when there is none (or it cannot be read). */
export function readRecord(file: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
    return record.version === RECORD_VERSION ? record : undefined;
  } catch {
    return undefined; // none yet, or damaged: every page is built
  }
}

/** A page as this build wrote it. */
export interface WrittenPage {
  readonly source: string | undefined;
  readonly hash: string;
  readonly searchable: boolean;
  readonly offlineKey?: string | undefined;
}

/** What a build leaves for its record (see `makeRecord`). */
export interface BuildFacts {
  readonly stamp: string;
  /** The client assets' URLs, as JSON. */
  readonly assets: string;
  readonly texts: SourceTexts;
  /** The texts' hashes (see `hashTexts`). */
  readonly hashes: ReadonlyMap<string, string>;
  /** Each Markdown file's parent page's Markdown file. */
  readonly parents: ReadonlyMap<string, string>;
  /** The ids of the pages whose ids the link check read, by site path. */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  /** Where the pages are (the staging folder, about to be swapped in). */
  readonly folder: string;
  /** Every page written or kept, by site path. */
  readonly pages: ReadonlyMap<string, WrittenPage>;
}

/**
 * The record of a build. A source's shape and summary, and a page's offline key and ids,
 * are taken from the last record when the text, or the page, is the same.
 */
export function makeRecord(last: BuildRecord | undefined, facts: BuildFacts): BuildRecord {
  const sources: Record<string, SourceRecord> = {};
  for (const [file, text] of facts.texts) {
    const hash = facts.hashes.get(file) ?? "";
    const known = last?.sources[file];
    const same = known?.text === hash;
    sources[file] = {
      text: hash,
      shape: same ? known.shape : proseShape(text),
      summary: same ? known.summary : summaryHash(text),
      parent: facts.parents.get(file),
    };
  }
  const written: Record<string, PageRecord> = {};
  for (const [path, page] of facts.pages) {
    if (page.source === undefined) continue;
    const stat = statSync(join(facts.folder, path));
    const earlier = last?.pages[path]?.hash === page.hash ? last.pages[path] : undefined;
    written[path] = {
      source: page.source,
      hash: page.hash,
      searchable: page.searchable,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      offlineKey: page.offlineKey ?? earlier?.offlineKey,
      ids: facts.ids.get(path) ?? earlier?.ids,
    };
  }
  return { version: RECORD_VERSION, stamp: facts.stamp, assets: facts.assets, sources, pages: written };
}

export function writeRecord(file: string, record: BuildRecord): void {
  writeFileAtomic(file, JSON.stringify(record));
}

/** Where the record of builds into `output` is kept. */
export const recordFile = (cacheDir: string, output: string): string =>
  join(cacheDir, "last-build", `${createHash("sha1").update(output).digest("hex").slice(0, 16)}.json`);

/** Reads the course's Markdown files (absolute paths). */
export function readTexts(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
}
