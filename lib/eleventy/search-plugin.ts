/**
 * Eleventy plugin: the offline search index is built by a worker thread from the pages
 * as they render (each page's Markdown as soon as it is rendered, and a transform hands
 * over what the layout put around it); finish-plugin.ts writes it, and runs
 * Pagefind, once every page is written. The preview has no offline index: it is served
 * over HTTP, where search asks Pagefind, and indexing every page on every save would
 * take the time the reload needs.
 */

import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { codeVersion } from "../build/code-version.ts";
import { sitePath } from "../course/course-model.ts";
import { startOfflineIndexer } from "../search/write-offline-index.ts";
import { type BuildContext, CACHE_DIR } from "./build-context.ts";
import { BUILD_FAILED_EVENT } from "./diagnostics-plugin.ts";

export function searchPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  if (build.serving) return;
  eleventyConfig.on("eleventy.before", () => {
    const indexer = startOfflineIndexer({ file: join(CACHE_DIR, "offline-index-pages.v8"), version: codeVersion(build.projectRoot) });
    build.run.offlineIndexer = indexer;
    // Eleventy renders every page's Markdown before it lays out the first: the worker reads
    // it meanwhile, on the core the rendering leaves idle.
    build.run.renderedAnew = (url, html) => indexer.early(url, html);
  });
  eleventyConfig.addTransform("coursesite-search", function (this: { page: { outputPath: string | false } }, content: string) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath === "string" && outputPath.endsWith(".html"))
      build.run.offlineIndexer?.add({ url: sitePath(build.outputDir, outputPath), html: content }, (build.run.markdownRendered?.() ?? 1) > 0);
    return content;
  });
  eleventyConfig.on(BUILD_FAILED_EVENT, async () => {
    await build.run.offlineIndexer?.abandon();
  });
}
