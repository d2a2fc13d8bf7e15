/**
 * Indexing a built site with Pagefind, part by part (see pagefind-parts.ts): in a build,
 * each part's last index is reused when its pages are the same; in preview, only the parts
 * holding pages a save changed are indexed again.
 */

import { join } from "node:path";
import { keptFingerprint, reuseOrMake } from "../build/output-cache.ts";
import { removeAllBut } from "../build/output-folder.ts";
import { PagefindStopped, partFolder, removeOtherParts, stopPagefind, writePagefindPart, writePartsList } from "./pagefind-index.ts";
import { type IndexPart, PART_PAGES, partFingerprint, planIndexParts } from "./pagefind-parts.ts";

/** Searchable pages (site path → hash of the HTML) and what else an index depends on (code version, language). */
export interface SearchablePages {
  readonly pages: ReadonlyMap<string, string>;
  readonly base: string;
}

/** An indexing going on, which a failed build stops before it removes the folder. */
export interface IndexRun {
  readonly done: Promise<void>;
  /** The fingerprint of each part it indexes, by part. */
  readonly parts: ReadonlyMap<string, string>;
  /** Indexes two parts at a time from now on (one until then). */
  widen(): void;
  stop(): Promise<void>;
}

/**
 * Parts indexed at once, once the build has let go of the rendered site: each run is given
 * one thread, so two keep both cores busy. Until then one at a time (a run holds 0.1 GB,
 * beside a build process of 0.7 GB at 1,000 pages).
 */
const PARTS_AT_ONCE = 2;

/** The parts' fingerprints, by part. */
const fingerprints = (parts: readonly IndexPart[], site: SearchablePages): string[] =>
  parts.map((part) => partFingerprint(site.base, part, (page) => site.pages.get(page)));

/**
 * Starts indexing `siteDir` (a build's fresh folder), each part reused from `cacheDir` when
 * made from the same pages. Resolves once every part and the list of parts is written.
 */
export function startSiteIndex(siteDir: string, language: string, site: SearchablePages, cacheDir: string, partPages = PART_PAGES): IndexRun {
  let stopped = false;
  const parts = planIndexParts([...site.pages.keys()], partPages);
  const prints = fingerprints(parts, site);
  // Each run gets one thread when several parts are to be indexed (they run side by side),
  // every core when only one is (after a change to one page, say).
  const threads = Promise.all(parts.map(async (part, i) => (await keptFingerprint(join(cacheDir, part.id))) !== prints[i])).then((stale) =>
    stale.filter(Boolean).length > 1 ? 1 : undefined,
  );
  const waiting = [...parts.keys()];
  const lane = async (): Promise<void> => {
    const runThreads = await threads;
    for (let i = waiting.shift(); i !== undefined; i = waiting.shift()) {
      if (stopped) throw new PagefindStopped("the build stopped");
      const part = parts[i] as IndexPart;
      await reuseOrMake(partFolder(siteDir, part.id), join(cacheDir, part.id), prints[i] as string, () =>
        writePagefindPart(siteDir, language, part, { threads: runThreads }),
      );
    }
  };
  const lanes = [lane()];
  const done = (async () => {
    try {
      // (A lane added while waiting is waited for too.)
      for (let n = 0; n < lanes.length; n++) await lanes[n];
    } catch (error) {
      stopped = true;
      await Promise.allSettled(lanes);
      throw error;
    }
    writePartsList(siteDir, parts);
    // One version of each part is kept: those of parts the site no longer has go.
    await removeAllBut(
      cacheDir,
      parts.map((part) => part.id),
    );
  })();
  // Awaited by the build's last steps; until then a failure must not go unhandled.
  done.catch(() => undefined);
  return {
    done,
    parts: new Map(parts.map((part, i) => [part.id, prints[i] as string])),
    widen() {
      while (lanes.length < PARTS_AT_ONCE && waiting.length > 0) lanes.push(lane());
    },
    async stop() {
      stopped = true;
      stopPagefind();
      await done.catch(() => undefined);
    },
  };
}

/**
 * The preview's index: after the first build (reused from the cache like a build's), each
 * save indexes again only the parts whose pages changed, at low priority and beside the
 * last index's files (see `keepEarlier`).
 */
export class PreviewIndex {
  /** Each searchable page's hash, as the builds so far wrote it. */
  private readonly pages = new Map<string, string>();
  /** Each part's fingerprint when last indexed. */
  private indexed = new Map<string, string>();

  constructor(
    private readonly siteDir: string,
    private readonly language: string,
    private readonly cacheDir: string,
  ) {}

  /** Takes in the pages a build wrote: `written` (site path → hash, or undefined when not searchable). */
  update(written: ReadonlyMap<string, string | undefined>): void {
    for (const [page, hash] of written) {
      if (hash === undefined) this.pages.delete(page);
      else this.pages.set(page, hash);
    }
  }

  /** The first build's index: every part, reused from the cache when the same. */
  async first(base: string): Promise<void> {
    const run = startSiteIndex(this.siteDir, this.language, { pages: this.pages, base }, this.cacheDir);
    run.widen();
    await run.done;
    this.indexed = new Map(run.parts);
  }

  /** After a save: the parts whose pages changed. `current` says whether this run is still wanted. */
  async again(base: string, current: () => boolean): Promise<void> {
    const site = { pages: this.pages, base };
    const parts = planIndexParts([...this.pages.keys()]);
    const prints = fingerprints(parts, site);
    for (const [i, part] of parts.entries()) {
      const print = prints[i] as string;
      if (this.indexed.get(part.id) === print) continue;
      if (!current()) throw new PagefindStopped("a newer save is building");
      await writePagefindPart(this.siteDir, this.language, part, { lowPriority: true, keepEarlier: true });
      this.indexed.set(part.id, print);
    }
    writePartsList(this.siteDir, parts);
    await removeOtherParts(this.siteDir, parts);
    for (const id of [...this.indexed.keys()]) if (!parts.some((part) => part.id === id)) this.indexed.delete(id);
  }
}
