/**
 * Copies the course's other files (figures, exercise files, PDFs)
 * into the site at the same relative paths, and the folders mounted from outside the
 * course folder (the project's `figures/`). Files whose copy is already current are
 * skipped, which keeps rebuilds in preview fast.
 */

import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CONFIG_FILE } from "../config/site-config.ts";
import { isMarkdownPath } from "../content/page-url.ts";
import { isPublishable } from "../content/site-map.ts";
import type { BuildContext } from "../eleventy/build-context.ts";

/** Files under `dir` (relative paths) that are published: not Markdown, not private, not the settings file. */
export async function staticFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((rel) => isPublishable(rel) && !isMarkdownPath(rel) && rel !== CONFIG_FILE)
    .sort();
}

async function isCurrent(source: string, target: string): Promise<boolean> {
  try {
    const [s, t] = await Promise.all([stat(source), stat(target)]);
    return s.size === t.size && t.mtimeMs >= s.mtimeMs;
  } catch {
    return false;
  }
}

/** Copies every published file of `from` into `to`, skipping copies that are current; many at a time. */
export async function copyTree(from: string, to: string): Promise<number> {
  const files = await staticFiles(from);
  const folders = new Set(files.map((rel) => dirname(join(to, rel))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  let copied = 0;
  const copyOne = async (rel: string): Promise<void> => {
    const source = join(from, rel);
    const target = join(to, rel);
    if (await isCurrent(source, target)) return;
    await copyFile(source, target);
    copied++;
  };
  for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map(copyOne));
  return copied;
}

/** Copies the course's files and the mounted folders into the output. */
export async function copyStaticFiles(build: BuildContext): Promise<void> {
  await copyTree(build.inputDir, build.outputDir);
  for (const mount of build.mounts) await copyTree(mount.from, join(build.outputDir, mount.to));
}
