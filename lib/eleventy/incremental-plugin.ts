/**
 * Eleventy plugin, preview only: a save that changes only its page's own prose renders and
 * writes that page alone (Eleventy's incremental build): at 1,000 pages, writing every page
 * again was most of a save's second and a half. A save of its summary (the first paragraph,
 * when the page has no description) renders the page that lists it too, its parent. A
 * change to what other pages show (front matter, the title; see prose-change.ts), a file
 * added or removed, a page that another shows through a snippet, or a file other than a
 * page rebuilds every page, as before. The pages not rendered report again what they
 * reported when they last rendered (markdown-plugin.ts), and the link check reads their ids
 * from the last build (link-check-plugin.ts), so the problems shown stay whole.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { frontMatterBlock } from "../content/front-matter-block.ts";
import { isMarkdownPath } from "../content/page-url.ts";
import { onlyProseChanged } from "../content/prose-change.ts";
import { summaryOf } from "../content/summary.ts";
import type { CoursePage } from "../course/course-model.ts";
import { shownByOthers } from "../markdown/snippets.ts";
import type { BuildContext } from "./build-context.ts";
import { filesUnder } from "./render-memo.ts";

/** The names of the files a page can refer to (those of the render memo's surroundings), to notice one added or removed. */
function fileList(build: BuildContext): string {
  return [build.inputDir, ...build.mounts.map((m) => m.from)].map((folder) => filesUnder(folder).join("\n")).join("\n\n");
}

function textOf(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The saved page as the last build's course model knows it: its page and its place in the navigation. */
function lastModelOf(file: string, build: BuildContext): { page?: CoursePage | undefined; parent?: CoursePage | undefined } {
  const model = build.run.model;
  const url = model?.siteMap.pageOutput(file);
  if (url === undefined) return {};
  return { page: model?.pages.get(url), parent: model?.nav.byUrl.get(url)?.parent?.page };
}

/** Whether the last build described the page otherwise than by its first paragraph (its front matter's description). */
function hasOwnDescription(file: string, text: string, build: BuildContext): boolean {
  const description = lastModelOf(file, build).page?.description;
  return description !== undefined && description !== summaryOf(text.slice(frontMatterBlock(text).length));
}

export function incrementalPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  const setIncremental = build.setIncremental;
  if (!build.serving || !setIncremental) return;
  let files: string | undefined;
  /** Undoes what made the last build render the saved page's parent too. */
  let undo: (() => void) | undefined;
  eleventyConfig.on("eleventy.before", () => {
    files ??= fileList(build);
  });
  eleventyConfig.on("eleventy.beforeWatch", (saved: readonly string[]) => {
    undo?.();
    undo = undefined;
    const [first] = saved;
    const file = saved.length === 1 && first && isMarkdownPath(first) ? resolve(first) : undefined;
    const before = file ? build.run.sourceTexts?.get(file) : undefined;
    const after = file && before !== undefined ? textOf(file) : undefined;
    const now = fileList(build);
    const possible =
      file !== undefined && before !== undefined && after !== undefined && now === files && !shownByOthers(file, build.run.sourceTexts ?? new Map());
    const prose = possible && onlyProseChanged(before, after, hasOwnDescription(file, before, build));
    // Only the summary changed (prose apart from it, when the page has no description): the
    // parent's page, which lists it, renders as well, and the course model is made again.
    const parent = possible && !prose && onlyProseChanged(before, after, true) ? lastModelOf(file, build).parent?.sourceFile : undefined;
    undo = parent && file ? build.renderAlso?.(parent, file) : undefined;
    build.run.summaryChanged = undo !== undefined;
    build.run.incremental = prose || build.run.summaryChanged;
    build.run.savedPage = build.run.incremental ? file : undefined;
    files = now;
    setIncremental(build.run.incremental);
  });
}
