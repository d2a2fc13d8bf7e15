/** Eleventy plugin: after the pages, files and search indexes are written, the site is zipped for offline reading. */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { writeOfflineZip } from "../build/offline-zip.ts";
import type { BuildContext } from "./build-context.ts";

export function offlineCopyPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  // Not in preview: rebuilds there must stay fast, and nobody downloads from a preview.
  if (build.serving) return;
  eleventyConfig.on("eleventy.after", async () => {
    await writeOfflineZip(build.outputDir, build.offlineZip);
  });
}
