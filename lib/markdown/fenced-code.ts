/**
 * markdown-it plugin: renders fenced code through the highlighter, inside a wrapper
 * that carries a copy button (shown by the page script; without JavaScript there is
 * nothing to click, so it stays hidden). An unknown language is a warning, not a
 * failed build: the block is shown as plain text.
 */

import type { MarkdownIt } from "markdown-it";
import { escapeHtml } from "../layout/html.ts";
import type { CodeHighlighter } from "./code-highlighter.ts";
import { type ContextOf, fileLine } from "./render-context.ts";

/** Registers the fence renderer. */
export function fencedCode(md: MarkdownIt, highlighter: CodeHighlighter, contextOf: ContextOf): void {
  md.renderer.rules.fence = (tokens, index, _options, env) => {
    const token = tokens[index];
    if (!token) return "";
    const lang = token.info.trim().split(/\s+/)[0] ?? "";
    const { html, known } = highlighter.highlight(token.content.replace(/\n$/, ""), lang);
    if (!known) {
      const context = contextOf(env);
      context?.report(
        "warning",
        fileLine(context, token.map?.[0]),
        `code block language "${lang}" cannot be highlighted; it is shown as plain text. Use a language Shiki knows (python, bash, yaml …) or "text".`,
      );
    }
    const label = known && lang ? ` data-lang="${escapeHtml(lang.toLowerCase())}"` : "";
    return `<div class="code-block"${label}><button type="button" class="copy-code" hidden>Copy</button>${html}</div>\n`;
  };
}
