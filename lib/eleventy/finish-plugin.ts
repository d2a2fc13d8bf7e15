/**
 * Eleventy plugin: what is written once every page is: the course's other files, both
 * search indexes and the offline zip. Pagefind (its own process) runs beside the rest;
 * the zip waits for the files and the offline index it contains, not for Pagefind, which
 * it leaves out. Skipped in preview: the zip (nobody downloads from a preview).
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
  eleventyConfig.on("eleventy.after", async () => {
    const indexer = build.run.offlineIndexer;
    build.run.offlineIndexer = undefined;
    const cache = join(build.projectRoot, ".cache/coursesite");
    // Both indexes are made from the pages alone: when no page changed, the last ones are reused.
    const pages = timed("fingerprint pages", async () => `${build.config.language}|${await fingerprintFiles(build.outputDir, (p) => p.endsWith(".html"))}`);
    const pagefind = timed("pagefind", async () => {
      await reuseOrMake(join(build.outputDir, "pagefind"), join(cache, "pagefind"), await pages, () =>
        writePagefindIndex(build.outputDir, build.config.language),
      );
    });
    const rest = (async () => {
      await timed("static files", () => copyStaticFiles(build));
      await timed("offline index", async () => {
        const made = await reuseOrMake(join(build.outputDir, OFFLINE_INDEX_FOLDER), join(cache, "offline-index"), await pages, async () => {
          await indexer?.finish(build.outputDir);
        });
        if (made === "reused") await indexer?.abandon();
      });
      if (!build.serving)
        await timed("zip", () => writeOfflineZip(build.outputDir, build.offlineZip, join(build.projectRoot, ".cache/coursesite/offline-zip")));
    })();
    const meta = timed("sitemap", () => {
      const model = build.run.model;
      const base = build.config.url ? `${build.config.url.replace(/\/+$/, "")}/` : undefined;
      const pages = [...(model?.pages.values() ?? [])]
        .filter((p) => p.url !== "404.html")
        .map((p) => ({ url: p.url, lastModified: build.run.git?.lastChanged.get(p.sourceFile) }));
      return writeSiteMeta(build.outputDir, base, pages);
    });
    await Promise.all([pagefind, rest, meta]);
  });
}
