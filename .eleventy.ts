/**
 * Eleventy configuration of coursesite: one plugin per concern. The build command
 * (lib/cli/build.ts) chooses the course folder and the output folder and calls this
 * itself, rather than Eleventy importing it: the whole build then runs from one
 * JavaScript bundle (lib/cli/run.mjs), with no TypeScript loader.
 */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { type BuildContext, createBuildContext, type RunMode } from "./lib/eleventy/build-context.ts";
import { clientAssetsPlugin } from "./lib/eleventy/client-assets-plugin.ts";
import { diagnosticsPlugin } from "./lib/eleventy/diagnostics-plugin.ts";
import { finishPlugin } from "./lib/eleventy/finish-plugin.ts";
import { frontMatterPlugin } from "./lib/eleventy/front-matter-plugin.ts";
import { incrementalPlugin } from "./lib/eleventy/incremental-plugin.ts";
import { jekyllPlugin } from "./lib/eleventy/jekyll-plugin.ts";
import { LAYOUTS_DIR, layoutPlugin } from "./lib/eleventy/layout-plugin.ts";
import { linkCheckPlugin } from "./lib/eleventy/link-check-plugin.ts";
import { markdownPlugin } from "./lib/eleventy/markdown-plugin.ts";
import { pageUrlsPlugin } from "./lib/eleventy/page-urls-plugin.ts";
import { searchPlugin } from "./lib/eleventy/search-plugin.ts";

/** Configures Eleventy for a build or the live preview (`npm start`); returns what the plugins share. */
export default function coursesite(eleventyConfig: UserConfig, mode: RunMode): BuildContext {
  const { input, output } = eleventyConfig.directories as { input: string; output: string };
  const build = createBuildContext(input, output, mode);
  eleventyConfig.setTemplateFormats(["md"]);
  // Markdown is not run through a template language first: code in a course
  // (GitHub Actions' `${{ … }}`, Jinja) must stay exactly as written. (Eleventy's
  // `markdownTemplateEngine` is set only from a configuration file, which we do not use.)
  eleventyConfig.addGlobalData("templateEngineOverride", "md");
  // Eleventy allows setting folders here, not in a plugin.
  eleventyConfig.setLayoutsDirectory(LAYOUTS_DIR);
  // Preview: a saved file is complete sooner than Eleventy's default 150 ms of watching it
  // settle (editors write a file at once; one written more slowly builds again when it ends).
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 10 } });

  eleventyConfig.addPlugin(frontMatterPlugin, build);
  eleventyConfig.addPlugin(pageUrlsPlugin, build);
  eleventyConfig.addPlugin(jekyllPlugin, build);
  eleventyConfig.addPlugin(markdownPlugin, build);
  eleventyConfig.addPlugin(layoutPlugin, build);
  eleventyConfig.addPlugin(clientAssetsPlugin, build);
  eleventyConfig.addPlugin(searchPlugin, build);
  eleventyConfig.addPlugin(incrementalPlugin, build);
  // After the pages, in this order: other files, search indexes and zip; links; the report.
  eleventyConfig.setEventEmitterMode("sequential");
  eleventyConfig.addPlugin(finishPlugin, build);
  eleventyConfig.addPlugin(linkCheckPlugin, build);
  // Last: it reports what every part above found.
  eleventyConfig.addPlugin(diagnosticsPlugin, build);
  return build;
}
