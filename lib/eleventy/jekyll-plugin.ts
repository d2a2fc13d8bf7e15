/**
 * Eleventy plugin, for courses written for Jekyll (those with a `_config.yml`): the Liquid
 * their pages use is expanded before Markdown is read (see liquid-lite.ts).
 */

import { join, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { expandLiquid } from "../content/liquid-lite.ts";
import type { BuildContext } from "./build-context.ts";
import { lineOffsetOf } from "./course-data.ts";

interface PreprocessorData {
  readonly page: { readonly inputPath: string; readonly rawInput?: unknown };
}

export function jekyllPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  if (build.format !== "jekyll") return;
  const includesDir = join(build.inputDir, "_includes");
  eleventyConfig.addPreprocessor("jekyll-liquid", "md", (data: PreprocessorData, content: string) => {
    if (!content.includes("{%") && !content.includes("{{")) return content;
    const sourceFile = resolve(data.page.inputPath);
    const file = build.displayPath(sourceFile);
    const offset = lineOffsetOf(sourceFile, content, build);
    return expandLiquid(content, { includesDir, report: (line, message) => build.diagnostics.error(file, line + offset, message) });
  });
}
