/**
 * Extracts every fenced code block of the course, wherever it is nested (lists,
 * admonitions, tabs), and checks that it is valid in its language. Used by the
 * course-content test; run it directly to check one folder:
 *   node --import tsx tests/content/code-blocks.ts content/s01_development_environment
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

export interface CodeBlock {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  /** Words after the language in the info string (e.g. `partial`, `title="x.py"`). */
  readonly info: string;
  readonly code: string;
}

/** Every fenced block in a Markdown text; indented fences (inside lists or admonitions) are de-indented. */
export function extractCodeBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^\s`{]*)\s*(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", lang = "", info = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? "";
      const close = new RegExp(`^ {0,${indent.length + 3}}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
      if (close.test(line)) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ file, line: i + 1, lang: lang.toLowerCase(), info, code: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** Languages whose blocks are checked, and how. Output (`text`, `console`) and blocks marked `partial` are not. */
const CHECKERS: Record<string, (code: string, dir: string) => void> = {
  python: (code, dir) => runChecker(dir, "block.py", code, "python3", ["-c", "import sys; compile(open(sys.argv[1]).read(), 'block', 'exec')"]),
  py: (code, dir) => CHECKERS.python?.(code, dir),
  bash: (code, dir) => runChecker(dir, "block.sh", code, "bash", ["-n"]),
  sh: (code, dir) => CHECKERS.bash?.(code, dir),
  shell: (code, dir) => CHECKERS.bash?.(code, dir),
  yaml: (code) => {
    parseYaml(code, { uniqueKeys: true, logLevel: "error" });
  },
  yml: (code) => CHECKERS.yaml?.(code, ""),
  json: (code) => {
    JSON.parse(code);
  },
  toml: (code) => {
    parseToml(code);
  },
  dockerfile: (code) => checkDockerfile(code),
  docker: (code) => checkDockerfile(code),
  ini: (code) => checkIni(code),
};

function runChecker(dir: string, name: string, code: string, command: string, args: string[]): void {
  const path = join(dir, name);
  writeFileSync(path, code);
  try {
    execFileSync(command, [...args, path], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(stderr.trim().split("\n").slice(-3).join(" | "));
  }
}

const DOCKER_INSTRUCTIONS = /^(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i;

function checkDockerfile(code: string): void {
  let continued = false;
  let sawFrom = false;
  for (const [n, raw] of code.split("\n").entries()) {
    const line = raw.trim();
    if (!continued && line && !line.startsWith("#")) {
      if (!DOCKER_INSTRUCTIONS.test(line)) throw new Error(`line ${n + 1}: "${line}" is not a Dockerfile instruction`);
      if (/^FROM\b/i.test(line)) sawFrom = true;
      else if (!sawFrom && !/^ARG\b/i.test(line)) throw new Error(`line ${n + 1}: instructions before the first FROM`);
    }
    continued = line.endsWith("\\");
  }
  if (!sawFrom) throw new Error("no FROM instruction");
}

function checkIni(code: string): void {
  for (const [n, raw] of code.split("\n").entries()) {
    const line = raw.trim();
    if (!line || /^[#;]/.test(line) || /^\[[^\]]+\]$/.test(line) || /^[^=:]+[=:]/.test(line) || /^\s/.test(raw)) continue;
    throw new Error(`line ${n + 1}: "${line}" is neither a [section] nor a key = value`);
  }
}

/** Whether a block is checked: a checkable language and not marked `partial`. */
export function isChecked(block: CodeBlock): boolean {
  return block.lang in CHECKERS && !/(^|\s)partial(\s|$)/.test(block.info);
}

/** Checks blocks; returns one message per invalid block. */
export function checkCodeBlocks(blocks: readonly CodeBlock[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "code-check-"));
  const problems: string[] = [];
  try {
    for (const block of blocks) {
      if (!isChecked(block)) continue;
      try {
        CHECKERS[block.lang]?.(block.code, dir);
      } catch (error) {
        problems.push(`${block.file}:${block.line}: ${block.lang} block is not valid: ${(error as Error).message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** Every code block in the Markdown files under a folder. */
export function codeBlocksUnder(dir: string): CodeBlock[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .flatMap((f) => extractCodeBlocks(readFileSync(join(dir, f), "utf8"), relative(process.cwd(), join(dir, f))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const blocks = codeBlocksUnder(process.argv[2] ?? "content");
  const problems = checkCodeBlocks(blocks);
  for (const p of problems) console.log(p);
  const checked = blocks.filter(isChecked).length;
  console.log(`${blocks.length} code blocks, ${checked} checked, ${problems.length} invalid`);
  process.exitCode = problems.length ? 1 : 0;
}
