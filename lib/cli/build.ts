/**
 * `npm run build` and `npm start`: builds a course folder into a site (Markdown →
 * pages through Eleventy, then the search index), or serves it with live reload.
 * A build goes to a staging folder and replaces the output only when it succeeded.
 */

import "./skip-esm-resolver.ts";
import { existsSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { stop as stopEsbuild } from "esbuild";
import coursesite from "../../.eleventy.ts";
import { codeVersion } from "../build/code-version.ts";
import { type Diagnostic, formatDiagnostic } from "../build/diagnostics.ts";
import { ARCHIVE_FOLDER, EDITION_DATA, type Edition, keepArchives } from "../build/editions.ts";
import { readGitInfo } from "../build/git-history.ts";
import {
  type BuildPlan,
  type BuildRecord,
  buildStamp,
  full,
  hashTexts,
  incompleteBecause,
  keptPagesIntact,
  linkKeptPages,
  makeRecord,
  type OnePageOutcome,
  planBuild,
  readRecord,
  readTexts,
  recordFile,
  type SourceTexts,
  type WrittenPage,
  writeRecord,
} from "../build/one-page-build.ts";
import { createStaging, discard, markAsBuildOutput, outputFolderProblem, swapIn } from "../build/output-folder.ts";
import { timed, timingNote } from "../build/timing.ts";
import { commonFolder, STARTED_IN, shownPath } from "../build/working-folder.ts";
import { type CourseSettings, loadCourseSettings } from "../config/course-settings.ts";
import { ConfigError } from "../config/site-config.ts";
import type { CourseModel } from "../course/course-model.ts";
import { type BuildContext, CACHE_DIR, courseMounts, PROJECT_ROOT } from "../eleventy/build-context.ts";
import { BUILD_FAILED_EVENT, DIAGNOSTICS_EVENT } from "../eleventy/diagnostics-plugin.ts";
import { markdownSources } from "../eleventy/markdown-plugin.ts";
import { stopPagefind } from "../search/pagefind-index.ts";
import { type CliOptions, parseArgs, USAGE, UsageError } from "./args.ts";
import { eleventyPath, oneFileBuilds } from "./eleventy-one-page.ts";

/** Eleventy reads no configuration file (not even one in the working folder): `coursesite` configures it. */
const NO_CONFIG_FILE = false as unknown as string;

class BuildFailed extends Error {}

const SILENT = { log() {}, info() {}, warn() {}, error() {} };

function report(diagnostics: readonly Diagnostic[], strict: boolean): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    const shown = d.severity === "error" && !strict ? { ...d, severity: "warning" as const } : d;
    if (shown.severity === "error") errors++;
    else warnings++;
    console.error(formatDiagnostic(shown));
  }
  return { errors, warnings };
}

/** The message of an error thrown inside Eleventy, without its stack: the innermost cause says what went wrong. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? e.cause) {
    messages.push(e.message);
  }
  return messages.join("\n  caused by: ") || String(error);
}

function keptMessage(output: string): string {
  return existsSync(output) ? ` ${shownPath(output)} was left as it was.` : "";
}

/**
 * Gives back what the rendering took before the last steps go on: the zip, and Pagefind's
 * runs (a tenth of a gigabyte each), beside a process still holding the rendered site.
 */
async function releaseMemory(): Promise<void> {
  // Eleventy keeps the layouts of the last build in a module-level cache, and through them
  // its configuration, every plugin and every page. It empties that cache itself only in
  // watch mode; this reaches into the same module (the version is pinned by the lock file,
  // and if the module ever moves, only the memory is not freed).
  try {
    const cache = await import(new URL("./LayoutCache.js", import.meta.resolve("@11ty/eleventy")).href);
    cache.default?.removeAll?.();
  } catch {
    // Not found: nothing to empty.
  }
  // esbuild's helper processes (tens of MB) are kept for a next bundle; there is none.
  await stopEsbuild();
  // V8 collects when a process allocates, and this one is about to wait without allocating.
  // (Node offers no other way to ask for a full collection.)
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as (() => void) | undefined)?.();
}

type Rendered =
  | {
      diagnostics: Diagnostic[];
      lastSteps?: (() => Promise<void>) | undefined;
      stop?: (() => Promise<void>) | undefined;
      /** Every page as written or kept, for the next build's record. */
      pages?: Promise<ReadonlyMap<string, WrittenPage>> | undefined;
      /** What was written, to tell whether a one-page build is whole. */
      outcome: OnePageOutcome;
      /** Each Markdown file's parent page's, and pages' ids (for the next build's record). */
      parents: ReadonlyMap<string, string>;
      ids: ReadonlyMap<string, readonly string[]>;
    }
  | { diagnostics: Diagnostic[]; error: unknown };

/** How renderSite builds: the Markdown read to plan it, and the plan (see one-page-build.ts). */
interface Planned {
  readonly texts: SourceTexts;
  readonly plan: BuildPlan;
}

/**
 * Eleventy's part of a build: every page, the course's files, the offline index, and the
 * problems found. What it returns (the problems, and the last steps: the rest of Pagefind's
 * run and the zip) holds nothing of Eleventy, so that the rendered site can be freed while
 * they go on.
 */
async function renderSite(contentDir: string, staging: string, output: string, edition: Edition | undefined, { texts, plan }: Planned): Promise<Rendered> {
  let diagnostics: Diagnostic[] = [];
  let userConfig: UserConfig | undefined;
  let build: BuildContext | undefined;
  try {
    const eleventy = new Eleventy(contentDir, staging, {
      configPath: NO_CONFIG_FILE,
      quietMode: true,
      config: async (eleventyConfig: UserConfig) => {
        userConfig = eleventyConfig;
        if (edition) eleventyConfig.addGlobalData(EDITION_DATA, edition);
        eleventyConfig.on(DIAGNOSTICS_EVENT, (items: Diagnostic[]) => {
          diagnostics = items;
        });
        build = coursesite(eleventyConfig, {
          serving: false,
          previousOutput: existsSync(output) ? output : undefined,
          sourceTexts: texts,
          onePage: plan.kind === "one-page" ? { source: plan.source, kept: plan.kept } : undefined,
        });
      },
    });
    eleventy.setIsVerbose(false);
    // Eleventy's own log (a stack trace on failure) is replaced by our messages; DEBUG=Eleventy* shows it.
    eleventy.logger.overrideLogger(process.env.DEBUG ? console : SILENT);
    if (plan.kind === "one-page") {
      await eleventy.init();
      eleventy.setIncrementalFile(eleventyPath(plan.source));
      // (Should Eleventy's graph not take the link, the page is not written: see `incompleteBecause`.)
      if (plan.also) renderAlso(eleventy, plan.also, plan.source);
    }
    await timed("eleventy", () => eleventy.write());
    const run = build?.run;
    return {
      diagnostics,
      lastSteps: run?.lastSteps,
      stop: run?.stopLastSteps,
      pages: run?.writtenPages,
      outcome: { assets: JSON.stringify(run?.assets ?? null), written: run?.renderedPages ?? new Set(), unreported: run?.unreported ?? [] },
      parents: parentsOf(run?.model),
      ids: run?.pageIds ?? new Map(),
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) await userConfig?.emit(BUILD_FAILED_EVENT);
    // Pagefind may have started writing into the folder about to be removed.
    await build?.run.stopLastSteps?.();
    return { diagnostics, error };
  }
}

async function runBuild(options: CliOptions): Promise<void> {
  const input = resolve(options.input);
  const site = resolve(options.output);
  // An archived edition goes into the current site's archive/ folder; the current site keeps it.
  const output = options.archive ? join(site, ARCHIVE_FOLDER, options.archive) : site;
  if (!existsSync(input)) throw new BuildFailed(`the course folder ${options.input} does not exist. Pass --input <folder>.`);
  const problem = outputFolderProblem(input, output, [PROJECT_ROOT]);
  if (problem) throw new BuildFailed(problem);
  const settings = loadCourseSettings(input);
  const { config, contentDir } = settings;
  const strict = options.strict ?? config.strict;

  const started = performance.now();
  const edition = options.archive ? { label: options.archive, currentSite: site } : undefined;
  const texts = readTexts(markdownSources(resolve(contentDir)));
  const hashes = hashTexts(texts);
  // The record of the last build into this folder (an archived edition keeps none).
  const record = options.archive ? undefined : recordFile(CACHE_DIR, output);
  const last = record ? readRecord(record) : undefined;
  const stamp = record ? await stampOf(settings, output, texts) : "";
  let plan = await timed("plan", async () =>
    record && settings.format === "coursesite"
      ? planned(last, stamp, texts, hashes, output)
      : full("an archived edition, or a course written for another tool"),
  );
  timingNote(plan.kind === "full" ? `every page: ${plan.reason}` : `one page: ${shownPath(plan.source)}`);
  let staging = await createStaging(output);
  if (plan.kind === "one-page") await linkKeptPages(output, staging, plan.kept);
  let rendered = await renderSite(contentDir, staging, output, edition, { texts, plan });
  const incomplete = plan.kind === "one-page" && !("error" in rendered) ? incompleteBecause(plan, rendered.outcome) : undefined;
  if (incomplete !== undefined && !("error" in rendered)) {
    // Not the site a full build would make (see `incompleteBecause`): every page is built.
    timingNote(`every page after all: ${incomplete}`);
    await rendered.stop?.();
    await discard(staging);
    plan = full(incomplete);
    staging = await createStaging(output);
    rendered = await renderSite(contentDir, staging, output, edition, { texts, plan });
  }
  if ("error" in rendered) {
    await discard(staging);
    if (rendered.error instanceof ConfigError) throw rendered.error;
    // What was found before the stop is usually the cause (two pages writing one file, say).
    const { errors } = report(rendered.diagnostics, true);
    if (errors > 0) throw new BuildFailed(`${errors} problem${errors === 1 ? "" : "s"} to fix (listed above).${keptMessage(output)}`);
    throw new BuildFailed(`the build stopped: ${describe(rendered.error)}${keptMessage(output)}`);
  }
  const { errors, warnings } = report(rendered.diagnostics, strict);
  if (errors > 0) {
    await rendered.stop?.();
    await discard(staging);
    throw new BuildFailed(`${errors} problem${errors === 1 ? "" : "s"} to fix (listed above).${keptMessage(output)} To build anyway, run with --no-strict.`);
  }
  await releaseMemory();
  const lastSteps = rendered.lastSteps?.();
  // Made while the last steps run (the staging folder's pages are the ones swapped in).
  const nextRecord = record
    ? afterNextTask(async () =>
        makeRecord(last, {
          stamp,
          assets: rendered.outcome.assets,
          texts,
          hashes,
          parents: rendered.parents,
          ids: rendered.ids,
          folder: staging,
          pages: (await rendered.pages) ?? new Map(),
        }),
      )
    : undefined;
  nextRecord?.catch(() => undefined); // (a failed build does not wait for it)
  try {
    await lastSteps;
  } catch (error) {
    await rendered.stop?.();
    await discard(staging);
    throw new BuildFailed(`${describe(error)}${keptMessage(output)}`);
  }
  if (!options.archive) await keepArchives(output, staging);
  await timed("swap", () => swapIn(staging, output));
  if (record) await writeRecordOrNot(record, nextRecord);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!options.quiet || warnings > 0) {
    const one =
      plan.kind === "one-page"
        ? ` (only ${shownPath(plan.source)} changed: ${plan.pages.length === 1 ? "its page was" : `${plan.pages.length} pages were`} built, ${plan.kept.size} kept)`
        : "";
    console.log(
      `Built ${shownPath(input)} into ${shownPath(output)} in ${seconds} s${one}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`,
    );
  }
}

/** Runs `work` once the tasks already queued (the last steps' start) have run. */
function afterNextTask<T>(work: () => Promise<T>): Promise<T> {
  return new Promise((done) => setImmediate(done)).then(work);
}

/** Writes the record of this build for the next one; a failure to make it costs only the next build's speed. */
async function writeRecordOrNot(file: string, made: Promise<BuildRecord> | undefined): Promise<void> {
  try {
    const record = await made;
    if (record) writeRecord(file, record);
  } catch (error) {
    timingNote(`no record for the next build: ${String(error)}`);
    rmSync(file, { force: true });
  }
}

/** Each Markdown file's parent page's Markdown file, in the course's navigation. */
function parentsOf(model: CourseModel | undefined): Map<string, string> {
  const parents = new Map<string, string>();
  for (const page of model?.pages.values() ?? []) {
    const parent = model?.nav.byUrl.get(page.url)?.parent?.page.sourceFile;
    if (parent) parents.set(page.sourceFile, parent);
  }
  return parents;
}

/** This build's stamp (see `buildStamp`). */
async function stampOf(settings: CourseSettings, output: string, texts: SourceTexts): Promise<string> {
  const input = resolve(settings.contentDir);
  const git = await readGitInfo(input);
  return buildStamp({
    code: codeVersion(PROJECT_ROOT),
    projectRoot: PROJECT_ROOT,
    workingFolder: STARTED_IN,
    input,
    output,
    settings: JSON.stringify([settings.config, settings.format, git?.root ?? null]),
    history: git?.lastChanged,
    folders: [input, ...courseMounts(settings.config, input).map((mount) => mount.from)],
    sources: texts,
  });
}

/**
 * The plan for a build of a course of our own format. (A course written for Jekyll or
 * MkDocs builds every page: its pages can take text from files the plan does not follow.)
 */
async function planned(
  last: BuildRecord | undefined,
  stamp: string,
  texts: SourceTexts,
  hashes: ReadonlyMap<string, string>,
  output: string,
): Promise<BuildPlan> {
  const plan = planBuild(last, stamp, texts, hashes);
  if (plan.kind === "full") return plan;
  if (!keptPagesIntact(output, plan.kept)) return full("a page in the output was changed");
  if (!(await oneFileBuilds())) return full("this Eleventy cannot build one page");
  return plan;
}

/** The part of Eleventy's dependency graph (its internal `GlobalDependencyMap`) used below. */
interface DependencyGraph {
  addDependency(from: string, to: string[]): void;
  normalizeNode(node: string): string;
  map: { removeDependency(from: string, to: string): void };
}

/**
 * Makes Eleventy's incremental build of `saved` render `page` too, by telling its dependency
 * graph that `page` uses `saved` (as a layout is used by its pages); returns what undoes it.
 * Eleventy has no public way to do this: this reaches into its configuration (the version is
 * pinned by the lock file). If the graph is not where it was, undefined: every page is built.
 */
function renderAlso(eleventy: Eleventy, page: string, saved: string): (() => void) | undefined {
  const graph = (eleventy as unknown as { eleventyConfig?: { usesGraph?: Partial<DependencyGraph> } }).eleventyConfig?.usesGraph;
  if (typeof graph?.addDependency !== "function" || typeof graph.normalizeNode !== "function" || typeof graph.map?.removeDependency !== "function")
    return undefined;
  const { addDependency, normalizeNode, map } = graph as DependencyGraph;
  // As Eleventy names templates (it misreads an absolute path when the working folder is "/").
  const [pageName, savedName] = [page, saved].map(eleventyPath) as [string, string];
  addDependency.call(graph, pageName, [savedName]);
  const [from, to] = [normalizeNode.call(graph, pageName), normalizeNode.call(graph, savedName)];
  return () => {
    try {
      map.removeDependency(from, to);
    } catch {
      // The graph was made again since (a change of settings): the link went with it.
    }
  };
}

async function runServe(options: CliOptions): Promise<void> {
  const input = resolve(options.input);
  const output = resolve(options.output);
  const problem = outputFolderProblem(input, output, [PROJECT_ROOT]);
  if (problem) throw new BuildFailed(problem);
  const { contentDir } = loadCourseSettings(input);
  await markAsBuildOutput(output);
  // Eleventy knows which page a save changed by its path from the working folder, and loses
  // track of a course outside that folder (../): the preview works from a folder that holds
  // both, so that a save of prose renders that page alone (see incremental-plugin.ts).
  const home = commonFolder([STARTED_IN, input]);
  if (home) process.chdir(home);
  const eleventy: Eleventy = new Eleventy(relative(process.cwd(), contentDir) || ".", output, {
    configPath: NO_CONFIG_FILE,
    // Eleventy still says which file changed and how many pages it wrote; a line for each
    // page written (a thousand on every save of a large course) took 60 ms a save to print.
    quietMode: true,
    runMode: "serve",
    config: (eleventyConfig: UserConfig) =>
      coursesite(eleventyConfig, {
        serving: true,
        setIncremental: (on) => eleventy.setIncrementalBuild(on),
        renderAlso: (page, saved) => renderAlso(eleventy, page, saved),
      }),
  });
  await eleventy.init();
  await eleventy.watch();
  eleventy.serve(options.port);
  const stop = async (): Promise<void> => {
    stopPagefind();
    await eleventy.stopWatch();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function main(): Promise<void> {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
      return;
    }
    await (options.serve ? runServe(options) : runBuild(options));
  } catch (error) {
    if (error instanceof UsageError) console.error(`error: ${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError || error instanceof BuildFailed)
      console.error(error instanceof BuildFailed ? `error: ${error.message}` : error.message);
    else console.error(`error: ${describe(error)}`);
    process.exitCode = 1;
  }
}

await main();
