/** Eleventy plugin: after the pages, files and search indexes are written, the site is zipped for offline reading. */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { writeOfflineZip } from "../build/offline-zip.ts";
import type { BuildContext } from "./build-context.ts";

export function offlineCopyPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.after", async () => {
    await writeOfflineZip(build.outputDir, build.offlineZip);
  });
}
