/**
 * What every part of one build shares: the folders, the course settings and the
 * diagnostics collected along the way. Created once per Eleventy configuration.
 */

import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../build/diagnostics.ts";
import type { GitInfo } from "../build/git-history.ts";
import { offlineZipName } from "../build/offline-zip.ts";
import type { PageRecord, SourceTexts, WrittenPage } from "../build/one-page-build.ts";
import { shownPath } from "../build/working-folder.ts";
import { type CourseFormat, loadCourseSettings } from "../config/course-settings.ts";
import type { MkdocsProject } from "../config/mkdocs-config.ts";
import type { ConfigProblem, SiteConfig } from "../config/site-config.ts";
import type { AnchorReference } from "../content/anchor-check.ts";
import type { Mount } from "../content/site-map.ts";
import type { CourseModel } from "../course/course-model.ts";
import type { TokenStyle } from "../markdown/code-highlighter.ts";
import type { OfflineIndexer } from "../search/write-offline-index.ts";
import type { ClientAssets } from "./client-assets-plugin.ts";

/** Facts gathered at the start of each build (refreshed on every rebuild in preview). */
export interface BuildRun {
  /** Site-relative URLs of the bundled stylesheet, script and favicon. */
  assets?: ClientAssets;
  /** Git history of the course folder, when it is in a repository. */
  git?: GitInfo | undefined;
  /** Links to #anchors found while rendering, checked once every page is built. */
  anchors: AnchorReference[];
  /** Token classes of the highlighted code, for the stylesheet. */
  codeStyles?: Readonly<Record<string, TokenStyle>>;
  /** The course as this build sees it (set when the first page renders). */
  model?: CourseModel | undefined;
  /** The worker building the offline search index from the pages as they render. */
  offlineIndexer?: OfflineIndexer | undefined;
  /**
   * This build renders and writes only the saved page (Eleventy's incremental build): in
   * preview after a save of prose (see incremental-plugin.ts), in a build after a change to
   * one page's prose (see one-page-build.ts). The other pages are as the last build wrote them.
   */
  incremental?: boolean;
  /** With `incremental`: the saved page, the one Markdown file whose text changed since the last build. */
  savedPage?: string | undefined;
  /**
   * With `incremental`: the saved page's summary changed (its first paragraph, which its
   * parent's page lists), so the course model is made again and the parent renders too.
   */
  summaryChanged?: boolean;
  /** Every Markdown file of the course with its text, read once at the start of the build. */
  sourceTexts?: ReadonlyMap<string, string>;
  /** Told each page's Markdown HTML as it renders anew, with the page's site path (see search-plugin.ts). */
  renderedAnew?: ((url: string, html: string) => void) | undefined;
  /** How many pages of this build so far had their Markdown rendered rather than reused. */
  markdownRendered?: () => number;
  /** Writes the Markdown caches for the next build (called once the search indexes are started); nothing while a build is under way. */
  saveCaches?: () => Promise<void>;
  /**
   * A build's last steps (the offline zip, and the end of Pagefind's run), left for the build
   * command to start once Eleventy has let go of the pages (see lib/cli/build.ts). They hold
   * nothing of the build but folders, the course's file list and fingerprints.
   */
  lastSteps?: (() => Promise<void>) | undefined;
  /** Stops what the build started for its last steps (Pagefind), when it failed instead. */
  stopLastSteps?: (() => Promise<void>) | undefined;
  /** The ids of the pages the link check read them of, by site path. */
  pageIds?: ReadonlyMap<string, readonly string[]>;
  /** Site paths of the pages Eleventy wrote (in a one-page build, not the kept ones). */
  renderedPages?: ReadonlySet<string>;
  /** Every HTML page of the site as this build wrote or kept it, by site path (for the next build's record). */
  writtenPages?: Promise<ReadonlyMap<string, WrittenPage>> | undefined;
  /**
   * Pages kept from the last build whose Markdown problems were not on record to report
   * again (see render-memo.ts): a one-page build is then not complete, and every page is built.
   */
  unreported?: readonly string[];
}

/** The project's own folder (where `layouts/` and `assets/` live), wherever the course is. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where builds keep what the next build can reuse (highlighted code, rendered Markdown,
 * indexes, the zip); COURSESITE_CACHE_DIR puts it elsewhere (a CI cache, or none shared).
 */
export const CACHE_DIR = process.env.COURSESITE_CACHE_DIR ? resolve(process.env.COURSESITE_CACHE_DIR) : join(PROJECT_ROOT, ".cache/coursesite");

/** A page as Eleventy reports it once built (the `results` of `eleventy.after`). */
export interface BuiltTemplate {
  readonly inputPath?: string;
  readonly outputPath?: string | false;
  readonly content?: string;
}

export interface BuildContext {
  readonly projectRoot: string;
  /** Absolute path of the course folder. */
  readonly inputDir: string;
  /** Absolute path of the folder Eleventy writes to. */
  readonly outputDir: string;
  readonly config: SiteConfig;
  /** How the course's pages are written (ours, or a theme's it was made for). */
  readonly format: CourseFormat;
  /** Warnings about the settings, reported with every build. */
  readonly configNotices: readonly ConfigProblem[];
  /** For a Material for MkDocs project: its navigation, URL form and exclusions. */
  readonly mkdocs?: MkdocsProject | undefined;
  readonly mounts: readonly Mount[];
  readonly diagnostics: Diagnostics;
  /** Whether Eleventy is serving (live preview) rather than building once. */
  readonly serving: boolean;
  /** The site a build replaces, once it succeeded (`outputDir` being a fresh folder beside it). */
  readonly previousOutput?: string | undefined;
  /** Preview only: makes Eleventy's next build incremental (only the saved page) or full. */
  readonly setIncremental?: ((on: boolean) => void) | undefined;
  /**
   * Preview only: makes an incremental build of the file `saved` render the page `page` too;
   * returns what undoes that, or undefined when Eleventy offers no way to (then every page is built).
   */
  readonly renderAlso?: ((page: string, saved: string) => (() => void) | undefined) | undefined;
  /**
   * A one-page build (see one-page-build.ts): the pages kept from the last build, by site
   * path, linked into the output folder before Eleventy runs and never rendered.
   */
  readonly kept?: ReadonlyMap<string, PageRecord> | undefined;
  /** The course's Markdown as the build command read it before the build (to decide how to build). */
  readonly sourceTexts?: SourceTexts | undefined;
  readonly run: BuildRun;
  /** Site-relative path of the zip for offline reading. */
  readonly offlineZip: string;
  /** A path as the instructor would type it: relative to the working folder. */
  displayPath(absolutePath: string): string;
}

/** The folders the settings mount into the site, their paths resolved against the course folder `input`. */
export function courseMounts(config: SiteConfig, input: string): Mount[] {
  return Object.entries(config.mounts).map(([to, from]) => ({
    to: to.replace(/^\/+|\/+$/g, ""),
    from: isAbsolute(from) ? from : resolve(input, from),
  }));
}

/** How Eleventy runs: serving, or building into a fresh folder that replaces `previousOutput`. */
export type RunMode = Pick<BuildContext, "serving" | "previousOutput" | "setIncremental" | "renderAlso" | "sourceTexts"> & {
  /** A one-page build: the changed page's Markdown file, and the pages kept. */
  readonly onePage?: { readonly source: string; readonly kept: ReadonlyMap<string, PageRecord> } | undefined;
};

/** Sets up the context for a build of `inputDir` into `outputDir`. Throws ConfigError for bad settings. */
export function createBuildContext(
  inputDir: string,
  outputDir: string,
  { serving, previousOutput, setIncremental, renderAlso, sourceTexts, onePage }: RunMode,
): BuildContext {
  const input = resolve(inputDir);
  const { config, format, notices, mkdocs } = loadCourseSettings(input);
  const mounts = courseMounts(config, input);
  return {
    projectRoot: PROJECT_ROOT,
    inputDir: input,
    outputDir: resolve(outputDir),
    config,
    format,
    configNotices: notices,
    mkdocs,
    mounts,
    diagnostics: new Diagnostics(),
    serving,
    previousOutput,
    setIncremental,
    renderAlso,
    kept: onePage?.kept,
    sourceTexts,
    run: { anchors: [], ...(onePage ? { incremental: true, savedPage: onePage.source } : {}) },
    offlineZip: offlineZipName(config.title),
    displayPath: shownPath,
  };
}
