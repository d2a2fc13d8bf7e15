/**
 * Eleventy plugin: what is written once every page is: the course's other files, both
 * search indexes and the offline zip. Pagefind (its own processes, one part of the index at
 * a time: see pagefind-parts.ts) starts as soon as the pages are written; the zip is left
 * to the build command, which runs it once Eleventy is done and its memory can be freed.
 * In preview there is no zip and no offline index, and after the first build Pagefind
 * runs behind the reload, so a save shows at once and search catches up a moment later.
 */

import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { codeVersion } from "../build/code-version.ts";
import { writeOfflineZip } from "../build/offline-zip.ts";
import type { WrittenPage } from "../build/one-page-build.ts";
import { fingerprintPages, reuseOrMake } from "../build/output-cache.ts";
import { writeSiteMeta } from "../build/site-meta.ts";
import { copyStaticFiles, fingerprintStaticFiles, listStaticFiles, type StaticFile } from "../build/static-files.ts";
import { timed } from "../build/timing.ts";
import { isMarkdownPath } from "../content/page-url.ts";
import { sitePath } from "../course/course-model.ts";
import { indexedRegionStart } from "../search/page-sections.ts";
import { PagefindStopped, stopPagefind } from "../search/pagefind-index.ts";
import { type IndexRun, PreviewIndex, startSiteIndex } from "../search/pagefind-site.ts";
import { OFFLINE_INDEX_FOLDER, type OfflineIndexer } from "../search/write-offline-index.ts";
import { type BuildContext, type BuiltTemplate, CACHE_DIR } from "./build-context.ts";

/** A page, from the Markdown file `source` (none for an HTML file copied from the course), and whether search indexes it. */
const writtenPage = (html: string, source: string | undefined): WrittenPage => ({
  source,
  hash: createHash("sha1").update(html).digest("hex"),
  searchable: indexedRegionStart(html) >= 0,
});

/**
 * The HTML pages of the site, by site path: those Eleventy hands over (reading them back
 * from disk took half a second at 1,000 pages), those kept from the last build (in a
 * one-page build) and the HTML files copied from the course.
 */
async function writtenPages(build: BuildContext, results: readonly BuiltTemplate[], statics: readonly StaticFile[]): Promise<Map<string, WrittenPage>> {
  const pages = new Map<string, WrittenPage>();
  for (const r of results)
    if (typeof r.outputPath === "string" && r.outputPath.endsWith(".html") && typeof r.content === "string")
      pages.set(sitePath(build.outputDir, r.outputPath), writtenPage(r.content, r.inputPath ? resolve(r.inputPath) : undefined));
  for (const [path, page] of build.kept ?? []) if (!pages.has(path)) pages.set(path, page);
  for (const file of statics) if (file.sitePath.endsWith(".html")) pages.set(file.sitePath, writtenPage(await readFile(file.source, "utf8"), undefined));
  return pages;
}

/** The pages with the keys the offline index knows them by (see `pageKey`), for the next build's record. */
async function withOfflineKeys(
  written: Promise<ReadonlyMap<string, WrittenPage>>,
  indexed: Promise<void>,
  indexer: OfflineIndexer | undefined,
): Promise<ReadonlyMap<string, WrittenPage>> {
  const [pages] = await Promise.all([written, indexed]);
  const keys = indexer?.keys();
  return new Map([...pages].map(([path, page]) => [path, { ...page, offlineKey: keys?.get(path) ?? page.offlineKey }]));
}

/** The searchable pages among `written`, with their hashes. */
const searchable = (written: ReadonlyMap<string, WrittenPage>): Map<string, string> =>
  new Map([...written].flatMap(([path, page]) => (page.searchable ? [[path, page.hash] as const] : [])));

/** What both search indexes depend on besides the pages. */
const indexBase = (build: BuildContext): string => `${codeVersion(build.projectRoot)}|${build.config.language}`;

/** Where the Pagefind index's parts are kept for the next build. */
const PAGEFIND_CACHE = join(CACHE_DIR, "pagefind");

/**
 * The offline zip of the site (the pages, the offline index and the course's files, known
 * by the pages' fingerprint and the files' sizes and times, so that none is read to tell
 * whether the last zip will do; and the pages by their hashes and the course's files by size
 * and time, so that the entry of one unchanged is taken over from the last zip unread).
 */
async function offlineZip(
  outputDir: string,
  zipName: string,
  pages: Promise<string>,
  statics: Promise<readonly StaticFile[]>,
  written: Promise<ReadonlyMap<string, WrittenPage>>,
): Promise<void> {
  const [fingerprint, listed, hashes] = await Promise.all([pages, statics, written]);
  // A copy of a course file is known by its size and time, as the fingerprint knows it (the
  // copy keeps the source's time); any label that changes with the bytes will do.
  const copied = new Map(listed.map((f) => [f.sitePath, `copy:${f.stats.size}:${f.stats.mtimeMs}`]));
  await timed("zip", () =>
    writeOfflineZip(outputDir, zipName, join(CACHE_DIR, "offline-zip"), {
      fingerprint: `${fingerprint}|${fingerprintStaticFiles(listed)}`,
      covers: (path) => path.endsWith(".html") || path.startsWith(`${OFFLINE_INDEX_FOLDER}/`) || copied.has(path),
      digest: (path) => copied.get(path) ?? hashes.get(path)?.hash,
    }),
  );
}

/**
 * A build's last steps, the zip (once the offline index is written) beside the rest of
 * Pagefind's run, which need only the written site. Made out here, not in the handler below: a function made there would keep
 * its variables, every page's HTML among them, alive for as long as the build command holds it.
 */
function lastStepsOf(
  build: BuildContext,
  pages: Promise<string>,
  statics: Promise<readonly StaticFile[]>,
  written: Promise<ReadonlyMap<string, WrittenPage>>,
  index: Promise<IndexRun>,
  offlineIndexed: Promise<void>,
): () => Promise<void> {
  const { outputDir, offlineZip: zipName } = build;
  return async () => {
    const run = await index;
    run.widen();
    await Promise.all([timed("pagefind", () => run.done), offlineIndexed.then(() => offlineZip(outputDir, zipName, pages, statics, written))]);
  };
}

/** How long after a preview build Pagefind starts (see below). */
const AFTER_RELOAD_MS = 300;

export function finishPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  // A page a one-page build kept, which Eleventy renders after all, is written as a file of
  // its own: its link to the last build's file goes first, so the write cannot reach that file.
  if (build.kept)
    eleventyConfig.addTransform("coursesite-unlink-kept", function (this: { page: { outputPath: string | false } }, content: string) {
      const outputPath = this.page.outputPath;
      if (typeof outputPath === "string" && build.kept?.has(sitePath(build.outputDir, outputPath))) rmSync(outputPath, { force: true });
      return content;
    });
  // The course's own files (a figure saved in preview) are watched as well as its pages.
  for (const folder of [build.inputDir, ...build.mounts.map((m) => m.from)]) eleventyConfig.addWatchTarget(relative(process.cwd(), folder));
  let previewIndexing: Promise<void> | undefined;
  /** In preview: the Pagefind index, made by the first build, and the pages written since its last run. */
  let preview: PreviewIndex | undefined;
  const unindexed: Promise<Map<string, WrittenPage>>[] = [];
  /** In preview, whether a Pagefind run is waiting for the one running. */
  let indexQueued = false;
  // In preview, the files saved since the last build: a save of Markdown alone copies no
  // course file (checking 1,000 figures took 0.3 s of every save).
  let saved: readonly string[] | undefined;
  /** In preview, how many saves have started a build: a run waiting to start after a reload gives way to a newer one. */
  let saves = 0;
  eleventyConfig.on("eleventy.beforeWatch", (files: readonly string[]) => {
    saved = files;
    saves++;
    // A Pagefind run behind the last reload is indexing pages this save makes out of date,
    // and would take the CPU the rebuild needs: it is stopped, and runs again after it.
    stopPagefind();
  });
  eleventyConfig.on("eleventy.after", async ({ results }: { results?: readonly BuiltTemplate[] }) => {
    const markdownOnly = build.serving && saved?.every((file) => isMarkdownPath(file)) === true;
    saved = undefined;
    const indexer = build.run.offlineIndexer;
    build.run.offlineIndexer = undefined;
    // The pages a one-page build kept were never rendered: the offline index takes them
    // by the key it knew them by, or reads them.
    const rendered = new Set((results ?? []).flatMap((r) => (typeof r.outputPath === "string" ? [sitePath(build.outputDir, r.outputPath)] : [])));
    build.run.renderedPages = rendered;
    for (const [path, page] of build.kept ?? [])
      if (!rendered.has(path)) indexer?.keep(path, page.offlineKey, () => readFileSync(join(build.outputDir, path), "utf8"));
    // The course's own files are listed (with size and time) before they are copied, so the
    // fingerprints below need not wait for the copies, nor read them.
    const statics = markdownOnly ? Promise.resolve([]) : listStaticFiles(build);
    const files = statics.then((listed) => timed("static files", () => copyStaticFiles(listed, build.outputDir, build.previousOutput)));
    const meta = timed("sitemap", () => {
      const model = build.run.model;
      const base = build.config.url ? `${build.config.url.replace(/\/+$/, "")}/` : undefined;
      const pages = [...(model?.pages.values() ?? [])]
        .filter((p) => p.url !== "404.html")
        .map((p) => ({ url: p.url, lastModified: build.run.git?.lastChanged.get(p.sourceFile) }));
      return writeSiteMeta(build.outputDir, base, pages);
    });
    // Both indexes are made from the site's HTML alone: when none changed, the last ones are
    // reused (Pagefind's part by part).
    const written = statics.then((listed) => timed("fingerprint pages", () => writtenPages(build, results ?? [], listed)));
    const offlineIndex = (pages: Promise<string>): Promise<void> =>
      timed("offline index", async () => {
        const made = await reuseOrMake(join(build.outputDir, OFFLINE_INDEX_FOLDER), join(CACHE_DIR, "offline-index"), await pages, async () => {
          await indexer?.finish(build.outputDir);
        });
        if (made === "reused") await indexer?.abandon();
      });
    if (build.serving) {
      // The first build waits for Pagefind (reused when the pages are the same as last time),
      // so search works once the server is up. After a save some page has changed: Pagefind
      // runs behind the reload, one run at a time and at low priority, so the browser comes
      // first (and a next save stops it, above). The caches are saved after each run that
      // finished. (The preview has no offline index: see search-plugin.ts.)
      const first = preview === undefined;
      preview ??= new PreviewIndex(build.outputDir, build.config.language, PAGEFIND_CACHE);
      const index = preview;
      unindexed.push(written);
      /** Takes in the pages written since the last run. */
      const takeIn = async (): Promise<void> => {
        for (const pages of unindexed.splice(0))
          index.update(new Map([...(await pages)].map(([path, page]) => [path, page.searchable ? page.hash : undefined])));
      };
      if (first || !indexQueued) {
        indexQueued = !first;
        const run = first
          ? async (): Promise<void> => {
              await takeIn();
              await timed("pagefind", () => index.first(indexBase(build)));
            }
          : async (): Promise<void> => {
              indexQueued = false;
              const save = saves;
              // Started once the browser has fetched the reloaded page from this process:
              // starting a process from one this large holds it for 30–60 ms.
              await new Promise((resolve) => setTimeout(resolve, AFTER_RELOAD_MS));
              if (save !== saves) throw new PagefindStopped("a newer save is building");
              await takeIn();
              await timed("pagefind", () => index.again(indexBase(build), () => save === saves));
            };
        const indexed = (previewIndexing ?? Promise.resolve()).then(run).then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof PagefindStopped)) console.error(`The search index was not updated: ${String(error)}`);
            return false;
          },
        );
        previewIndexing = indexed
          .then((finished) => (finished ? build.run.saveCaches?.() : undefined))
          .catch((error: unknown) => console.error(`The build caches were not saved: ${String(error)}`));
        if (first) await indexed;
      }
      await Promise.all([files, meta]);
      return;
    }
    const pages = written.then((w) => `${indexBase(build)}|${fingerprintPages([...w].map(([path, page]) => [path, page.hash]))}`);
    // Pagefind starts at once, a part of the index at a time; the zip is left for the build
    // command, which runs it once Eleventy has returned and its memory is released (see lib/cli/build.ts).
    const index = written.then((w) => startSiteIndex(build.outputDir, build.config.language, { pages: searchable(w), base: indexBase(build) }, PAGEFIND_CACHE));
    // (Set now, not once Pagefind has started: a build that fails before, say copying a
    // file, must not leave it to start later and write into the folder being removed.)
    // The offline index is written by its worker while the pages are checked and Eleventy lets
    // go of them; the zip, which holds it, waits for it.
    const indexed = offlineIndex(pages);
    build.run.stopLastSteps = async () => {
      await Promise.all([index.then((run) => run.stop()).catch(() => undefined), indexer?.abandon()]);
      await indexed.catch(() => undefined);
    };
    build.run.lastSteps = lastStepsOf(build, pages, statics, written, index, indexed);
    build.run.writtenPages = withOfflineKeys(written, indexed, indexer);
    // (Awaited by the last steps and the build command; until then a failure must not go unhandled.)
    for (const later of [indexed, build.run.writtenPages]) later.catch(() => undefined);
    await Promise.all([meta, files, index, build.run.saveCaches?.()]);
  });
}
