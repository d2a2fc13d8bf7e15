import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readGitInfo } from "../../lib/build/git-history.ts";

describe("readGitInfo", () => {
  it("dates each file by its last commit, from the course folder inside a repository", async () => {
    const repo = mkdtempSync(join(tmpdir(), "git-history-"));
    mkdirSync(join(repo, "course"));
    writeFileSync(join(repo, "course/a.md"), "# A\n");
    const git = (...args: string[]): string =>
      execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, GIT_COMMITTER_DATE: "2024-03-05T12:00:00Z", GIT_AUTHOR_DATE: "2024-03-05T12:00:00Z" },
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    const info = await readGitInfo(join(repo, "course"));
    assert.ok(info);
    assert.equal(info.lastChanged.get(join(info.root, "course/a.md")), "2024-03-05");
  });

  it("has nothing to say outside a repository", async () => {
    assert.equal(await readGitInfo(mkdtempSync(join(tmpdir(), "no-git-"))), undefined);
  });
});
