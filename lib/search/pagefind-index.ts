/**
 * The search index for the served site: Pagefind, run on the built folder through its
 * command-line binary (the one its npm package ships). Measured here, the binary indexes
 * a folder of pages about twice as fast as handing pages one by one to its Node API,
 * which sends every page through a pipe. Only `data-pagefind-body` regions are indexed,
 * so sidebars and footers never match a query.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { setPriority } from "node:os";

/** Pagefind runs now going (each in its own process group, so that stopping one stops all it started). */
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

/**
 * Indexes the built site in `siteDir` and writes Pagefind's files to `siteDir/pagefind`.
 * With `lowPriority`, the run yields the CPU to everything else (the binary inherits it).
 */
export async function writePagefindIndex(siteDir: string, language: string, options: { lowPriority?: boolean } = {}): Promise<void> {
  const binary = await pagefindBinary();
  return new Promise((done, fail) => {
    const args = ["--site", siteDir, "--output-subdir", "pagefind", "--keep-index-url", "--force-language", language, "--silent"];
    const child = spawn(binary, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
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
      else fail(new Error(`Pagefind could not index the site: ${(stderr || `it stopped (${signal ?? code})`).trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}

/** Stops any Pagefind run (when the preview server is stopped: it must not outlive it). */
export function stopPagefind(): void {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
