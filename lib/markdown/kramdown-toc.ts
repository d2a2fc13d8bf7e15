/**
 * markdown-it plugin: kramdown's table of contents. A list whose item ends with `{:toc}`
 * (Just the Docs pages write `1. TOC` then `{:toc}`) is replaced by a nested list of
 * the page's headings, leaving out those marked `no_toc` and the page title.
 */

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { escapeHtml } from "../layout/html.ts";

const TOC_MARKER = /\{:\s*toc\s*\}\s*$/;

/** Replaces `{:toc}` lists with a placeholder, filled once headings have their ids. */
function markToc(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== "bullet_list_open" && open?.type !== "ordered_list_open") continue;
    let depth = 0;
    let end = i;
    for (let j = i; j < tokens.length; j++) {
      depth += tokens[j]?.nesting ?? 0;
      if (depth === 0) {
        end = j;
        break;
      }
    }
    const marked = tokens.slice(i, end).some((t) => t.type === "inline" && TOC_MARKER.test(t.content));
    if (!marked) continue;
    const placeholder = new state.Token("kramdown_toc", "", 0);
    placeholder.block = true;
    placeholder.map = open.map;
    tokens.splice(i, end - i + 1, placeholder);
  }
}

interface Heading {
  level: number;
  id: string;
  text: string;
}

function fillToc(state: StateCore): void {
  const tokens = state.tokens;
  if (!tokens.some((t) => t.type === "kramdown_toc")) return;
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== "heading_open" || t.tag === "h1") continue;
    const id = t.attrGet("id");
    if (
      !id ||
      String(t.attrGet("class") ?? "")
        .split(/\s+/)
        .includes("no_toc")
    )
      continue;
    const inline = tokens[i + 1];
    const text = (inline?.children ?? [])
      .filter((c) => c.type === "text" || c.type === "code_inline")
      .map((c) => c.content)
      .join("");
    headings.push({ level: Number(t.tag.slice(1)), id: String(id), text });
  }
  const html = renderNested(headings);
  for (const t of tokens) if (t.type === "kramdown_toc") t.content = html;
}

/** A nested list of headings; a deeper heading opens a list inside the item before it. */
export function renderNested(headings: readonly Heading[]): string {
  if (headings.length === 0) return "";
  let html = "";
  const stack: number[] = [];
  for (const h of headings) {
    const item = `<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`;
    if (stack.length === 0 || h.level > (stack.at(-1) ?? 0)) {
      html += `<ul>${item}`;
      stack.push(h.level);
      continue;
    }
    while (stack.length > 1 && h.level < (stack.at(-1) ?? 0)) {
      html += "</li></ul>";
      stack.pop();
    }
    html += `</li>${item}`;
  }
  html += "</li></ul>".repeat(stack.length);
  return `<nav class="page-toc" aria-label="Contents">${html}</nav>\n`;
}

/** Registers the `{:toc}` list. */
export function kramdownToc(md: MarkdownIt): void {
  md.core.ruler.after("inline", "kramdown_toc", markToc);
  md.core.ruler.push("kramdown_toc_fill", fillToc);
  md.renderer.rules.kramdown_toc = (tokens, index) => tokens[index]?.content ?? "";
}
