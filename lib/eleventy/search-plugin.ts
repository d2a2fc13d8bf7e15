/**
 * Eleventy plugin: after every build (and every rebuild in preview), both search indexes
 * are written beside the pages, at the same time: Pagefind's (a separate process) for the
 * served site, and the offline index (scripts) for reading from disk.
 */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { sitePath } from "../course/course-model.ts";
import { writePagefindIndex } from "../search/pagefind-index.ts";
import { type BuiltPage, writeOfflineIndex } from "../search/write-offline-index.ts";
import type { BuildContext } from "./build-context.ts";

interface BuildResult {
  readonly outputPath?: string | false;
  readonly content?: string;
}

export function searchPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.after", async ({ results }: { results?: readonly BuildResult[] }) => {
    const pages: BuiltPage[] = (results ?? [])
      .filter(
        (r): r is BuildResult & { outputPath: string; content: string } =>
          typeof r.outputPath === "string" && r.outputPath.endsWith(".html") && typeof r.content === "string",
      )
      .map((r) => ({ url: sitePath(build.outputDir, r.outputPath), html: r.content }));
    await Promise.all([writePagefindIndex(build.outputDir, build.config.language), writeOfflineIndex(build.outputDir, pages)]);
  });
}
