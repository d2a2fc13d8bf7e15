/**
 * The output folder is replaced, never patched: a build writes into a fresh sibling
 * folder and swaps it in only when it succeeded, so a failed build leaves the
 * previous site as it was. Before anything is written, the folder is checked: it
 * must not be the course, contain it or lie in it, and a folder we would replace
 * must be one that a build wrote.
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isInside } from "../content/site-map.ts";

/** A file every build writes, so that a later build knows the folder is its own to replace. */
export const BUILD_MARKER = ".coursesite";

/** Why `output` may not be used for a build of `input`, or undefined when it may. */
export function outputFolderProblem(input: string, output: string, protectedFolders: readonly string[] = []): string | undefined {
  const i = resolve(input);
  const o = resolve(output);
  if (o === i) return `--output ${output} is the course folder itself; the build would overwrite your sources. Choose another folder, e.g. --output _site.`;
  if (isInside(i, o))
    return `--output ${output} contains the course folder ${input}; replacing it would delete your sources. Choose a folder beside the course, e.g. --output _site.`;
  if (isInside(o, i))
    return `--output ${output} lies inside the course folder ${input}; the site would be built into its own sources. Choose a folder outside it, e.g. --output _site.`;
  for (const folder of protectedFolders) {
    if (isInside(resolve(folder), o)) return `--output ${output} contains ${folder}, which the build needs. Choose another folder, e.g. --output _site.`;
  }
  if (existsSync(o)) {
    if (!statSync(o).isDirectory()) return `--output ${output} is a file, not a folder. Choose a folder name, e.g. --output _site.`;
    if (readdirSync(o).length > 0 && !existsSync(join(o, BUILD_MARKER))) {
      return `--output ${output} is not empty and was not written by a coursesite build; it is left alone. Remove it or choose another folder.`;
    }
  }
  return undefined;
}

/** Marks a folder as written by a build (preview writes straight into its output folder). */
export async function markAsBuildOutput(output: string): Promise<void> {
  await mkdir(output, { recursive: true });
  await writeFile(join(output, BUILD_MARKER), "This folder is written by coursesite; each build replaces it.\n");
}

/** A fresh staging folder beside `output` (same file system, so the swap is a rename). */
export async function createStaging(output: string): Promise<string> {
  const o = resolve(output);
  const staging = join(dirname(o), `.${basename(o)}.building-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await markAsBuildOutput(staging);
  return staging;
}

/** Replaces `output` with the finished `staging` folder. */
export async function swapIn(staging: string, output: string): Promise<void> {
  const o = resolve(output);
  const old = join(dirname(o), `.${basename(o)}.old-${process.pid}`);
  if (existsSync(o)) await rename(o, old);
  await rename(staging, o);
  await rm(old, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build. */
export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Removes everything in `folder` but the entries named in `keep` (nothing when there is no folder). */
export async function removeAllBut(folder: string, keep: Iterable<string>): Promise<void> {
  const kept = new Set(keep);
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => !kept.has(name)).map((name) => rm(join(folder, name), { recursive: true, force: true })));
}
