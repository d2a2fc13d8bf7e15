/**
 * The course as a whole, computed once per build from Eleventy's collection: every
 * page with the facts layouts need, the navigation, and where every file lands.
 * Layouts look pages up here instead of re-deriving anything per page.
 */

import { basename, relative, resolve } from "node:path";
import type { NavSpec } from "../config/mkdocs-config.ts";
import { SOURCE_LINES } from "../content/front-matter.ts";
import { createSiteMap, type Mount, type SiteMap } from "../content/site-map.ts";
import { summaryOf } from "../content/summary.ts";
import { countTasks } from "../markdown/task-lists.ts";
import { buildCourseNav, type CourseNav, type NavPage, type NavTreeEntry, navFromTree } from "../nav/course-nav.ts";

/** One entry of Eleventy's `collections.all`, as far as we read it. */
export interface CollectionItem {
  readonly inputPath: string;
  /** Absolute path of the written file, or false for a page that is not written. */
  readonly outputPath: string | false;
  readonly rawInput?: unknown;
  readonly data: Record<string, unknown>;
}

export interface CoursePage extends NavPage {
  readonly sourceFile: string;
  readonly searchExclude: boolean;
  readonly hasToc: boolean;
  /** Number of exercise checkboxes (task-list items) on the page. */
  readonly tasks: number;
}

export interface CourseModel {
  readonly pages: ReadonlyMap<string, CoursePage>;
  readonly nav: CourseNav<CoursePage>;
  readonly siteMap: SiteMap;
  /** The home page's output path (the page written to `index.html`). */
  readonly home: string;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** The text of the first `# heading` line of a Markdown body (the title when the front matter has none). */
export function firstHeading(markdown: string): string | undefined {
  return /^#[ \t]+(.+?)[ \t#]*$/m.exec(markdown)?.[1];
}

/** A page's title: its front matter `title`, else its first `# heading`, else its file name. */
export function titleOf(data: Record<string, unknown>, rawInput: unknown, sourceFile: string): string {
  const title = str(data.title)?.trim();
  if (title) return title;
  const heading = typeof rawInput === "string" ? firstHeading(rawInput) : undefined;
  if (heading) return heading.replace(/[*_`]/g, "").trim();
  return basename(sourceFile).replace(/\.(md|markdown)$/i, "");
}

/** Front-matter values for every page under a folder (Jekyll's `defaults`; course.yml's page_defaults). */
export interface PageDefault {
  /** Folder relative to the course ("" for every page). */
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The defaults that apply to a page at `path` (relative to the course), merged under the page's own values. */
export function withDefaults(data: Record<string, unknown>, path: string, defaults: readonly PageDefault[]): Record<string, unknown> {
  const applying = defaults.filter((d) => {
    const folder = d.path.replace(/^\/+|\/+$/g, "");
    return folder === "" || path === folder || path.startsWith(`${folder}/`);
  });
  return applying.length === 0 ? data : Object.assign({}, ...applying.map((d) => d.values), data);
}

/**
 * The last build's model, when since then only the text of `changed` (a source file) did:
 * a preview save of one page's summary. Every other page is as it was (so it is taken over
 * rather than read again: its summary and task count cost 45 ms of the save at 1,000
 * pages), and so is every page's place (so is the site map).
 */
export interface PreviousModel {
  readonly model: CourseModel;
  readonly changed: string;
}

/** Builds the model of a course from its collection items. */
export function buildCourseModel(
  items: readonly CollectionItem[],
  inputDir: string,
  outputDir: string,
  mounts: readonly Mount[],
  displayPath: (p: string) => string,
  defaults: readonly PageDefault[] = [],
  navTree?: readonly NavSpec[],
  previous?: PreviousModel,
): CourseModel {
  const pages = new Map<string, CoursePage>();
  const outputs = new Map<string, string>();
  for (const item of items) {
    if (item.outputPath === false) continue;
    const sourceFile = resolve(item.inputPath);
    const url = sitePath(outputDir, item.outputPath);
    const kept = previous && sourceFile !== previous.changed ? previous.model.pages.get(url) : undefined;
    if (kept?.sourceFile === sourceFile) {
      pages.set(url, kept);
      outputs.set(sourceFile, url);
      continue;
    }
    const data = withDefaults(item.data, coursePath(inputDir, sourceFile), defaults);
    const childOrder = str(data.child_nav_order);
    pages.set(url, {
      url,
      source: displayPath(sourceFile),
      sourceFile,
      title: titleOf(data, item.rawInput, sourceFile),
      navOrder: num(data.nav_order),
      parent: str(data.parent),
      grandParent: str(data.grand_parent),
      ancestor: str(data.ancestor),
      navExclude: data.nav_exclude === true,
      childNavOrder: childOrder === "desc" || childOrder === "reversed" ? "desc" : "asc",
      description: str(data.description) ?? (typeof item.rawInput === "string" ? summaryOf(item.rawInput) : undefined),
      parentLine: (data[SOURCE_LINES] as Record<string, number | undefined> | undefined)?.parent,
      searchExclude: data.search_exclude === true,
      hasToc: data.has_toc !== false,
      tasks: typeof item.rawInput === "string" ? countTasks(item.rawInput) : 0,
    });
    outputs.set(sourceFile, url);
  }
  if (navTree) {
    // Titles given in the navigation win, as in MkDocs.
    const bySource = new Map([...pages.values()].map((p) => [p.sourceFile, p]));
    const retitle = (specs: readonly NavSpec[]): void => {
      for (const spec of specs) {
        const page = bySource.get(resolve(inputDir, spec.source));
        if (page && spec.title) pages.set(page.url, { ...page, title: spec.title });
        retitle(spec.children);
      }
    };
    retitle(navTree);
  }
  const sorted = [...pages.values()].sort((a, b) => a.url.localeCompare(b.url));
  const bySource = new Map(sorted.map((p) => [p.sourceFile, p]));
  const tree = (specs: readonly NavSpec[]): NavTreeEntry<CoursePage>[] =>
    specs.flatMap((spec) => {
      const page = bySource.get(resolve(inputDir, spec.source));
      return page ? [{ page, children: tree(spec.children) }] : tree(spec.children);
    });
  return {
    pages,
    nav: navTree ? navFromTree(tree(navTree)) : buildCourseNav(sorted),
    siteMap: previous?.model.siteMap ?? createSiteMap(inputDir, outputs, mounts),
    home: pages.has("index.html") ? "index.html" : (sorted[0]?.url ?? "index.html"),
  };
}

/** The site-relative (POSIX) path of a file written into `outputDir`. */
export function sitePath(outputDir: string, writtenFile: string): string {
  return relative(outputDir, resolve(writtenFile)).split("\\").join("/");
}

/** The path of a source file relative to the course folder (POSIX), for the URL rule. */
export function coursePath(inputDir: string, sourceFile: string): string {
  return relative(inputDir, sourceFile).split("\\").join("/");
}

const cache = new WeakMap<readonly CollectionItem[], CourseModel>();

/** The model for this collection, computed on first use and shared by every page of the build. */
export function courseModelFor(items: readonly CollectionItem[], build: (items: readonly CollectionItem[]) => CourseModel): CourseModel {
  let model = cache.get(items);
  if (!model) {
    model = build(items);
    cache.set(items, model);
  }
  return model;
}
