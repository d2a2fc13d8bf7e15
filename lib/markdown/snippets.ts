/**
 * Snippet includes in code blocks (pymdownx.snippets' syntax): a line
 * `--8<-- "s1/exercise_files/train.py"` inside a fence is replaced by that file, so an
 * exercise file and the page that shows it never drift apart. `"file.py:3:10"` takes
 * lines 3 to 10. Paths are relative to the course folder (or else to the page).
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

const SNIPPET_LINE = /^([ \t]*)--8<--[ \t]+"([^"]+)"[ \t]*$/;

export interface SnippetProblem {
  /** 0-based line inside the code block. */
  readonly line: number;
  readonly message: string;
}

/** Splits `file.py:3:10` into the path and the 1-based line range. */
export function snippetSpec(spec: string): { path: string; from?: number | undefined; to?: number | undefined } {
  const match = /^(.*?)(?::(\d*))?(?::(\d*))?$/.exec(spec);
  const path = match?.[1] ?? spec;
  return { path, from: match?.[2] ? Number(match[2]) : undefined, to: match?.[3] ? Number(match[3]) : undefined };
}

/** The code with every snippet line replaced by the file it names; problems for files that do not exist. */
export function includeSnippets(
  code: string,
  courseDir: string,
  pageFile: string,
  baseDirs: readonly string[] = [],
): { code: string; problems: SnippetProblem[] } {
  if (!code.includes("--8<--")) return { code, problems: [] };
  const problems: SnippetProblem[] = [];
  const lines = code.split("\n").map((line, index) => {
    const match = SNIPPET_LINE.exec(line);
    if (!match) return line;
    const { path, from, to } = snippetSpec(match[2] ?? "");
    const candidates = [resolve(courseDir, path), ...baseDirs.map((dir) => resolve(dir, path)), resolve(dirname(pageFile), path)];
    const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (!file) {
      problems.push({
        line: index,
        message: `the included file "${path}" does not exist (looked in the course folder and beside the page). Fix the path in the --8<-- line.`,
      });
      return line;
    }
    const content = readFileSync(file, "utf8").replace(/\n$/, "").split("\n");
    const picked = content.slice((from ?? 1) - 1, to ?? content.length);
    return picked.map((l) => (l ? (match[1] ?? "") + l : l)).join("\n");
  });
  return { code: lines.join("\n"), problems };
}
