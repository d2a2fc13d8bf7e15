/**
 * Eleventy configuration of the benchmark's baseline: Markdown only, as plain as it gets.
 * The corpus names a layout (`layout: default`); the baseline has none, so front matter is
 * read with Eleventy's own YAML parser and that one key dropped.
 */
import { createRequire } from "node:module";

const eleventyRequire = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const yaml = eleventyRequire("js-yaml");

export const config = { templateFormats: ["md"], markdownTemplateEngine: false };

/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function bare(eleventyConfig) {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text) => {
        const data = yaml.load(text) ?? {};
        delete data.layout;
        return data;
      },
    },
  });
}
