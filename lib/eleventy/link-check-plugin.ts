/** Eleventy plugin: once every page is built, links to `#anchors` are checked against the ids of the pages they point to. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { checkAnchors, idsIn } from "../content/anchor-check.ts";
import { sitePath } from "../course/course-model.ts";
import type { BuildContext, BuiltTemplate } from "./build-context.ts";

/** A built page; its ids are read when a link first points into it (a page kept from the last build, from its file). */
interface BuiltPage {
  readonly html: string | (() => string);
  readonly source: string;
  ids?: Set<string>;
}

export function linkCheckPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  /**
   * The pages of the last preview build: an incremental one builds only the saved page, the
   * others are as they were, ids included (reading them again took 35 ms of a save at 1,000 pages).
   */
  let last = new Map<string, BuiltPage>();
  eleventyConfig.on("eleventy.before", () => {
    build.run.anchors = [];
  });
  eleventyConfig.on("eleventy.after", ({ results }: { results?: readonly BuiltTemplate[] }) => {
    const pages = build.run.incremental ? new Map(last) : new Map<string, BuiltPage>();
    // Pages a one-page build kept: their ids as the last build's record has them, else read from their files.
    for (const [path, page] of build.kept ?? [])
      pages.set(path, { html: () => readFileSync(join(build.outputDir, path), "utf8"), source: page.source, ids: page.ids ? new Set(page.ids) : undefined });
    for (const r of results ?? []) {
      if (typeof r.outputPath === "string" && typeof r.content === "string")
        pages.set(sitePath(build.outputDir, r.outputPath), { html: r.content, source: r.inputPath ?? r.outputPath });
    }
    if (build.serving) last = pages;
    const idsOf = (target: string): Set<string> | undefined => {
      const page = pages.get(target);
      if (page) page.ids ??= idsIn(typeof page.html === "string" ? page.html : page.html());
      return page?.ids;
    };
    const describe = (target: string): string => {
      const source = pages.get(target)?.source;
      return source ? build.displayPath(source) : target;
    };
    for (const problem of checkAnchors(build.run.anchors, idsOf, describe)) build.diagnostics.error(problem.file, problem.line, problem.message);
    build.run.pageIds = new Map([...pages].flatMap(([path, page]) => (page.ids ? [[path, [...page.ids]] as const] : [])));
  });
}
