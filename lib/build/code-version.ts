/**
 * A hash of the generator itself: its own code (lib/) and the exact packages installed
 * (package-lock.json). What is cached from one build for the next (rendered Markdown,
 * search indexes, the offline zip) is kept under it, so changed code never reuses output
 * the old code made.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const versions = new Map<string, string>();

export function codeVersion(projectRoot: string): string {
  const known = versions.get(projectRoot);
  if (known) return known;
  const hash = createHash("sha1").update(`${process.version}|`);
  const lib = join(projectRoot, "lib");
  for (const rel of readdirSync(lib, { recursive: true, encoding: "utf8" }).sort())
    if (rel.endsWith(".ts")) hash.update(rel).update(readFileSync(join(lib, rel)));
  try {
    hash.update(readFileSync(join(projectRoot, "package-lock.json")));
  } catch {
    // No lock file: the code's own hash has to do.
  }
  const version = hash.digest("hex");
  versions.set(projectRoot, version);
  return version;
}
