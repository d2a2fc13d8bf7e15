/**
 * Eleventy plugin: Markdown pages render through our markdown-it setup. Before each
 * build, the fence languages the course uses are loaded into Shiki (markdown-it
 * renders synchronously, so they must be ready before the first page).
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { isPublishable } from "../content/site-map.ts";
import { createCodeHighlighter, fenceLanguages } from "../markdown/code-highlighter.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import type { BuildContext } from "./build-context.ts";
import { renderContextOf } from "./course-data.ts";

/** Every publishable Markdown file under a folder (absolute paths, sorted). */
export function markdownSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => /\.(md|markdown)$/i.test(rel) && isPublishable(rel))
    .sort()
    .map((rel) => join(dir, rel));
}

export async function markdownPlugin(eleventyConfig: UserConfig, build: BuildContext): Promise<void> {
  const highlighter = await createCodeHighlighter();
  const md = createMarkdown({ highlighter, contextOf: (env) => renderContextOf(env, build) });
  eleventyConfig.setLibrary("md", md);
  eleventyConfig.on("eleventy.before", async () => {
    const languages = new Set<string>();
    for (const file of markdownSources(build.inputDir)) {
      for (const lang of fenceLanguages(readFileSync(file, "utf8"))) languages.add(lang);
    }
    await highlighter.ensureLanguages(languages);
  });
}
