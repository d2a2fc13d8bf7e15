/**
 * Eleventy plugin: Markdown pages render through our markdown-it setup. Code is
 * highlighted before rendering starts: the cached blocks are looked up and the others
 * highlighted in worker threads while Eleventy reads the course; the cache is saved
 * after the build, so the next one highlights only what changed.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { MarkdownIt } from "markdown-it";
import type { SourceTexts } from "../build/one-page-build.ts";
import { timed } from "../build/timing.ts";
import { isPublishable } from "../content/site-map.ts";
import { type CachedHighlighter, cachedHighlighter } from "../markdown/cached-highlighter.ts";
import { fenceLanguages } from "../markdown/code-highlighter.ts";
import { fileId, HighlightCache } from "../markdown/highlight-cache.ts";
import { type MarkdownSource, prehighlight } from "../markdown/prehighlight.ts";
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

interface SourceFacts extends MarkdownSource {
  readonly languages: ReadonlySet<string>;
}

const factsOf = (file: string, text: string): SourceFacts => ({ file, text, id: fileId(text), languages: fenceLanguages(text) });

/**
 * Every Markdown file of the course with its text, and what is known of it. A file whose text
 * is the one `last` read keeps its facts: a save in preview changes one file, and hashing and
 * scanning the other 999 again took 40 ms of it at 1,000 pages. For a one-page preview build
 * (`saved`: the file list is the same and no other text changed, see incremental-plugin.ts)
 * only that file is read, as Eleventy reads only its template. `read`: texts the build
 * command read just before (to tell whether a build is of one page).
 */
function readSources(dir: string, last: ReadonlyMap<string, SourceFacts>, saved?: string, read?: SourceTexts): Map<string, SourceFacts> {
  if (saved && last.has(saved)) return new Map(last).set(saved, factsOf(saved, readFileSync(saved, "utf8")));
  const sources = new Map<string, SourceFacts>();
  for (const file of markdownSources(dir)) {
    const text = read?.get(file) ?? readFileSync(file, "utf8");
    const known = last.get(file);
    sources.set(file, known?.text === text ? known : factsOf(file, text));
  }
  return sources;
}

export function markdownPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  const cacheFile = join(CACHE_DIR, "highlight.json");
  const cache = HighlightCache.load(cacheFile);
  // The languages the course uses, and the token classes of the stylesheet once it is written.
  let languages = new Set<string>();
  let frozen: string[] | undefined;
  let highlighter: CachedHighlighter | undefined;
  // Set up when a first page has to render (see render-memo.ts): imported here, not above, so
  // that a build whose pages are all reused loads neither Shiki nor markdown-it's plugins.
  const load = async (): Promise<MarkdownIt> => {
    const [{ createCodeHighlighter }, { createMarkdown }] = await Promise.all([
      import("../markdown/shiki-highlighter.ts"),
      import("../markdown/create-markdown.ts"),
    ]);
    const made = cachedHighlighter(await timed("shiki setup", () => createCodeHighlighter()), cache);
    await made.ensureLanguages(languages);
    if (frozen) made.freeze(frozen);
    highlighter = made;
    return createMarkdown({ highlighter: made, contextOf: (env) => renderContextOf(env, build) });
  };
  const memo = memoizeRender(load, build, join(CACHE_DIR, "rendered"));
  build.run.markdownRendered = memo.rendered;
  eleventyConfig.setLibrary("md", memo.library);

  let prepared: Promise<void> = Promise.resolve();
  let sources = new Map<string, SourceFacts>();
  /**
   * Whether every page of the build has used (or reported again from) the caches. Both keep
   * only what the last build used: saved halfway through a preview build (the last build's
   * save comes after its Pagefind run, which can end during the next one), they lost the
   * pages that build had not reached yet, and those pages' reports.
   */
  let complete = false;
  eleventyConfig.on("eleventy.before", async () => {
    complete = false;
    cache.startBuild();
    memo.startBuild();
    frozen = undefined;
    highlighter?.thaw();
    sources = readSources(build.inputDir, sources, build.run.incremental ? build.run.savedPage : undefined, build.sourceTexts);
    build.run.sourceTexts = new Map([...sources.values()].map((s) => [s.file, s.text]));
    // Highlighting runs while Eleventy reads the course; rendering waits for it (below).
    prepared = timed("prehighlight", () => prehighlight([...sources.values()], build.inputDir, cache, build.mkdocs ? [build.mkdocs.baseDir] : []));
    prepared.catch(() => undefined);
    languages = new Set<string>();
    for (const source of sources.values()) for (const lang of source.languages) languages.add(lang);
    await highlighter?.ensureLanguages(languages);
  });
  // Emitted after the data is read and before any page renders.
  eleventyConfig.on("eleventy.contentMap", async () => {
    await timed("wait for prehighlight", () => prepared);
    build.run.codeStyles = cache.usedStyles();
    frozen = Object.keys(build.run.codeStyles);
    highlighter?.freeze(frozen);
  });
  // After a build that rendered only the saved page, the others report again what they did.
  // (Before finish-plugin.ts's handler, which saves the caches: plugins are called in the
  // order .eleventy.ts adds them.)
  eleventyConfig.on("eleventy.after", () => {
    if (build.run.incremental) build.run.unreported = memo.replay([...(build.run.model?.pages.values() ?? [])].map((p) => p.sourceFile));
    complete = true;
  });
  // The caches are written later (tens of MB of JSON, a second at 1,000 modules, on this
  // thread): finish-plugin.ts calls saveCaches beside the offline index and the zip, and in
  // preview after the reload, so the page does not wait for them.
  // (Not while a build is under way: that build saves them once it is done.)
  build.run.saveCaches = async () => {
    if (!complete) return;
    await timed("save caches", () => {
      cache.save(cacheFile);
      memo.save();
    });
  };
}
