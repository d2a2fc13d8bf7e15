/**
 * Eleventy plugin: what is written once every page is: the course's other files, both
 * search indexes and the offline zip. Pagefind (its own process) runs beside the rest.
 * In preview there is no zip, and after the first build the indexes are made behind
 * the reload, so a save shows at once and search catches up a moment later.
 */

import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { writeOfflineZip } from "../build/offline-zip.ts";
import { fingerprintFiles, reuseOrMake } from "../build/output-cache.ts";
import { writeSiteMeta } from "../build/site-meta.ts";
import { copyStaticFiles } from "../build/static-files.ts";
import { timed } from "../build/timing.ts";
import { writePagefindIndex } from "../search/pagefind-index.ts";
import { OFFLINE_INDEX_FOLDER } from "../search/write-offline-index.ts";
import type { BuildContext } from "./build-context.ts";

export function finishPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  for (const mount of build.mounts) eleventyConfig.addWatchTarget(mount.from);
  let previewIndexing: Promise<void> | undefined;
  eleventyConfig.on("eleventy.after", async () => {
    const indexer = build.run.offlineIndexer;
    build.run.offlineIndexer = undefined;
    const cache = join(build.projectRoot, ".cache/coursesite");
    const files = timed("static files", () => copyStaticFiles(build));
    const meta = timed("sitemap", () => {
      const model = build.run.model;
      const base = build.config.url ? `${build.config.url.replace(/\/+$/, "")}/` : undefined;
      const pages = [...(model?.pages.values() ?? [])]
        .filter((p) => p.url !== "404.html")
        .map((p) => ({ url: p.url, lastModified: build.run.git?.lastChanged.get(p.sourceFile) }));
      return writeSiteMeta(build.outputDir, base, pages);
    });
    // Both indexes are made from the pages alone: when no page changed, the last ones are reused.
    const indexes = (): { pagefind: Promise<void>; offline: Promise<void> } => {
      const pages = timed("fingerprint pages", async () => `${build.config.language}|${await fingerprintFiles(build.outputDir, (p) => p.endsWith(".html"))}`);
      const pagefind = timed("pagefind", async () => {
        await reuseOrMake(join(build.outputDir, "pagefind"), join(cache, "pagefind"), await pages, () =>
          writePagefindIndex(build.outputDir, build.config.language),
        );
      });
      const offline = timed("offline index", async () => {
        const made = await reuseOrMake(join(build.outputDir, OFFLINE_INDEX_FOLDER), join(cache, "offline-index"), await pages, async () => {
          await indexer?.finish(build.outputDir);
        });
        if (made === "reused") await indexer?.abandon();
      });
      return { pagefind, offline };
    };
    if (build.serving) {
      // The first build waits for its indexes, so search works once the server is up; later
      // builds index behind the reload, one run at a time.
      const first = previewIndexing === undefined;
      previewIndexing = (previewIndexing ?? Promise.resolve())
        .then(() => Promise.all(Object.values(indexes())))
        .then(
          () => undefined,
          (error: unknown) => console.error(`The search index was not updated: ${String(error)}`),
        );
      await Promise.all([files, meta, first ? previewIndexing : undefined]);
      return;
    }
    const { pagefind, offline } = indexes();
    // The zip holds the files and the offline index; it leaves Pagefind's out, so does not wait for it.
    const zip = Promise.all([files, offline]).then(() => timed("zip", () => writeOfflineZip(build.outputDir, build.offlineZip, join(cache, "offline-zip"))));
    await Promise.all([meta, pagefind, zip]);
  });
}
