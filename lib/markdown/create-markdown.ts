/**
 * The Markdown renderer. This is the one place that decides which plugins run and in
 * what order; each plugin lives in its own file.
 */

import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import type { CodeHighlighter } from "./code-highlighter.ts";
import { fencedCode } from "./fenced-code.ts";
import { headingIds } from "./heading-ids.ts";
import type { ContextOf } from "./render-context.ts";
import { rewriteUrls } from "./rewrite-urls.ts";
import { scrollableTables } from "./scrollable-tables.ts";

export interface MarkdownOptions {
  readonly highlighter: CodeHighlighter;
  /** Finds the page being rendered in markdown-it's env (undefined outside a build: nothing is rewritten or reported). */
  readonly contextOf: ContextOf;
}

/** A markdown-it instance configured for course pages: GitHub-flavoured Markdown with raw HTML allowed. */
export function createMarkdown(options: MarkdownOptions): MarkdownItInstance {
  // Raw HTML is allowed: real courses use <details>, <p align="center"> and <img>.
  // linkify matches GitHub, which turns bare URLs into links.
  const md = MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(headingIds);
  md.use(scrollableTables);
  // URL rewriting runs after parsing so it sees links and images in their final tokens.
  rewriteUrls(md, options.contextOf);
  fencedCode(md, options.highlighter, options.contextOf);
  return md;
}
