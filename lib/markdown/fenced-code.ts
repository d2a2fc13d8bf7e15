/**
 * markdown-it plugin: renders fenced code through the highlighter, with the options of
 * the fence (title, highlighted lines, line numbers), files included with `--8<--`,
 * and a copy button (shown by the page script; without JavaScript there is nothing to
 * click, so it stays hidden). An unknown language is a warning, not a failed build:
 * the block is shown as plain text.
 */

import type { MarkdownIt } from "markdown-it";
import { escapeHtml } from "../layout/html.ts";
import { addMarkers, takeMarkers } from "./code-annotations.ts";
import type { CodeHighlighter } from "./code-highlighter.ts";
import { parseFenceInfo } from "./fence-info.ts";
import { type ContextOf, fileLine } from "./render-context.ts";
import { includeSnippets } from "./snippets.ts";

/** Registers the fence renderer. */
export function fencedCode(md: MarkdownIt, highlighter: CodeHighlighter, contextOf: ContextOf): void {
  md.renderer.rules.fence = (tokens, index, _options, env) => {
    const token = tokens[index];
    if (!token) return "";
    const info = parseFenceInfo(token.info);
    const context = contextOf(env);
    const line = context ? fileLine(context, token.map?.[0]) : undefined;
    let code = token.content.replace(/\n$/, "");
    if (context) {
      const included = includeSnippets(code, context.site.inputDir, context.sourceFile, context.snippetDirs);
      code = included.code;
      for (const problem of included.problems) context.report("error", line === undefined ? undefined : line + 1 + problem.line, problem.message);
    }
    // Code annotations: markers come out of the code before highlighting, links go back in after.
    const annotationPrefix = (token.meta as { annotationPrefix?: string } | null)?.annotationPrefix;
    const marked = annotationPrefix ? takeMarkers(code) : undefined;
    if (marked) code = marked.code;
    const highlighted = highlighter.highlight(code, info.lang, { highlight: info.highlight, lineNumbers: info.lineNumbers });
    const known = highlighted.known;
    const html = marked && annotationPrefix ? addMarkers(highlighted.html, marked.annotations, annotationPrefix) : highlighted.html;
    if (!known) {
      context?.report(
        "warning",
        line,
        `code block language "${info.lang}" cannot be highlighted; it is shown as plain text. Use a language Shiki knows (python, bash, yaml …) or "text".`,
      );
    }
    const label = known && info.lang ? ` data-lang="${escapeHtml(info.lang)}"` : "";
    const title = info.title ? `<div class="code-title">${escapeHtml(info.title)}</div>` : "";
    return `<div class="code-block${info.title ? " has-title" : ""}"${label}>${title}${html}</div>\n`;
  };
}
