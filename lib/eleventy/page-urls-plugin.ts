/**
 * Eleventy plugin: pages are written where the URL rule says (source path with `.md`
 * → `.html`, or the page's own permalink), and files the course keeps private
 * (`_folders`, dotfiles, the settings file) are not pages.
 */

import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { NavSpec } from "../config/mkdocs-config.ts";
import { CONFIG_FILE } from "../config/site-config.ts";
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

/** Every section of a navigation that has no page of its own. */
function virtualSections(nav: readonly NavSpec[]): NavSpec[] {
  return nav.flatMap((entry) => [...(entry.virtual ? [entry] : []), ...virtualSections(entry.children)]);
}

/** The page shown for a missing address, unless the course has its own 404.md. */
const NOT_FOUND_PAGE = `# Page not found

The page you asked for is not part of this course, or not any more: it may have moved when the
course was reorganised. Start again from the [home page](./), use the search at the top of this
page, or pick a session in the list of pages.
`;

export function pageUrlsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  // Sections of an MkDocs nav without a page of their own get one that lists their pages.
  for (const section of virtualSections(build.mkdocs?.nav ?? [])) {
    eleventyConfig.addTemplate(section.source, `# ${section.title ?? "Section"}\n`, { title: section.title });
  }
  if (!existsSync(join(build.inputDir, "404.md"))) {
    eleventyConfig.addTemplate("404.md", NOT_FOUND_PAGE, { title: "Page not found", nav_exclude: true, search_exclude: true, [SOURCE_PERMALINK]: "404.html" });
  }
  // A function in the data cascade: Eleventy calls it for every page.
  eleventyConfig.addGlobalData("permalink", () => (data: PermalinkData) => {
    const written = data[SOURCE_PERMALINK];
    if (written === false) return false;
    return outputPathFor(coursePath(build.inputDir, resolve(data.page.inputPath)), written, build.mkdocs?.directoryUrls ?? false);
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
  // A change to the settings re-runs this configuration (in preview), which reads them again.
  eleventyConfig.addWatchTarget(join(build.inputDir, CONFIG_FILE), { resetConfig: true });
  // Eleventy matches ignores against paths relative to the working folder.
  const input = relative(process.cwd(), build.inputDir).split(sep).join("/") || ".";
  for (const pattern of ["**/_*/**", "**/_*.md", "**/.*/**", "**/node_modules/**", ...(build.mkdocs?.exclude ?? [])]) {
    eleventyConfig.ignores.add(`${input}/${pattern}`);
  }
}
