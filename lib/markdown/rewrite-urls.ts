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
        if (child.type === "link_open") {
          rewriteAttribute(child, "href", context, here);
          markExternal(child);
        } else if (child.type === "image") rewriteAttribute(child, "src", context, here);
        else if (child.type === "html_inline") child.content = rewriteHtml(child.content, context, here);
      }
    }
  });
}

function rewriteAttribute(token: Token, name: "href" | "src", context: RenderContext, line: number | undefined): void {
  const value = token.attrGet(name);
  if (typeof value !== "string") return;
  const rewritten = rewrite(value, context, line, name === "src" || token.attrGet("class") === "lightbox-link" ? "image" : "link");
  if (rewritten !== value) token.attrSet(name, rewritten);
}

/** Links to other sites open no window handle back to the course (rel="noopener"). */
function markExternal(token: Token): void {
  const href = String(token.attrGet("href") ?? "");
  if (/^(https?:)?\/\//i.test(href) && !String(token.attrGet("rel") ?? "").includes("noopener")) token.attrJoin("rel", "noopener");
}

function rewriteHtml(markup: string, context: RenderContext, line: number | undefined): string {
  return markup.replace(HTML_URL_ATTRIBUTE, (whole, prefix: string, _quoted, double?: string, single?: string) => {
    const value = double ?? single ?? "";
    const rewritten = rewrite(decodeEntities(value), context, line, /^<a\b/i.test(prefix) ? "link" : "image");
    return rewritten === decodeEntities(value) ? whole : `${prefix}"${rewritten.replaceAll('"', "&quot;")}"`;
  });
}

function decodeEntities(value: string): string {
  return value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

function rewrite(url: string, context: RenderContext, line: number | undefined, kind: "link" | "image"): string {
  const result: LinkResolution = resolveLink(url, context, context.site);
  switch (result.kind) {
    case "page":
      if (result.fragment) context.linkToAnchor(result.target, result.fragment, line, url);
      return result.href;
    case "file":
      return result.href;
    case "missing": {
      const what = kind === "image" ? `the image "${url}"` : `the link "${url}" points to a page or file that`;
      const hint = result.suggestion ? `; did you mean "${result.suggestion}"?` : `. Fix the path, or add the ${kind === "image" ? "image" : "file"}.`;
      context.report("error", line, `${what} does not exist${hint}`);
      return url;
    }
    default:
      if (url.startsWith("#") && url.length > 1) context.linkToAnchor(context.outputPath, url.slice(1), line, url);
      return url;
  }
}
