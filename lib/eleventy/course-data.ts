/**
 * The bridge from Eleventy's per-page data to our model: finds the course model and
 * the page's render context in the data Eleventy hands to templates and to markdown-it.
 */

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildCourseModel, type CollectionItem, type CourseModel, courseModelFor, sitePath } from "../course/course-model.ts";
import type { RenderContext } from "../markdown/render-context.ts";
import type { BuildContext } from "./build-context.ts";

/** The part of Eleventy's page data we read. */
export interface EleventyPageData {
  readonly page: { readonly inputPath: string; readonly outputPath: string | false; readonly rawInput?: unknown };
  readonly collections: { readonly all: readonly CollectionItem[] };
  readonly [key: string]: unknown;
}

export function isPageData(value: unknown): value is EleventyPageData {
  const v = value as Partial<EleventyPageData> | undefined;
  return typeof v?.page?.inputPath === "string" && Array.isArray(v?.collections?.all);
}

/**
 * The course model for the build this page belongs to. A preview build of one page's prose
 * (incremental) keeps the last one: such a save changes nothing the model holds (see
 * prose-change.ts), and at 1,000 pages making it again took 40 ms of the save. A save of
 * a summary changes the page's description in it: the model is made again then, from the
 * last one but for that page.
 */
export function modelOf(data: EleventyPageData, build: BuildContext): CourseModel {
  return courseModelFor(data.collections.all, (items) => {
    const { incremental, summaryChanged, model: last, savedPage } = build.run;
    const previous = incremental && last && savedPage ? { model: last, changed: savedPage } : undefined;
    const model =
      previous && !summaryChanged
        ? previous.model
        : buildCourseModel(items, build.inputDir, build.outputDir, build.mounts, build.displayPath, build.config.page_defaults, build.mkdocs?.nav, previous);
    for (const problem of model.nav.problems)
      build.diagnostics.add({ severity: problem.severity, file: problem.source, line: problem.line, message: problem.message });
    build.run.model = model;
    return model;
  });
}

/** The page's site-relative output path. */
export function outputPathOf(data: EleventyPageData, build: BuildContext): string {
  return data.page.outputPath === false ? "" : sitePath(build.outputDir, data.page.outputPath);
}

/** A Markdown file's text as this build read it (from disk if the build did not), or undefined for a virtual page. */
export function sourceTextOf(sourceFile: string, build: BuildContext): string | undefined {
  const known = build.run.sourceTexts?.get(sourceFile);
  if (known !== undefined) return known;
  return existsSync(sourceFile) ? readFileSync(sourceFile, "utf8") : undefined;
}

/** Lines before the Markdown body: the front matter block, if any. */
export function lineOffsetOf(sourceFile: string, body: unknown, build: BuildContext): number {
  const whole = typeof body === "string" ? sourceTextOf(sourceFile, build) : undefined;
  if (whole === undefined || typeof body !== "string") return 0; // virtual pages (the 404 page) have no file
  const head = whole.slice(0, Math.max(0, whole.length - body.length));
  return head.split("\n").length - 1;
}

const contexts = new WeakMap<object, RenderContext>();

/** The render context of the page whose data markdown-it received as `env`. */
export function renderContextOf(env: unknown, build: BuildContext): RenderContext | undefined {
  if (!isPageData(env)) return undefined;
  let context = contexts.get(env);
  if (!context) {
    const sourceFile = resolve(env.page.inputPath);
    const shown = build.displayPath(sourceFile);
    context = {
      sourceFile,
      outputPath: outputPathOf(env, build),
      lineOffset: lineOffsetOf(sourceFile, env.page.rawInput, build),
      site: modelOf(env, build).siteMap,
      snippetDirs: build.mkdocs ? [build.mkdocs.baseDir] : [],
      report: (severity, line, message) => build.diagnostics.add({ severity, file: shown, line, message }),
      linkToAnchor: (target, fragment, line, written) => build.run.anchors.push({ file: shown, line, target, fragment, written }),
    };
    contexts.set(env, context);
  }
  return context;
}
