/**
 * Reusing a derived folder (the Pagefind index) when its inputs did not change: the
 * folder is kept in the cache under a fingerprint of everything it was made from, and
 * copied back when a later build has the same fingerprint. Only one version is kept.
 */

import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A fingerprint of the files under `dir` that `include` accepts (paths and contents). */
export async function fingerprintFiles(dir: string, include: (relativePath: string) => boolean): Promise<string> {
  const paths = (await readdir(dir, { recursive: true, encoding: "utf8" })).filter(include).sort();
  const hash = createHash("sha1");
  for (const path of paths)
    hash
      .update(path)
      .update("\0")
      .update(await readFile(join(dir, path)))
      .update("\0");
  return hash.digest("hex");
}

/**
 * Puts the folder `target` in place: copied from `cacheDir` when it was made from the same
 * inputs (`fingerprint`), else made by `make()` and then kept in the cache.
 */
export async function reuseOrMake(target: string, cacheDir: string, fingerprint: string, make: () => Promise<void>): Promise<"reused" | "made"> {
  const stamp = join(cacheDir, "fingerprint");
  const copy = join(cacheDir, "folder");
  try {
    if ((await readFile(stamp, "utf8")) === fingerprint) {
      await cp(copy, target, { recursive: true });
      return "reused";
    }
  } catch {
    // Nothing cached yet.
  }
  await make();
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await cp(target, copy, { recursive: true });
  await writeFile(stamp, fingerprint);
  return "made";
}
