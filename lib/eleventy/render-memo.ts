/**
 * A page whose Markdown, place in the site and surroundings are unchanged since the last
 * build is not rendered again. Its HTML is reused, and the problems and `#anchor` links its
 * rendering reported are reported again, so the overlay and the link check see the same as
 * after a full render. "Surroundings" are every page's output path and every other file's
 * path and modification time (figures, snippets, includes): a link or image that a new file
 * makes valid, or a removed one breaks, renders again.
 *
 * The memo is kept on disk between builds (like the highlight cache), under a version made
 * of our own code, the installed packages, the settings and the working folder (problems
 * name files relative to it): any change there renders everything again. So a preview save
 * costs one page's Markdown, and a build where no Markdown changed renders none.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { MarkdownIt } from "markdown-it";
import { codeVersion } from "../build/code-version.ts";
import type { Diagnostic } from "../build/diagnostics.ts";
import type { AnchorReference } from "../content/anchor-check.ts";
import type { SiteMap } from "../content/site-map.ts";
import type { BuildContext } from "./build-context.ts";
import { renderContextOf } from "./course-data.ts";

interface Rendered {
  readonly key: string;
  readonly html: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly anchors: readonly AnchorReference[];
}

/** Every file under the course folder and the mounts: pages by path and output, other files with their times. */
export function surroundingsOf(site: SiteMap, folders: readonly string[]): string {
  const hash = createHash("sha1");
  const pages = new Set(site.pageSources);
  for (const source of site.pageSources) hash.update(`${source}>${site.pageOutput(source)}\n`);
  for (const folder of folders) {
    for (const rel of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
      if (rel.split(/[\\/]/).some((part) => part === "node_modules" || part === ".git")) continue;
      const file = join(folder, rel);
      if (pages.has(file)) continue;
      try {
        const stat = statSync(file);
        if (stat.isFile()) hash.update(`${file}@${stat.mtimeMs}:${stat.size}\n`);
      } catch {
        // Gone while we looked: the next build sees it.
      }
    }
  }
  return hash.digest("hex");
}

/** What the memo's entries depend on beyond each page: our code and packages, the settings, the working folder. */
function memoVersion(build: BuildContext): string {
  return createHash("sha1")
    .update(`1|${codeVersion(build.projectRoot)}|${process.cwd()}|${JSON.stringify(build.config)}|${build.format}`)
    .digest("hex");
}

interface MemoFile {
  readonly version: string;
  readonly pages: Record<string, Rendered>;
}

/** How many pages had their Markdown rendered (not reused) in the current build. */
export interface RenderMemo {
  readonly rendered: () => number;
  /** Starts a build: counts from zero, and forgets which entries were used. */
  startBuild(): void;
  /** Writes the entries used by this build to disk, when anything changed. */
  save(): void;
}

export function memoizeRender(md: MarkdownIt, build: BuildContext, file: string): RenderMemo {
  const render = md.render.bind(md);
  const version = memoVersion(build);
  const pages = new Map<string, Rendered>();
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as MemoFile;
    if (stored.version === version) for (const [source, entry] of Object.entries(stored.pages)) pages.set(source, entry);
  } catch {
    // No memo yet, or a damaged one: render everything.
  }
  const used = new Set<string>();
  let changed = false;
  let rendered = 0;
  const surroundings = new WeakMap<SiteMap, string>();
  md.render = (src: string, env?: Parameters<MarkdownIt["render"]>[1]): string => {
    const context = renderContextOf(env, build);
    if (!context) return render(src, env);
    let around = surroundings.get(context.site);
    if (around === undefined) {
      around = surroundingsOf(context.site, [build.inputDir, ...build.mounts.map((m) => m.from)]);
      surroundings.set(context.site, around);
    }
    let whole = "";
    try {
      whole = readFileSync(context.sourceFile, "utf8");
    } catch {
      // A virtual page (the 404 page): its body is all there is.
    }
    const key = createHash("sha1").update(`${around}|${context.outputPath}|${context.lineOffset}|`).update(whole).update("\0").update(src).digest("hex");
    used.add(context.sourceFile);
    const known = pages.get(context.sourceFile);
    if (known?.key === key) {
      for (const diagnostic of known.diagnostics) build.diagnostics.add(diagnostic);
      build.run.anchors.push(...known.anchors);
      return known.html;
    }
    rendered++;
    const diagnosticsBefore = build.diagnostics.count;
    const anchorsBefore = build.run.anchors.length;
    const html = render(src, env);
    pages.set(context.sourceFile, { key, html, diagnostics: build.diagnostics.since(diagnosticsBefore), anchors: build.run.anchors.slice(anchorsBefore) });
    changed = true;
    return html;
  };
  return {
    rendered: () => rendered,
    startBuild() {
      rendered = 0;
      used.clear();
    },
    save() {
      for (const source of pages.keys()) {
        if (used.has(source)) continue;
        pages.delete(source);
        changed = true;
      }
      if (!changed) return;
      const data: MemoFile = { version, pages: Object.fromEntries(pages) };
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, file);
      changed = false;
    },
  };
}
