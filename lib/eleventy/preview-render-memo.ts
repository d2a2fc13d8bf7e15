/**
 * Preview only: a page whose Markdown, place in the site and surroundings are unchanged
 * since the last build is not rendered again. Its HTML is reused, and the problems and
 * `#anchor` links its rendering reported are reported again, so the overlay and the link
 * check see the same as after a full render. "Surroundings" are every page's output path
 * and every other file's path and modification time (figures, snippets, includes): a link
 * or image that a new file makes valid, or a removed one breaks, renders again.
 *
 * A save then costs one page's Markdown instead of the whole course's. Builds with
 * `npm run build` never use it: they always render everything.
 */

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { MarkdownIt } from "markdown-it";
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

export function memoizeRenderInPreview(md: MarkdownIt, build: BuildContext): void {
  const render = md.render.bind(md);
  const pages = new Map<string, Rendered>();
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
    const known = pages.get(context.sourceFile);
    if (known?.key === key) {
      for (const diagnostic of known.diagnostics) build.diagnostics.add(diagnostic);
      build.run.anchors.push(...known.anchors);
      return known.html;
    }
    const diagnosticsBefore = build.diagnostics.count;
    const anchorsBefore = build.run.anchors.length;
    const html = render(src, env);
    pages.set(context.sourceFile, { key, html, diagnostics: build.diagnostics.since(diagnosticsBefore), anchors: build.run.anchors.slice(anchorsBefore) });
    return html;
  };
}
