/**
 * Starts worker threads running our TypeScript modules. Each module is bundled into plain
 * JavaScript (esbuild; packages stay imports) once for each version of our code, and kept,
 * so a worker loads at Node's own speed: booting tsx inside each worker took a loader
 * thread per worker and 1 to 2 s of CPU per build, on two cores. (Bundling again in every
 * build took 0.1 s of its main thread per worker module: esbuild's synchronous call starts
 * its binary each time.)
 */

import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Transferable, Worker } from "node:worker_threads";
import { buildSync } from "esbuild";
import { codeVersion } from "../build/code-version.ts";
import { writeFileAtomic } from "../build/write-atomic.ts";

/** Inside the project, so that the bundles' package imports resolve to its node_modules. */
const BUNDLES = fileURLToPath(new URL("../../.cache/coursesite/workers/", import.meta.url));

/** The project's folder, whose code (and installed packages) a bundle is made from. */
const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

const bundles = new Map<string, string>();

/** The URL of `moduleUrl` bundled into one ES module (written once for each version of its code). */
function bundled(moduleUrl: string): string {
  const known = bundles.get(moduleUrl);
  // (A build of other code may have replaced it since: then it is written again.)
  if (known && existsSync(fileURLToPath(known))) return known;
  const name = basename(fileURLToPath(moduleUrl)).replace(/\.ts$/, "");
  const file = join(BUNDLES, `${name}-${codeVersion(PROJECT).slice(0, 16)}.mjs`);
  if (!existsSync(file)) writeBundle(moduleUrl, name, file);
  const url = pathToFileURL(file).href;
  bundles.set(moduleUrl, url);
  return url;
}

/** Bundles `moduleUrl` into `file`, removing the bundles of other versions of it. */
function writeBundle(moduleUrl: string, name: string, file: string): void {
  const { outputFiles } = buildSync({
    entryPoints: [fileURLToPath(moduleUrl)],
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    target: `node${process.versions.node}`,
    write: false,
  });
  // Another build may be writing the same bundle.
  writeFileAtomic(file, outputFiles?.[0]?.contents ?? new Uint8Array());
  for (const old of readdirSync(BUNDLES))
    if (old.startsWith(`${name}-`) && old.endsWith(".mjs") && old !== basename(file)) rmSync(join(BUNDLES, old), { force: true });
}

/**
 * A worker running `moduleUrl` with `data` as its workerData (plus `module`, the URL it runs
 * as); `transfer` lists what in `data` is handed over rather than copied (a MessagePort).
 */
export function startWorker(moduleUrl: string, data: Record<string, unknown>, transfer: Transferable[] = []): Worker {
  const url = bundled(moduleUrl);
  // No TypeScript loader (the bundle is JavaScript): a `--import tsx` inherited from the
  // preview would be looked up from its working folder, which may not hold the project.
  return new Worker(new URL(url), { workerData: { ...data, module: url }, execArgv: [], transferList: transfer });
}

/** Runs one job in a worker and resolves with the single message it posts. */
export function runInWorker<T>(moduleUrl: string, data: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(moduleUrl, data);
    worker.once("message", (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`worker ${moduleUrl} stopped with exit code ${code}`));
    });
  });
}
