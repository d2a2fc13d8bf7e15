/**
 * Eleventy plugin: copies the course's other files (figures, exercise files, PDFs)
 * into the site at the same relative paths, and the folders mounted from outside the
 * course folder (the project's `figures/`). Files whose copy is already current are
 * skipped, which keeps rebuilds in preview fast.
 */

import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { CONFIG_FILE } from "../config/site-config.ts";
import { isMarkdownPath } from "../content/page-url.ts";
import { isPublishable } from "../content/site-map.ts";
import type { BuildContext } from "./build-context.ts";

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

/** Copies every published file of `from` into `to`, skipping copies that are current. */
export async function copyTree(from: string, to: string): Promise<number> {
  let copied = 0;
  for (const rel of await staticFiles(from)) {
    const source = join(from, rel);
    const target = join(to, rel);
    if (await isCurrent(source, target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
    copied++;
  }
  return copied;
}

export function staticFilesPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.after", async () => {
    const output = build.outputDir;
    // The output folder may lie inside a mounted folder's parent but never inside the course (the CLI refuses that).
    await copyTree(build.inputDir, output);
    for (const mount of build.mounts) await copyTree(mount.from, join(output, mount.to));
  });
  for (const mount of build.mounts) eleventyConfig.addWatchTarget(mount.from);
}
