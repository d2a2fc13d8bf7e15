/**
 * `npm run bench`: times our full build (pages and both search indexes) against a bare
 * Eleventy build of the same Markdown, on the synthetic course of ../shared/bench at
 * 100 and 1,000 modules (4,000 with --large), cold (no cache) and warm (cache kept:
 * sources unchanged; the prose of one module changed; the prose of every page changed,
 * a new change before each run). Medians of --runs runs (default 3), peak
 * memory of the whole process tree, output size, and the ratios to the baseline measured
 * in the same run. When a `hugo` binary is on the PATH, Hugo is timed in the same loop on
 * the same Markdown, with Chroma highlighting, bare (`{{ .Content }}` only) and with a nav
 * of every page on every page (see hugo-site.ts); without one, one line says so and Hugo
 * is skipped. Then offline search on each built course, in Chromium from disk: page load,
 * index files loaded before typing, and per query the time from the last keystroke to
 * results on screen (see search-latency.ts).
 */

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { type HugoVariant, prepareHugo } from "./hugo-site.ts";
import { measurePageWeight, median } from "./page-weight.ts";
import { measurePreview, type PreviewFigures } from "./preview-latency.ts";
import { measureOfflineSearch } from "./search-latency.ts";

const PROJECT = resolve(import.meta.dirname, "../..");
const MAKE_CORPUS = resolve(PROJECT, "../shared/bench/make-corpus.mjs");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const sizes = args.includes("--large") ? [100, 1000, 4000] : args.includes("--quick") ? [100] : args.includes("--only-1000") ? [1000] : [100, 1000];

interface Measure {
  seconds: number;
  peakMb: number;
}

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(rss ?? 0);
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, returning its wall time and the peak memory of its process tree. */
function measure(command: string, commandArgs: string[]): Promise<Measure> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: PROJECT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peak = 0;
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 50);
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) fail(new Error(`${command} ${commandArgs.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
      else ok({ seconds, peakMb: peak / 1024 });
    });
  });
}

function folderMb(dir: string): number {
  let bytes = 0;
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const s = statSync(join(dir, rel));
    if (s.isFile()) bytes += s.size;
  }
  return bytes / 1024 / 1024;
}

/** The folder's size, and for our site how much of it is the offline zip (a compressed copy of the rest). */
function outputMb(dir: string): string {
  const zips = readdirSync(dir).filter((f) => f.endsWith(".zip"));
  const zipMb = zips.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1024 / 1024;
  return zips.length ? `${folderMb(dir).toFixed(1)} (zip ${zipMb.toFixed(1)})` : folderMb(dir).toFixed(1);
}

function largestPageKb(dir: string): number {
  let largest = 0;
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" }))
    if (rel.endsWith(".html")) largest = Math.max(largest, statSync(join(dir, rel)).size);
  return largest / 1024;
}

/**
 * Adds a word to a paragraph of prose (code blocks stay as they are) in every page, or
 * only in the first module. `edit` makes each run's change a new one: a run after an
 * unchanged one would only measure a warm build.
 */
function touchProse(course: string, edit: number, everyPage: boolean): void {
  const pages = readdirSync(course, { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.endsWith(".md"))
    .sort();
  const firstModule = pages.find((rel) => /^s[^/]*\/m[^/]*\.md$/.test(rel));
  for (const rel of everyPage ? pages : firstModule ? [firstModule] : []) {
    const path = join(course, rel);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(/\n\n([A-Z][a-z]+) /, `\n\nEdit${edit} $1 `));
  }
}

const node = process.execPath;
const ours = (input: string, output: string): [string, string[]] => [node, ["lib/cli/run.mjs", "--input", input, "--output", output, "--quiet"]];
const bare = (input: string, output: string): [string, string[]] => [node, ["tests/bench/bare-eleventy.mjs", input, output]];

/** Hugo's version (e.g. "0.111.3"), or undefined when there is no `hugo` on the PATH. */
function hugoVersion(): string | undefined {
  try {
    const version = execFileSync("hugo", ["version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return /v(\d+\.\d+\.\d+)/.exec(version)?.[1] ?? "?";
  } catch {
    return undefined;
  }
}

/** The Hugo variants timed, with their row labels; "full nav" is the one comparable to our build. */
const HUGO_ROWS: [HugoVariant, string][] = [
  ["no nav", "Hugo, no nav"],
  ["full nav", "Hugo, full nav (Chroma)"],
];
const hugo = hugoVersion();

/** Words and phrases of the synthetic course's vocabulary, one common, some rare. */
const QUERIES = ["container", "data drift", "quantization", "secrets handling"];

const rows: string[][] = [];
const searchRows: string[][] = [];
const previewRows: string[][] = [];
const previewRow = (label: string, figures: PreviewFigures | undefined): void => {
  if (figures)
    previewRows.push([
      label,
      figures.startSeconds.toFixed(1),
      median(figures.saves).toFixed(0),
      Math.max(...figures.saves).toFixed(0),
      median(figures.laterSaves).toFixed(0),
      Math.max(...figures.laterSaves).toFixed(0),
      `${figures.saves.length} + ${figures.laterSaves.length}`,
    ]);
};
const work = mkdtempSync(join(tmpdir(), "coursesite-bench-"));
console.log(
  `coursesite bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${hugo ? `, Hugo ${hugo}` : ""}; median of ${runs} runs\n`,
);
if (!hugo) console.log("hugo not on the PATH: Hugo not timed.\n");

for (const modules of sizes) {
  const sessions = modules >= 1000 ? 20 : 10;
  const course = join(work, `course-${modules}`);
  execFileSync(node, [MAKE_CORPUS, "--sessions", String(sessions), "--modules", String(modules / sessions), "--out", course], { stdio: "ignore" });
  const out = (name: string): string => join(work, `${name}-${modules}`);
  const cache = join(PROJECT, ".cache");
  const times: Record<string, Measure[]> = { bare: [], cold: [], warm: [], "prose one": [], "prose every": [], "hugo no nav": [], "hugo full nav": [] };
  // Hugo's project (a copy of the Markdown, configs, layouts) is written once, outside the timings.
  const hugoBuild = hugo ? prepareHugo(course, join(work, `hugo-project-${modules}`)) : undefined;
  const hugoOut = (variant: HugoVariant): string => out(`hugo-${variant.replace(" ", "-")}`);
  for (let run = 0; run < runs; run++) {
    rmSync(out("bare"), { recursive: true, force: true });
    times.bare?.push(await measure(...bare(course, out("bare"))));
    if (hugoBuild)
      for (const [variant] of HUGO_ROWS) {
        rmSync(hugoOut(variant), { recursive: true, force: true });
        times[`hugo ${variant}`]?.push(await measure(...hugoBuild[variant](hugoOut(variant))));
      }
    rmSync(cache, { recursive: true, force: true });
    times.cold?.push(await measure(...ours(course, out("site"))));
    times.warm?.push(await measure(...ours(course, out("site"))));
  }
  let edit = 0;
  for (let run = 0; run < runs; run++) {
    touchProse(course, ++edit, false);
    times["prose one"]?.push(await measure(...ours(course, out("site"))));
    touchProse(course, ++edit, true);
    times["prose every"]?.push(await measure(...ours(course, out("site"))));
  }
  const baseline = median((times.bare ?? []).map((m) => m.seconds));
  const row = (label: string, list: Measure[], dir?: string): string[] => {
    const seconds = median(list.map((m) => m.seconds));
    return [
      `${modules}`,
      label,
      seconds.toFixed(2),
      (seconds / baseline).toFixed(2),
      Math.max(...list.map((m) => m.peakMb)).toFixed(0),
      dir && existsSync(dir) ? outputMb(dir) : "",
      dir && existsSync(dir) ? largestPageKb(dir).toFixed(0) : "",
    ];
  };
  rows.push(row("bare Eleventy (baseline)", times.bare ?? [], out("bare")));
  rows.push(row("coursesite, cold", times.cold ?? [], out("site")));
  rows.push(row("coursesite, warm", times.warm ?? []));
  rows.push(row("coursesite, prose of one module changed", times["prose one"] ?? []));
  rows.push(row("coursesite, prose of every page changed", times["prose every"] ?? []));
  for (const [variant, label] of hugoBuild ? HUGO_ROWS : []) rows.push(row(label, times[`hugo ${variant}`] ?? [], hugoOut(variant)));
  const search = await measureOfflineSearch(out("site"), QUERIES);
  for (const q of search?.queries ?? [])
    searchRows.push([
      `${modules}`,
      search?.loadMs.toFixed(0) ?? "",
      `${search?.indexFilesBeforeTyping}`,
      `${search?.indexFiles} (largest ${search?.largestIndexFileKb.toFixed(0)} KB)`,
      `“${q.query}”`,
      q.ms.toFixed(0),
      q.kb.toFixed(0),
      `${q.results}`,
    ]);
  const firstSession =
    readdirSync(course)
      .filter((f) => /^s\d/.test(f))
      .sort()[0] ?? "";
  const firstModule =
    readdirSync(join(course, firstSession))
      .filter((f) => /^m.*\.md$/.test(f))
      .sort()[0] ?? "";
  previewRow(`synthetic, ${modules} modules`, await measurePreview(course, `${firstSession}/${firstModule}`));
  console.log(`${modules} modules done`);
}

// Page weight of the MLOps course as students fetch it (a full build of content/ into the work folder).
const courseSite = join(work, "mlops-site");
execFileSync(...ours(join(PROJECT, "content"), courseSite), { cwd: PROJECT, stdio: "ignore" });
const weight = measurePageWeight(courseSite);

previewRow(
  "the MLOps course in content/",
  await measurePreview(join(PROJECT, "content"), "s01_development_environment/m01_terminal.md", 5, [join(PROJECT, "figures")]),
);

const header = ["modules", "build", "median s", "× baseline", "peak MB", "output MB", "largest page KB"];
console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
const searchHeader = ["modules", "page load ms", "index files before typing", "index files", "query", "ms after last key", "index KB loaded", "results"];
if (searchRows.length) {
  console.log(`\nOffline search, from disk in Chromium:\n\n| ${searchHeader.join(" | ")} |\n|${searchHeader.map(() => "---").join("|")}|`);
  for (const r of searchRows) console.log(`| ${r.join(" | ")} |`);
}
const previewHeader = [
  "course",
  "server start s",
  "first paragraph: save → on screen, median ms",
  "slowest ms",
  "last paragraph: median ms",
  "slowest ms",
  "saves",
];
if (previewRows.length) {
  console.log(
    `\nLive preview (npm start), a prose change in one module: to its first paragraph (its summary, shown on its session's page: that page is built again too, unless the page has a description of its own, as the MLOps course's have), or to its last (only that page is):\n\n| ${previewHeader.join(" | ")} |`,
  );
  console.log(`|${previewHeader.map(() => "---").join("|")}|`);
  for (const r of previewRows) console.log(`| ${r.join(" | ")} |`);
}
console.log(
  `\nPage weight of the MLOps course's ${weight.pages} module pages (gzip -9 of the HTML, and on a first visit the stylesheets and scripts it links):` +
    ` first visit median ${weight.firstMedianKb.toFixed(1)} KB, largest ${weight.firstMaxKb.toFixed(1)} KB;` +
    ` next page median ${weight.nextMedianKb.toFixed(1)} KB, largest ${weight.nextMaxKb.toFixed(1)} KB;` +
    ` at most ${weight.blocking} render-blocking request${weight.blocking === 1 ? "" : "s"} per page.`,
);
if (!searchRows.length) console.log("\nOffline search not measured: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH).");
rmSync(work, { recursive: true, force: true });
