/**
 * Eleventy plugin: Markdown pages render through our markdown-it setup. Code is
 * highlighted before rendering starts: the cached blocks are looked up and the others
 * highlighted in worker threads while Eleventy reads the course; the cache is saved
 * after the build, so the next one highlights only what changed.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { timed } from "../build/timing.ts";
import { isPublishable } from "../content/site-map.ts";
import { cachedHighlighter } from "../markdown/cached-highlighter.ts";
import { createCodeHighlighter, fenceLanguages } from "../markdown/code-highlighter.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { HighlightCache } from "../markdown/highlight-cache.ts";
import { prehighlight } from "../markdown/prehighlight.ts";
import { type BuildContext, CACHE_DIR } from "./build-context.ts";
import { renderContextOf } from "./course-data.ts";
import { memoizeRender } from "./render-memo.ts";

/** Every publishable Markdown file under a folder (absolute paths, sorted). */
export function markdownSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => /\.(md|markdown)$/i.test(rel) && isPublishable(rel))
    .sort()
    .map((rel) => join(dir, rel));
}

export async function markdownPlugin(eleventyConfig: UserConfig, build: BuildContext): Promise<void> {
  const cacheFile = join(CACHE_DIR, "highlight.json");
  const cache = HighlightCache.load(cacheFile);
  const highlighter = cachedHighlighter(await timed("shiki setup", () => createCodeHighlighter()), cache);
  const md = createMarkdown({ highlighter, contextOf: (env) => renderContextOf(env, build) });
  const memo = memoizeRender(md, build, join(CACHE_DIR, "rendered"));
  build.run.markdownRendered = memo.rendered;
  eleventyConfig.setLibrary("md", md);

  let prepared: Promise<void> = Promise.resolve();
  eleventyConfig.on("eleventy.before", async () => {
    cache.startBuild();
    memo.startBuild();
    highlighter.thaw();
    const files = markdownSources(build.inputDir);
    const texts = files.map((file) => readFileSync(file, "utf8"));
    build.run.sourceTexts = new Map(files.map((file, i) => [file, texts[i] ?? ""]));
    // Highlighting runs while Eleventy reads the course; rendering waits for it (below).
    prepared = timed("prehighlight", () => prehighlight(files, texts, build.inputDir, cache, build.mkdocs ? [build.mkdocs.baseDir] : []));
    prepared.catch(() => undefined);
    const languages = new Set<string>();
    for (const text of texts) for (const lang of fenceLanguages(text)) languages.add(lang);
    await highlighter.ensureLanguages(languages);
  });
  // Emitted after the data is read and before any page renders.
  eleventyConfig.on("eleventy.contentMap", async () => {
    await timed("wait for prehighlight", () => prepared);
    build.run.codeStyles = cache.usedStyles();
    highlighter.freeze(Object.keys(build.run.codeStyles));
  });
  // The caches are written later (tens of MB of JSON, a second at 1,000 modules, on this
  // thread): finish-plugin.ts calls saveCaches beside the offline index and the zip, and in
  // preview after the reload, so the page does not wait for them.
  build.run.saveCaches = () =>
    timed("save caches", () => {
      cache.save(cacheFile);
      memo.save();
    });
}
