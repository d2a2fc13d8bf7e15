/**
 * markdown-it plugin: inline code highlighting as Python-Markdown's InlineHilite writes
 * it: `` `#!python print("hi")` `` is shown as highlighted Python, without the `#!python`.
 */

import type { MarkdownIt } from "markdown-it";
import type { CodeHighlighter } from "./code-highlighter.ts";

const MARKER = /^#!([\w+#-]+)\s+([\s\S]*)$/;

/** The spans of one highlighted line (the inside of the <pre>'s <code>). */
function lineContent(pre: string): string {
  return /<code>([\s\S]*?)<\/code>/.exec(pre)?.[1] ?? "";
}

export function inlineHighlight(md: MarkdownIt, highlighter: CodeHighlighter): void {
  const plain = md.renderer.rules.code_inline;
  md.renderer.rules.code_inline = (tokens, index, options, env, self) => {
    const match = MARKER.exec(tokens[index]?.content ?? "");
    if (!match) return plain ? plain(tokens, index, options, env, self) : "";
    const [, lang = "", code = ""] = match;
    // Colours inline: these are found while rendering, after the stylesheet is written.
    const { html, known } = highlighter.highlight(code, lang, {}, true);
    return known ? `<code class="highlight-inline">${lineContent(html)}</code>` : `<code>${md.utils.escapeHtml(code)}</code>`;
  };
}
