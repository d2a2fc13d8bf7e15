/**
 * markdown-it plugin: rewrites the URLs of links and images, in Markdown and in raw
 * HTML alike, from the form that works on GitHub (`../s2/M5_git.md`) to the built
 * site's relative URLs, and reports links to files that do not exist.
 */

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { type LinkResolution, resolveLink } from "../content/resolve-link.ts";
import { type ContextOf, fileLine, type RenderContext } from "./render-context.ts";

const HTML_URL_ATTRIBUTE = /(<(?:a|img|source|video|audio|iframe|embed|link)\b[^>]*?\s(?:href|src)\s*=\s*)("([^"]*)"|'([^']*)')/gi;

/** Registers the rewriting rule; `contextOf` finds the page being rendered in markdown-it's env. */
export function rewriteUrls(md: MarkdownIt, contextOf: ContextOf): void {
  md.core.ruler.push("coursesite_rewrite_urls", (state: StateCore) => {
    const context = contextOf(state.env);
    if (!context) return;
    for (const token of state.tokens) {
      const line = fileLine(context, token.map?.[0]);
      if (token.type === "html_block") token.content = rewriteHtml(token.content, context, line);
      if (token.type !== "inline" || !token.children) continue;
      let offset = 0; // soft line breaks inside the paragraph, for the line number
      for (const child of token.children) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        const here = line === undefined ? undefined : line + offset;
        if (child.type === "link_open") rewriteAttribute(child, "href", context, here);
        else if (child.type === "image") rewriteAttribute(child, "src", context, here);
        else if (child.type === "html_inline") child.content = rewriteHtml(child.content, context, here);
      }
    }
  });
}

function rewriteAttribute(token: Token, name: string, context: RenderContext, line: number | undefined): void {
  const value = token.attrGet(name);
  if (typeof value !== "string") return;
  const rewritten = rewrite(value, context, line);
  if (rewritten !== value) token.attrSet(name, rewritten);
}

function rewriteHtml(markup: string, context: RenderContext, line: number | undefined): string {
  return markup.replace(HTML_URL_ATTRIBUTE, (whole, prefix: string, _quoted, double?: string, single?: string) => {
    const value = double ?? single ?? "";
    const rewritten = rewrite(decodeEntities(value), context, line);
    return rewritten === decodeEntities(value) ? whole : `${prefix}"${rewritten.replaceAll('"', "&quot;")}"`;
  });
}

function decodeEntities(value: string): string {
  return value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

function rewrite(url: string, context: RenderContext, line: number | undefined): string {
  const result: LinkResolution = resolveLink(url, context, context.site);
  switch (result.kind) {
    case "page":
    case "file":
      return result.href;
    case "missing":
      context.report("error", line, `the link "${url}" points to a file that does not exist (${result.path}). Fix the path, or add the file.`);
      return url;
    default:
      return url;
  }
}
