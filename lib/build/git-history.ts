/**
 * Dates from git history: when each file of the course last changed. Read with one
 * `git log` per build rather than one per page, and never from the clock, so two
 * builds of the same commit are identical.
 */

import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitInfo {
  /** The repository's top folder. */
  readonly root: string;
  /** Absolute file path → ISO date (YYYY-MM-DD) of the last commit that touched it. */
  readonly lastChanged: ReadonlyMap<string, string>;
}

/** Git's output, read while the build goes on (a synchronous call held a preview's rebuild 50–80 ms). */
async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await run("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch {
    return undefined; // not a repository, or git missing: no dates, no failure
  }
}

/** Parses `git log --format=%x00%cs --name-only` output (newest first) into file → date of its newest commit. */
export function parseGitLog(log: string, root: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date = "";
  for (const line of log.split("\n")) {
    if (line.startsWith("\0")) date = line.slice(1).trim();
    else if (line.trim() && date) {
      const file = resolve(root, line.trim());
      if (!dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}

/** The last answer per folder, with the commit it was read at: a preview rebuilds without a new commit. */
const lastRead = new Map<string, { head: string; info: GitInfo }>();

/**
 * The `.git` folder of the repository holding `dir`; "elsewhere" when git finds it by other
 * means (a worktree's or submodule's `.git` file, GIT_DIR), so only git can answer; undefined
 * when there is none, so there is nothing to ask git.
 */
export function gitFolder(dir: string): string | undefined {
  if (process.env.GIT_DIR) return "elsewhere";
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      return statSync(join(at, ".git")).isDirectory() ? join(at, ".git") : "elsewhere";
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

/** The commit HEAD is at, read from git's own files (undefined when that needs git itself). */
export function headCommit(gitDir: string): string | undefined {
  try {
    const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return head;
    try {
      return readFileSync(join(gitDir, ref), "utf8").trim();
    } catch {
      const packedRefs = join(gitDir, "packed-refs");
      const packed = existsSync(packedRefs) ? readFileSync(packedRefs, "utf8") : "";
      // A branch with no commit yet (a repository just made by `git init`) is at "" (as
      // `readGitInfo` has it), so a preview does not ask git at every save.
      return (
        packed
          .split("\n")
          .find((line) => line.endsWith(` ${ref}`))
          ?.split(" ")[0] ?? ""
      );
    }
  } catch {
    return undefined;
  }
}

/**
 * Git facts about the files under `dir`, or undefined when it is not in a git work tree.
 * Git itself is asked only when HEAD moved: in preview every save asked, and starting a
 * process from the preview's large one held the save 45–65 ms.
 */
export async function readGitInfo(dir: string): Promise<GitInfo | undefined> {
  const folder = gitFolder(dir);
  if (folder === undefined) return undefined;
  const known = lastRead.get(dir);
  if (known && folder !== "elsewhere" && headCommit(folder) === known.head) return known.info;
  // A repository without commits has no HEAD yet: then only its top folder.
  const [root, head = ""] =
    ((await git(dir, ["rev-parse", "--show-toplevel", "HEAD"])) ?? (await git(dir, ["rev-parse", "--show-toplevel"])))?.trim().split("\n") ?? [];
  if (!root) return undefined;
  if (known && head && known.head === head) return known.info;
  const log = (await git(root, ["log", "--format=%x00%cs", "--name-only", "--no-renames", "--", relative(root, resolve(dir)) || "."])) ?? "";
  const info = { root, lastChanged: parseGitLog(log, root) };
  lastRead.set(dir, { head, info });
  return info;
}
