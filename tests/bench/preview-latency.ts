/**
 * Live preview, measured the way an instructor feels it: `npm start`'s server on a copy
 * of a course, a module open in Chromium, then a word of its prose changed on disk; the
 * time runs from the save to the new word on screen (rebuild, reload and paint). Two kinds
 * of change, in turn: to the first paragraph (the page's summary, which its session's page
 * shows: that page is built again too) and to the last one (only the module's page is).
 */

import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { frontMatterBlock } from "../../lib/content/front-matter-block.ts";
import { CHROMIUM, launchBrowser } from "../browser/browser-helper.ts";
import { PROJECT } from "../build/build-helper.ts";

export interface PreviewFigures {
  /** Seconds from starting the server to its first page being served. */
  readonly startSeconds: number;
  /** Milliseconds from each save to the changed text on screen: a change to the first paragraph. */
  readonly saves: number[];
  /** The same for a change to the last paragraph. */
  readonly laterSaves: number[];
  /** Of those, milliseconds until the server said it had noticed the change, and had written the pages. */
  readonly noticed: number[];
  readonly written: number[];
}

/** Polls `probe` until it gives a value; after `ms`, fails with what it waited for and `context` (the server's last output). */
async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms: number, context: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`preview bench: timed out waiting for ${what}; the server's last output:\n${context() || "(none)"}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const shows = async (page: Page, word: string): Promise<true | undefined> =>
  (await page.evaluate((w) => document.body?.textContent?.includes(w) ?? false, word).catch(() => false)) ? true : undefined;

/**
 * Serves a copy of `course`, opens the page built from `module` (a path in the course) and
 * saves a prose change to it `saves` times. Undefined when Chromium is missing.
 */
export async function measurePreview(course: string, module: string, saves = 5, besideCourse: string[] = []): Promise<PreviewFigures | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const work = mkdtempSync(join(tmpdir(), "coursesite-preview-"));
  const copy = join(work, basename(course));
  cpSync(course, copy, { recursive: true });
  // Folders the course mounts from beside it (the MLOps course's ../figures).
  for (const folder of besideCourse) cpSync(folder, join(work, basename(folder)), { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  let log = "";
  const started = performance.now();
  const server: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(PROJECT, "lib/cli/build.ts"), "--serve", "--input", copy, "--output", join(work, "site"), "--port", String(port)],
    { cwd: PROJECT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const events: { text: string; at: number }[] = [];
  const listen = (d: Buffer): void => {
    log += d;
    events.push({ text: String(d), at: performance.now() });
  };
  server.stdout?.on("data", listen);
  server.stderr?.on("data", listen);
  const serverLog = (): string => log.slice(-2000);
  const firstAfter = (since: number, pattern: RegExp): number => (events.find((e) => e.at >= since && pattern.test(e.text))?.at ?? Number.NaN) - since;
  const browser = await launchBrowser();
  try {
    const url = `http://localhost:${port}/${module.replace(/\.md$/, ".html")}`;
    const page = await browser.newPage();
    // Asked from Node: a browser that meets a closed port waits before it tries again.
    await until(
      async () => {
        if (server.exitCode !== null || server.signalCode !== null)
          throw new Error(`preview bench: the server stopped (exit code ${server.exitCode}, signal ${server.signalCode}):\n${log.slice(-2000)}`);
        return (await fetch(url).then(
          (r) => r.ok,
          () => false,
        ))
          ? true
          : undefined;
      },
      "the first page",
      600_000,
      serverLog,
    );
    const startSeconds = (performance.now() - started) / 1000;
    await page.goto(url);
    const file = join(copy, module);
    const times: number[] = [];
    const laterTimes: number[] = [];
    const noticed: number[] = [];
    const written: number[] = [];
    /** Saves a change; `pages` tells how many pages its build should write. */
    const save = async (word: string, change: (text: string) => string, into: number[], pages: 1 | 2): Promise<void> => {
      const text = readFileSync(file, "utf8");
      const changed = change(text);
      if (changed === text) throw new Error(`preview bench: no paragraph to change in ${module}`);
      const saved = performance.now();
      writeFileSync(file, changed);
      await until(() => shows(page, word), `"${word}" on screen`, 120_000, serverLog);
      into.push(performance.now() - saved);
      noticed.push(firstAfter(saved, /File changed/));
      written.push(firstAfter(saved, /Wrote \d+ files?/));
      // The bench measures what it says: a summary change writes two pages, a later one one page.
      await until(() => events.find((e) => e.at >= saved && /Wrote \d+ files?/.test(e.text)), "the build's report", 120_000, serverLog);
      const count = Number(/Wrote (\d+) files?/.exec(events.find((e) => e.at >= saved && /Wrote \d+ files?/.test(e.text))?.text ?? "")?.[1]);
      if (count !== pages) throw new Error(`preview bench: a change meant to write ${pages} page${pages === 1 ? "" : "s"} wrote ${count}`);
      // Saves come a few seconds apart, as when editing (search reindexes in between).
      await new Promise((r) => setTimeout(r, 3000));
    };
    for (let i = 0; i < saves; i++) {
      // The first word of the first paragraph of prose (not front matter, not a heading), the
      // page's summary. (Whatever the word: the build bench's own prose changes put "Edit0"
      // there, which a pattern for plain words used to pass over, so it changed a later one.)
      const first = `Previewword${i}`;
      // Its session's page is written again too, unless the page has a description of its
      // own, which that page shows instead (then the change is its own, like the later one's).
      const described = /^description:/m.test(frontMatterBlock(readFileSync(file, "utf8")));
      await save(first, (text) => text.replace(/(\n\n)[A-Z]\w*( )/, `$1${first}$2`), times, described ? 1 : 2);
      // The first word of the last paragraph.
      const later = `Laterword${i}`;
      await save(
        later,
        (text) => {
          const last = [...text.matchAll(/\n\n(?:Laterword\d+|[A-Z][a-z]+) /g)].at(-1);
          if (last?.index === undefined) return text;
          const start = last.index + 2;
          return `${text.slice(0, start)}${later}${text.slice(start + last[0].length - 3)}`;
        },
        laterTimes,
        1,
      );
    }
    return { startSeconds, saves: times, laterSaves: laterTimes, noticed, written };
  } finally {
    await browser.close();
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill();
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  }
}

// Run alone: node --import tsx tests/bench/preview-latency.ts COURSE MODULE [SAVES [FOLDER BESIDE THE COURSE…]]
if (process.argv[1] === import.meta.filename) {
  const [course = "content", module = "s01_development_environment/m01_terminal.md", saves = "5", ...beside] = process.argv.slice(2);
  console.log(
    await measurePreview(
      resolve(course),
      module,
      Number(saves),
      beside.map((b) => resolve(b)),
    ),
  );
}
