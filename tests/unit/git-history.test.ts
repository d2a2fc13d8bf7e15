import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gitFolder, headCommit, readGitInfo } from "../../lib/build/git-history.ts";

/** Runs git in `repo`, as a test user committing on `date`. */
const gitIn =
  (repo: string, date = "2024-03-05") =>
  (...args: string[]): string =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z` },
    });

describe("readGitInfo", () => {
  it("dates each file by its last commit, from the course folder inside a repository", async () => {
    const repo = mkdtempSync(join(tmpdir(), "git-history-"));
    mkdirSync(join(repo, "course"));
    writeFileSync(join(repo, "course/a.md"), "# A\n");
    const git = gitIn(repo);
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    const info = await readGitInfo(join(repo, "course"));
    assert.ok(info);
    assert.equal(info.lastChanged.get(join(info.root, "course/a.md")), "2024-03-05");

    // HEAD is read from git's files to tell whether to ask git again; packed refs too.
    const gitDir = gitFolder(join(repo, "course"));
    assert.equal(gitDir, join(repo, ".git"));
    assert.equal(headCommit(join(repo, ".git")), git("rev-parse", "HEAD").trim());
    git("pack-refs", "--all");
    assert.equal(headCommit(join(repo, ".git")), git("rev-parse", "HEAD").trim());
    assert.equal(await readGitInfo(join(repo, "course")), info, "the same commit: the answer already read");

    // A new commit is seen on the next read.
    writeFileSync(join(repo, "course/b.md"), "# B\n");
    git("add", ".");
    gitIn(repo, "2024-04-09")("commit", "-q", "-m", "second");
    const next = await readGitInfo(join(repo, "course"));
    assert.equal(next?.lastChanged.get(join(info.root, "course/b.md")), "2024-04-09");
    assert.equal(next?.lastChanged.get(join(info.root, "course/a.md")), "2024-03-05");
  });

  it("reads a repository with no commit yet once, and its first commit when it comes", async () => {
    const repo = mkdtempSync(join(tmpdir(), "git-unborn-"));
    writeFileSync(join(repo, "a.md"), "# A\n");
    const git = gitIn(repo);
    git("init", "-q");
    assert.equal(headCommit(join(repo, ".git")), "", "an unborn branch");
    const info = await readGitInfo(repo);
    assert.equal(info?.lastChanged.size, 0);
    assert.equal(await readGitInfo(repo), info, "no commit since: the answer already read, git not asked");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    const next = await readGitInfo(repo);
    assert.equal(next?.lastChanged.get(join(next.root, "a.md")), "2024-03-05");
  });

  it("has nothing to say outside a repository", async () => {
    const folder = mkdtempSync(join(tmpdir(), "no-git-"));
    assert.equal(gitFolder(folder), undefined);
    assert.equal(await readGitInfo(folder), undefined);
  });
});
