/** Eleventy plugin: after every build (and every rebuild in preview), the search index is written beside the pages. */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { writePagefindIndex } from "../search/pagefind-index.ts";
import type { BuildContext } from "./build-context.ts";

export function searchPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.after", async () => {
    await writePagefindIndex(build.outputDir, build.config.language);
  });
}
