/**
 * Eleventy plugin: pages are written where the URL rule says (source path with `.md`
 * → `.html`, or the page's own permalink), and files the course keeps private
 * (`_folders`, dotfiles, the settings file) are not pages.
 */

import { relative, resolve, sep } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { SOURCE_PERMALINK } from "../content/front-matter.ts";
import { outputPathFor } from "../content/page-url.ts";
import { coursePath } from "../course/course-model.ts";
import type { BuildContext } from "./build-context.ts";

interface PermalinkData {
  readonly page: { readonly inputPath: string };
  readonly [SOURCE_PERMALINK]?: string | false;
}

/** Input paths grouped by the URL they are written to. */
export function pagesByUrl(inputPathToUrl: Record<string, string[]>): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  for (const [inputPath, urls] of Object.entries(inputPathToUrl ?? {})) {
    for (const url of urls) byUrl.set(url, [...(byUrl.get(url) ?? []), inputPath].sort());
  }
  return byUrl;
}

export function pageUrlsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  // A function in the data cascade: Eleventy calls it for every page.
  eleventyConfig.addGlobalData("permalink", () => (data: PermalinkData) => {
    const written = data[SOURCE_PERMALINK];
    if (written === false) return false;
    return outputPathFor(coursePath(build.inputDir, resolve(data.page.inputPath)), written);
  });
  // Two pages written to one file: say which, in our words, before Eleventy stops the build.
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }: { inputPathToUrl: Record<string, string[]> }) => {
    for (const [url, inputs] of pagesByUrl(inputPathToUrl)) {
      if (inputs.length < 2) continue;
      const [first, ...others] = inputs.map((p) => build.displayPath(resolve(p)));
      build.diagnostics.error(
        first,
        undefined,
        `this page and ${others.join(" and ")} are all written to ${url.replace(/^\//, "") || "index.html"}. Give all but one of them another \`permalink\`, or rename the file.`,
      );
    }
  });
  // Eleventy matches ignores against paths relative to the working folder.
  const input = relative(process.cwd(), build.inputDir).split(sep).join("/") || ".";
  for (const pattern of ["**/_*/**", "**/_*.md", "**/.*/**", "**/node_modules/**"]) {
    eleventyConfig.ignores.add(`${input}/${pattern}`);
  }
}
