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
 *
 * markdown-it itself, with Shiki and the plugins, is set up only when a first page has to
 * render: a build where no Markdown changed never loads them (0.3 s of imports).
 */

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { MarkdownIt } from "markdown-it";
import { codeVersion } from "../build/code-version.ts";
import type { Diagnostic } from "../build/diagnostics.ts";
import { STARTED_IN } from "../build/working-folder.ts";
import { writeFileAtomic } from "../build/write-atomic.ts";
import type { AnchorReference } from "../content/anchor-check.ts";
import type { SiteMap } from "../content/site-map.ts";
import { snippetTexts } from "../markdown/snippets.ts";
import type { BuildContext } from "./build-context.ts";
import { renderContextOf, sourceTextOf } from "./course-data.ts";

interface Rendered {
  readonly key: string;
  readonly html: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly anchors: readonly AnchorReference[];
}

/** Everything under `folder` (relative paths, sorted) but git's and packages' folders: what a page can refer to. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((rel) => !rel.split(/[\\/]/).some((part) => part === "node_modules" || part === ".git"))
    .sort();
}

/** Every file under the course folder and the mounts: pages by path and output, other files with their times. */
export function surroundingsOf(site: SiteMap, folders: readonly string[]): string {
  const hash = createHash("sha1");
  const pages = new Set(site.pageSources);
  for (const source of site.pageSources) hash.update(`${source}>${site.pageOutput(source)}\n`);
  for (const folder of folders) {
    for (const rel of filesUnder(folder)) {
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
    .update(`1|${codeVersion(build.projectRoot)}|${STARTED_IN}|${JSON.stringify(build.config)}|${build.format}`)
    .digest("hex");
}

/** What is stored of one page: the entry, and the page it is for (names are hashes). */
interface StoredEntry extends Rendered {
  readonly source: string;
}

/**
 * The Markdown library handed to Eleventy. Its render returns a promise (which Eleventy
 * awaits) only while markdown-it is being set up; rules Eleventy disables are disabled on
 * the instance once it exists.
 */
export interface MarkdownLibrary {
  render(src: string, env?: Parameters<MarkdownIt["render"]>[1]): string | Promise<string>;
  disable(rules: string | string[]): void;
}

export interface RenderMemo {
  readonly library: MarkdownLibrary;
  /** How many pages had their Markdown rendered (not reused) in the current build. */
  readonly rendered: () => number;
  /** Starts a build: counts from zero, and forgets which entries were used. */
  startBuild(): void;
  /**
   * Reports again what the pages among `sources` that this build did not render reported
   * when they last rendered (an incremental build renders only the saved page). Returns
   * those it has no record of.
   */
  replay(sources: Iterable<string>): string[];
  /** Writes the entries rendered by this build to disk, and drops those of pages gone. */
  save(): void;
}

/**
 * Memoizes the rendering of pages by the markdown-it instance that `load` sets up (once, when
 * a page first needs it), keeping entries in `folder`: one file per page, read when the page
 * renders and written only when it was rendered again (a warm build reads 1,000 small files
 * and writes none; one JSON file of every page cost a second to read and write).
 */
export function memoizeRender(load: () => Promise<MarkdownIt>, build: BuildContext, folder: string): RenderMemo {
  let md: MarkdownIt | undefined;
  let loading: Promise<MarkdownIt> | undefined;
  const disabled: (string | string[])[] = [];
  /** `use(md)` at once when markdown-it is set up; otherwise once it is (a promise). */
  const withMarkdown = <T>(use: (made: MarkdownIt) => T): T | Promise<T> => {
    if (md) return use(md);
    loading ??= load().then((made) => {
      for (const rules of disabled) made.disable(rules);
      md = made;
      return made;
    });
    return loading.then(use);
  };
  const version = memoVersion(build).slice(0, 16);
  const store = join(folder, version);
  const pages = new Map<string, Rendered>();
  const fileOf = (source: string): string => join(store, `${createHash("sha1").update(source).digest("hex").slice(0, 20)}.json`);
  const stored = (source: string): Rendered | undefined => {
    if (pages.has(source)) return pages.get(source);
    try {
      const entry = JSON.parse(readFileSync(fileOf(source), "utf8")) as StoredEntry;
      if (entry.source === source) {
        pages.set(source, entry);
        return entry;
      }
    } catch {
      // Not kept yet, or damaged: the page renders.
    }
    return undefined;
  };
  /** What a page reported when it last rendered, reported again for a page not rendered now. */
  const reportAgain = (entry: Rendered): void => {
    for (const diagnostic of entry.diagnostics) build.diagnostics.add(diagnostic);
    build.run.anchors.push(...entry.anchors);
  };
  const used = new Set<string>();
  const fresh = new Set<string>();
  let rendered = 0;
  const surroundings = new WeakMap<SiteMap, string>();
  const render = (src: string, env?: Parameters<MarkdownIt["render"]>[1]): string | Promise<string> => {
    const context = renderContextOf(env, build);
    if (!context) return withMarkdown((made) => made.render(src, env));
    let around = surroundings.get(context.site);
    if (around === undefined) {
      around = surroundingsOf(context.site, [build.inputDir, ...build.mounts.map((m) => m.from)]);
      surroundings.set(context.site, around);
    }
    // A virtual page (the 404 page) has no file: its body is all there is.
    const whole = sourceTextOf(context.sourceFile, build) ?? "";
    // Files its snippets include are part of the page: the surroundings know other files by
    // their times, but not the course's own pages (a snippet can show one as source).
    const included = snippetTexts(whole, build.inputDir, context.sourceFile, context.snippetDirs);
    const key = createHash("sha1")
      .update(`${around}|${context.outputPath}|${context.lineOffset}|`)
      .update(whole)
      .update("\0")
      .update(src)
      .update("\0")
      .update(included)
      .digest("hex");
    used.add(context.sourceFile);
    const known = stored(context.sourceFile);
    if (known?.key === key) {
      reportAgain(known);
      return known.html;
    }
    // (Synchronous from here: what the page reports is told apart from other pages' by count.)
    const renderWith = (made: MarkdownIt): string => {
      rendered++;
      const diagnosticsBefore = build.diagnostics.count;
      const anchorsBefore = build.run.anchors.length;
      const html = made.render(src, env);
      pages.set(context.sourceFile, { key, html, diagnostics: build.diagnostics.since(diagnosticsBefore), anchors: build.run.anchors.slice(anchorsBefore) });
      fresh.add(context.sourceFile);
      if (context.outputPath) build.run.renderedAnew?.(context.outputPath, html);
      return html;
    };
    return withMarkdown(renderWith);
  };
  return {
    library: {
      render,
      disable(rules) {
        if (md) md.disable(rules);
        else disabled.push(rules);
      },
    },
    rendered: () => rendered,
    replay(sources) {
      const unknown: string[] = [];
      for (const source of sources) {
        if (used.has(source)) continue;
        const known = stored(source);
        if (!known) {
          unknown.push(source);
          continue;
        }
        used.add(source);
        reportAgain(known);
      }
      return unknown;
    },
    startBuild() {
      rendered = 0;
      used.clear();
    },
    save() {
      mkdirSync(store, { recursive: true });
      for (const source of fresh) {
        const entry = pages.get(source);
        if (entry) writeFileAtomic(fileOf(source), JSON.stringify({ source, ...entry } satisfies StoredEntry));
      }
      fresh.clear();
      // Entries of pages that are gone, and of other versions, are dropped.
      const kept = new Set([...used].map((source) => basename(fileOf(source))));
      for (const name of readdirSync(store)) if (!kept.has(name) && name.endsWith(".json")) rmSync(join(store, name), { force: true });
      for (const name of readdirSync(folder)) if (name !== version) rmSync(join(folder, name), { recursive: true, force: true });
      for (const source of pages.keys()) if (!used.has(source)) pages.delete(source);
      // Eleventy keeps every Markdown library it was given, and so this memo, for as long as
      // the process runs. A build has no next render: it lets go of the pages, now on disk.
      if (!build.serving) pages.clear();
    },
  };
}
