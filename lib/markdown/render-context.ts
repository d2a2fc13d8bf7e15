/**
 * What the Markdown plugins need to know about the page being rendered. The Eleventy
 * wiring builds it from the page's data; tests build it by hand. Plugins receive a
 * function that finds it in markdown-it's `env`, so they stay independent of Eleventy.
 */

import type { SiteMap } from "../content/site-map.ts";

export interface RenderContext {
  /** Absolute path of the page's source file. */
  readonly sourceFile: string;
  /** Site-relative output path of the page. */
  readonly outputPath: string;
  /** Lines before the Markdown body (the front matter), to turn token lines into file lines. */
  readonly lineOffset: number;
  readonly site: SiteMap;
  /** Further folders `--8<--` paths may be relative to (an MkDocs project's root). */
  readonly snippetDirs?: readonly string[] | undefined;
  /** Reports a problem at a 1-based line of the source file. */
  report(severity: "error" | "warning", line: number | undefined, message: string): void;
  /** Notes a link to `#fragment` in the page written to `target`, checked once every page is built. */
  linkToAnchor(target: string, fragment: string, line: number | undefined, written: string): void;
}

export type ContextOf = (env: unknown) => RenderContext | undefined;

/** The 1-based file line of a token's first line, given markdown-it's 0-based body line. */
export function fileLine(context: RenderContext, bodyLine: number | undefined): number | undefined {
  return bodyLine === undefined ? undefined : context.lineOffset + bodyLine + 1;
}
