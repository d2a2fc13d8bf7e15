/**
 * Reusing a derived folder (a search index) when its inputs did not change: the folder
 * is kept in the cache under a fingerprint of everything it was made from, and put back
 * when a later build has the same fingerprint. Only one version is kept.
 *
 * Putting back hard-links the files (a copy where links are impossible, e.g. across
 * disks): Pagefind's index is thousands of small files, and copying them was most of a
 * warm build's last second. A linked file edited in place in the output would change the
 * cache too, so the cache also records each of its files' size and modification time (an
 * edit changes them; linking does not) and is only used while they are the same; and a
 * folder is deleted before it is made again, never overwritten.
 */

import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** A fingerprint of pages given as (site path, HTML or a hash of it) pairs, in any order. */
export function fingerprintPages(pages: Iterable<readonly [string, string]>): string {
  const hash = createHash("sha1");
  for (const [path, html] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(path).update("\0").update(html).update("\0");
  return hash.digest("hex");
}

/** Recreates the tree `from` at `to` with hard links to its files (copies where linking fails). */
export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) await linkTree(source, target);
      else await link(source, target).catch(() => copyFile(source, target));
    }),
  );
}

/** Each file under `dir` with its size and modification time: what an edit in place changes. */
async function statPrint(dir: string): Promise<string> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = await stat(path);
      return `${relative(dir, path)}:${size}:${mtimeMs}`;
    }),
  );
  return createHash("sha1").update(lines.sort().join("\n")).digest("hex");
}

/** What `cacheDir` keeps (see `reuseOrMake`): the fingerprint of its inputs and a print of its files' sizes and times, or undefined. */
async function readStamp(cacheDir: string): Promise<{ madeFrom: string; contents: string } | undefined> {
  try {
    const [madeFrom = "", contents = ""] = (await readFile(join(cacheDir, "fingerprint"), "utf8")).split("\n");
    return { madeFrom, contents };
  } catch {
    return undefined; // nothing cached yet
  }
}

/** The fingerprint of what `cacheDir` keeps (see `reuseOrMake`), or undefined when it keeps nothing. */
export async function keptFingerprint(cacheDir: string): Promise<string | undefined> {
  return (await readStamp(cacheDir))?.madeFrom;
}

/**
 * Puts the folder `target` in place: linked from `cacheDir` when it was made from the same
 * inputs (`fingerprint`) and the cached files are intact, else made by `make()` and kept.
 */
export async function reuseOrMake(target: string, cacheDir: string, fingerprint: string, make: () => Promise<void>): Promise<"reused" | "made"> {
  const kept = join(cacheDir, "folder");
  const stamp = await readStamp(cacheDir);
  try {
    if (stamp?.madeFrom === fingerprint && stamp.contents === (await statPrint(kept))) {
      await rm(target, { recursive: true, force: true });
      await linkTree(kept, target);
      return "reused";
    }
  } catch {
    // The kept folder is gone or damaged: made again.
  }
  await rm(target, { recursive: true, force: true });
  await make();
  await rm(cacheDir, { recursive: true, force: true });
  await linkTree(target, kept);
  await writeFile(join(cacheDir, "fingerprint"), `${fingerprint}\n${await statPrint(kept)}`);
  return "made";
}
