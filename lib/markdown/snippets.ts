/**
 * Snippet includes in code blocks (pymdownx.snippets' syntax): a line
 * `--8<-- "s1/exercise_files/train.py"` inside a fence is replaced by that file, so an
 * exercise file and the page that shows it never drift apart. `"file.py:3:10"` takes
 * lines 3 to 10. Paths are relative to the course folder (or else to the page).
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";

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

/** The file a snippet path names: in the course folder, the base folders, or beside the page. */
function findSnippet(path: string, courseDir: string, pageFile: string, baseDirs: readonly string[]): string | undefined {
  const candidates = [resolve(courseDir, path), ...baseDirs.map((dir) => resolve(dir, path)), resolve(dirname(pageFile), path)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * What a page's snippets read: each named file with its text (a line per file, the text
 * after a NUL), for a memo of the page's rendering to change when one of them does.
 */
export function snippetTexts(markdown: string, courseDir: string, pageFile: string, baseDirs: readonly string[] = []): string {
  if (!markdown.includes("--8<--")) return "";
  let texts = "";
  for (const line of markdown.split("\n")) {
    const match = SNIPPET_LINE.exec(line);
    if (!match) continue;
    const file = findSnippet(snippetSpec(match[2] ?? "").path, courseDir, pageFile, baseDirs);
    texts += `${file ?? ""}\0${file ? readFileSync(file, "utf8") : ""}\0`;
  }
  return texts;
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
    const file = findSnippet(path, courseDir, pageFile, baseDirs);
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

/**
 * Whether a page other than `file` may show it through a snippet (`--8<-- "…/name.md"`),
 * judged from the course's Markdown (`texts`, by file): loosely, by the file's name, so a
 * change to it renders the pages that may show it (or every page).
 */
export function shownByOthers(file: string, texts: ReadonlyMap<string, string>): boolean {
  const name = basename(file);
  for (const [other, text] of texts) if (other !== file && text.includes("--8<--") && text.includes(name)) return true;
  return false;
}
