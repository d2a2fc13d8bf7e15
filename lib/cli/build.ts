/**
 * `npm run build` and `npm start`: builds a course folder into a site (Markdown →
 * pages through Eleventy, then the search index), or serves it with live reload.
 * A build goes to a staging folder and replaces the output only when it succeeded.
 */

import "./skip-esm-resolver.ts";
import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { stop as stopEsbuild } from "esbuild";
import coursesite from "../../.eleventy.ts";
import { type Diagnostic, formatDiagnostic } from "../build/diagnostics.ts";
import { ARCHIVE_FOLDER, EDITION_DATA, type Edition, keepArchives } from "../build/editions.ts";
import { createStaging, discard, markAsBuildOutput, outputFolderProblem, swapIn } from "../build/output-folder.ts";
import { timed } from "../build/timing.ts";
import { commonFolder, STARTED_IN, shownPath } from "../build/working-folder.ts";
import { loadCourseSettings } from "../config/course-settings.ts";
import { ConfigError } from "../config/site-config.ts";
import { type BuildContext, PROJECT_ROOT } from "../eleventy/build-context.ts";
import { BUILD_FAILED_EVENT, DIAGNOSTICS_EVENT } from "../eleventy/diagnostics-plugin.ts";
import { stopPagefind } from "../search/pagefind-index.ts";
import { type CliOptions, parseArgs, USAGE, UsageError } from "./args.ts";

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
  | { diagnostics: Diagnostic[]; lastSteps?: (() => Promise<void>) | undefined; stop?: (() => Promise<void>) | undefined }
  | { diagnostics: Diagnostic[]; error: unknown };

/**
 * Eleventy's part of a build: every page, the course's files, the offline index, and the
 * problems found. What it returns (the problems, and the last steps: the rest of Pagefind's
 * run and the zip) holds nothing of Eleventy, so that the rendered site can be freed while
 * they go on.
 */
async function renderSite(contentDir: string, staging: string, output: string, edition: Edition | undefined): Promise<Rendered> {
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
        build = coursesite(eleventyConfig, { serving: false, previousOutput: existsSync(output) ? output : undefined });
      },
    });
    eleventy.setIsVerbose(false);
    // Eleventy's own log (a stack trace on failure) is replaced by our messages; DEBUG=Eleventy* shows it.
    eleventy.logger.overrideLogger(process.env.DEBUG ? console : SILENT);
    await timed("eleventy", () => eleventy.write());
    return { diagnostics, lastSteps: build?.run.lastSteps, stop: build?.run.stopLastSteps };
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
  const { config, contentDir } = loadCourseSettings(input);
  const strict = options.strict ?? config.strict;

  const started = performance.now();
  const staging = await createStaging(output);
  const rendered = await renderSite(contentDir, staging, output, options.archive ? { label: options.archive, currentSite: site } : undefined);
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
  try {
    await rendered.lastSteps?.();
  } catch (error) {
    await rendered.stop?.();
    await discard(staging);
    throw new BuildFailed(`${describe(error)}${keptMessage(output)}`);
  }
  if (!options.archive) await keepArchives(output, staging);
  await timed("swap", () => swapIn(staging, output));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!options.quiet || warnings > 0) {
    console.log(`Built ${shownPath(input)} into ${shownPath(output)} in ${seconds} s${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`);
  }
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
  // As Eleventy names templates: from the working folder, with "./" (it misreads an absolute
  // path when the working folder is "/").
  const [pageName, savedName] = [page, saved].map((file) => `./${relative(process.cwd(), file).split(sep).join("/")}`) as [string, string];
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
