/** Runs the real build command on a course folder, as an instructor would, and reads what it wrote. */

import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const PROJECT = resolve(import.meta.dirname, "../..");
export const FIXTURES = join(PROJECT, "tests/fixtures");
/** The workplace's shared folder beside the project (the 2022 course and the shared checks); CI has it, a fork's GitHub Actions do not. */
export const SHARED = join(PROJECT, "../shared");
/** A reason to skip a test that needs the shared folder, or false when it is there. */
export const NEEDS_SHARED: string | false = existsSync(SHARED)
  ? false
  : "needs ../shared (the workplace's shared course and checks), which is not beside this checkout";

export interface BuildResult {
  readonly output: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  read(path: string): string;
  exists(path: string): boolean;
}

/** Builds `input` (a fixture name or a path) into a fresh temporary folder (or `output`), with `env` added to the environment. */
export async function build(
  input: string,
  args: string[] = [],
  output = join(mkdtempSync(join(tmpdir(), "coursesite-build-")), "site"),
  env: Record<string, string> = {},
): Promise<BuildResult> {
  const inputDir = existsSync(join(FIXTURES, input)) ? join(FIXTURES, input) : resolve(input);
  let code = 0;
  let stdout = "";
  let stderr = "";
  try {
    ({ stdout, stderr } = await run(process.execPath, [join(PROJECT, "lib/cli/run.mjs"), "--input", inputDir, "--output", output, ...args], {
      cwd: PROJECT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    code = typeof e.code === "number" ? e.code : 1;
    stdout = e.stdout ?? "";
    stderr = e.stderr ?? "";
  }
  return {
    output,
    code,
    stdout,
    stderr,
    read: (path) => readFileSync(join(output, path), "utf8"),
    exists: (path) => existsSync(join(output, path)),
  };
}

/** The visible titles of the sidebar's links, in document order. */
export function sidebarTitles(html: string): string[] {
  const sidebar = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return [...sidebar.matchAll(/<a href="[^"]*"[^>]*>([^<]*)/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
}

/** Every href and src value in a page. */
export function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? "");
}
