/**
 * The search index for the served site: Pagefind, run on the built folder through its
 * command-line binary (the one its npm package ships), once for each part of the index
 * (see pagefind-parts.ts). Measured here, the binary indexes a folder of pages about twice
 * as fast as handing pages one by one to its Node API, which sends every page through a
 * pipe. Only `data-pagefind-body` regions are indexed, so sidebars and footers never match.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { setPriority } from "node:os";
import { dirname, join, relative } from "node:path";
import { discard, removeAllBut, swapIn } from "../build/output-folder.ts";
import { writeFileAtomic } from "../build/write-atomic.ts";
import { type IndexPart, MAIN_PART, PARTS_FILE } from "./pagefind-parts.ts";

/** Pagefind runs now going. */
const running = new Set<ChildProcess>();

/**
 * The binary for this platform, found the way the npm package's own launcher finds it. It
 * is run directly: through the launcher, a Node process (45 MB) waited beside it.
 */
async function pagefindBinary(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL("./resolveBinary.js", import.meta.resolve("pagefind")).href)) as {
    resolveBinaryPath(names: string[]): string;
  };
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

/** Nice value of a low-priority run: the preview's own work and the browser go first. */
const LOW_PRIORITY = 15;

/** The folder of the site that holds the index's parts. */
export const PAGEFIND_FOLDER = "pagefind";

/**
 * Pagefind's ready-made interfaces and its result-page highlighter, which it writes with
 * every index: the site has a search interface of its own and loads only `pagefind.js`
 * (which loads its worker, WebAssembly and index files). 0.5 MB per site.
 */
const UNUSED_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

/** What only the main part's copy of is loaded: a merged part brings its index, not code. */
const isCode = (file: string): boolean => file === "pagefind.js" || file === "pagefind-worker.js" || file.startsWith("wasm.");

/** A run ended by `stopPagefind`: nothing went wrong, and the index it was replacing is still in place. */
export class PagefindStopped extends Error {}

export interface PagefindOptions {
  /** The run yields the CPU to everything else (the binary inherits it). */
  readonly lowPriority?: boolean;
  /**
   * The new index joins the last one instead of replacing it (preview): a page that loaded the
   * last index's entry file while the run went on still finds the files it names.
   */
  readonly keepEarlier?: boolean;
  /** Pagefind's threads: one when parts are indexed side by side (by default, one per core). */
  readonly threads?: number;
}

/** Where a part's index is: `siteDir/pagefind/<id>`. */
export const partFolder = (siteDir: string, id: string): string => join(siteDir, PAGEFIND_FOLDER, id);

/**
 * Indexes the pages of `siteDir` that `part.glob` matches and writes Pagefind's files to
 * `siteDir/pagefind/<part.id>`. They are written beside it and then moved in, so a reader of
 * the preview never meets a half-written index, and a stopped run leaves the last one in place.
 */
export async function writePagefindPart(siteDir: string, language: string, part: Pick<IndexPart, "id" | "glob">, options: PagefindOptions = {}): Promise<void> {
  const binary = await pagefindBinary();
  const live = partFolder(siteDir, part.id);
  const next = `${live}.next`;
  await discard(next); // left by a preview stopped during a run
  try {
    const args = [
      "--site",
      siteDir,
      "--glob",
      part.glob,
      "--output-subdir",
      relative(siteDir, next),
      "--keep-index-url",
      "--force-language",
      language,
      "--silent",
    ];
    await runPagefind(binary, args, options);
  } catch (error) {
    await discard(next);
    throw error;
  }
  const unused = readdirSync(next).filter((file) => UNUSED_FILES.includes(file) || (part.id !== MAIN_PART && isCode(file)));
  await Promise.all(unused.map((file) => rm(join(next, file), { force: true })));
  if (options.keepEarlier && existsSync(join(live, ENTRY))) await moveInBeside(next, live);
  else await swapIn(next, live);
}

/** Lists the parts other than the main one for the browser, which merges them into its search. */
export function writePartsList(siteDir: string, parts: readonly Pick<IndexPart, "id">[]): void {
  const others = parts.map((part) => part.id).filter((id) => id !== MAIN_PART);
  writeFileAtomic(join(siteDir, PAGEFIND_FOLDER, PARTS_FILE), `${JSON.stringify({ parts: others })}\n`);
}

/** Removes the parts' folders (and runs' leftovers) under `siteDir/pagefind` that are not in `parts`. */
export async function removeOtherParts(siteDir: string, parts: readonly Pick<IndexPart, "id">[]): Promise<void> {
  await removeAllBut(join(siteDir, PAGEFIND_FOLDER), [...parts.map((part) => part.id), PARTS_FILE]);
}

/** The file every search starts from, naming (through content-hashed names) all the others. */
const ENTRY = "pagefind-entry.json";

/**
 * Moves a new index's files into the folder of the last one: its content-named files first,
 * its entry file last, so that a reader starting at any moment meets one whole index.
 */
async function moveInBeside(next: string, live: string): Promise<void> {
  for (const rel of readdirSync(next, { recursive: true, encoding: "utf8" })) {
    if (rel === ENTRY || !statSync(join(next, rel)).isFile()) continue;
    mkdirSync(dirname(join(live, rel)), { recursive: true });
    renameSync(join(next, rel), join(live, rel));
  }
  renameSync(join(next, ENTRY), join(live, ENTRY));
  await discard(next);
}

function runPagefind(binary: string, args: string[], options: PagefindOptions): Promise<void> {
  return new Promise((done, fail) => {
    // Not detached: a process in a session of its own is scheduled as a group of its own
    // (Linux's autogroups), where its nice value no longer yields to the preview.
    const env = options.threads ? { ...process.env, RAYON_NUM_THREADS: String(options.threads) } : process.env;
    const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"], env });
    running.add(child);
    if (options.lowPriority && child.pid) {
      try {
        setPriority(child.pid, LOW_PRIORITY);
      } catch {
        // Not allowed here: it runs at normal priority.
      }
    }
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", (error) => {
      running.delete(child);
      fail(new Error(`Pagefind could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (code === 0) done();
      else if (stopping.has(child)) fail(new PagefindStopped("Pagefind was stopped"));
      else fail(new Error(`Pagefind could not index the site: ${(stderr || `it stopped (${signal ?? code})`).trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}

/** Whether a Pagefind run is going. */
export function pagefindRunning(): boolean {
  return running.size > 0;
}

/** Runs being stopped on purpose. */
const stopping = new WeakSet<ChildProcess>();

/**
 * Stops any Pagefind run: when the preview server stops (a run must not outlive it), and
 * when a save makes the page it is indexing out of date.
 */
export function stopPagefind(): void {
  for (const child of running) {
    stopping.add(child);
    child.kill("SIGKILL");
  }
}
