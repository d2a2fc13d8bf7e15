/**
 * Eleventy configuration of the benchmark's baseline: Markdown only, as plain as it gets.
 * The corpus names a layout (`layout: default`); the baseline has none, so front matter is
 * read with Eleventy's own YAML parser and that one key dropped.
 */
import { createRequire } from "node:module";
import type UserConfig from "@11ty/eleventy/UserConfig";

const eleventyRequire = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const yaml = eleventyRequire("js-yaml") as { load(text: string): unknown };

export const config = { templateFormats: ["md"], markdownTemplateEngine: false as const };
export default function bare(eleventyConfig: UserConfig): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string) => {
        const data = (yaml.load(text) ?? {}) as Record<string, unknown>;
        delete data.layout;
        return data;
      },
    },
  });
}
