/**
 * The Markdown renderer. This is the one place that decides which plugins run and in
 * what order; each plugin lives in its own file (or is a maintained markdown-it plugin).
 *
 * Order matters in three places:
 * - `{:toc}` lists are found right after inline parsing, before attribute lists would
 *   read `{:toc}` as one; the list is filled in last, once headings have their ids.
 * - Attribute lists run before heading ids, so `{#id}` and `{: .no_toc }` are seen.
 * - Images are decorated before URLs are rewritten, so both see the source's paths.
 */

import katexModule from "@vscode/markdown-it-katex";
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import abbreviations from "markdown-it-abbr";
import definitionLists from "markdown-it-deflist";
import { full as emoji } from "markdown-it-emoji";
import footnotes from "markdown-it-footnote";
import githubAlerts from "markdown-it-github-alerts";
import { admonitions } from "./admonitions.ts";
import { attributeLists } from "./attribute-lists.ts";
import { codeAnnotations } from "./code-annotations.ts";
import type { CodeHighlighter } from "./code-highlighter.ts";
import { contentLint } from "./content-lint.ts";
import { contentTabs } from "./content-tabs.ts";
import { fencedCode } from "./fenced-code.ts";
import { headingIds } from "./heading-ids.ts";
import { iconShortcodes } from "./icon-shortcodes.ts";
import { images } from "./images.ts";
import { inlineHighlight } from "./inline-highlight.ts";
import { kramdownToc } from "./kramdown-toc.ts";
import { markdownInHtmlBlocks } from "./markdown-in-html.ts";
import type { ContextOf } from "./render-context.ts";
import { rewriteUrls } from "./rewrite-urls.ts";
import { scrollableTables } from "./scrollable-tables.ts";
import { taskListItems } from "./task-lists.ts";

// The package is CommonJS with its plugin under `default`.
const katex = ((katexModule as unknown as { default?: unknown }).default ?? katexModule) as (md: MarkdownItInstance, options: object) => void;

export interface MarkdownOptions {
  readonly highlighter: CodeHighlighter;
  /** Finds the page being rendered in markdown-it's env (undefined outside a build: nothing is rewritten or reported). */
  readonly contextOf: ContextOf;
}

/** A markdown-it instance configured for course pages: GitHub-flavoured Markdown with raw HTML allowed, plus the authoring extensions. */
export function createMarkdown(options: MarkdownOptions): MarkdownItInstance {
  // Raw HTML is allowed: real courses use <details>, <p align="center"> and <img>.
  // linkify matches GitHub, which turns bare URLs into links.
  const md = MarkdownIt({ html: true, linkify: true, typographer: false });

  // Blocks: callouts, collapsibles, tabs, Markdown inside HTML, math.
  md.use(githubAlerts);
  md.use(admonitions);
  md.use(contentTabs);
  md.use(markdownInHtmlBlocks);
  md.use(katex, { throwOnError: false, output: "htmlAndMathml" });
  md.use(footnotes);
  md.use(definitionLists);
  md.use(abbreviations);
  md.use(emoji);
  iconShortcodes(md, options.contextOf);
  inlineHighlight(md, options.highlighter);
  md.use(codeAnnotations);

  // Inline structure (each rule is placed relative to markdown-it's own; see above).
  md.use(attributeLists);
  md.use(taskListItems);
  md.use(headingIds);
  md.use(kramdownToc); // after heading ids: it lists them

  // Output.
  md.use(scrollableTables);
  contentLint(md, options.contextOf); // before images and URLs are rewritten: messages show what was written
  images(md, options.contextOf);
  rewriteUrls(md, options.contextOf);
  fencedCode(md, options.highlighter, options.contextOf);
  return md;
}
