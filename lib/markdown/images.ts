/**
 * markdown-it plugin: images that load well and open large.
 * - Every image but a page's first gets `loading="lazy"`, and when it is a file of the
 *   course its `width` and `height` (read from the file), so nothing shifts as it loads.
 *   The first loads with the page: it is often in view at once, where waiting for layout
 *   to start it only delays it, and a page that has loaded has its first figure.
 * - An image alone in its paragraph with a title (`![alt](x.svg "Caption")`) becomes a
 *   <figure> with that caption.
 * - A Markdown image that is not already a link links to the full-size file; the page
 *   script opens it in a lightbox, and without JavaScript the link opens the file.
 * Runs before URL rewriting, which then rewrites the image and link alike.
 */

import { readFileSync } from "node:fs";
import { imageSize } from "image-size";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { resolveLink } from "../content/resolve-link.ts";
import type { ContextOf, RenderContext } from "./render-context.ts";

interface Size {
  readonly width: number;
  readonly height: number;
}

const sizes = new Map<string, Size | undefined>();

/** The intrinsic size of an image file, or undefined when it cannot be read (cached per path). */
export function imageFileSize(path: string): Size | undefined {
  if (!sizes.has(path)) {
    try {
      const { width, height } = imageSize(readFileSync(path));
      sizes.set(path, width && height ? { width, height } : undefined);
    } catch {
      sizes.set(path, undefined);
    }
  }
  return sizes.get(path);
}

/** Width and height to write, keeping the file's proportions when only one is given. */
export function dimensions(file: Size | undefined, width: string | undefined, height: string | undefined): { width?: string; height?: string } {
  if (width || height) {
    if (!file || (width && height) || !/^\d+$/.test(width ?? height ?? "")) return {};
    if (width) return { height: String(Math.round((Number(width) * file.height) / file.width)) };
    return { width: String(Math.round((Number(height) * file.width) / file.height)) };
  }
  return file ? { width: String(file.width), height: String(file.height) } : {};
}

function sizeOf(src: string, context: RenderContext | undefined): Size | undefined {
  if (!context) return undefined;
  const resolved = resolveLink(src, context, context.site);
  return resolved.kind === "file" ? imageFileSize(resolved.path) : undefined;
}

/** Decorates a Markdown image; `lazy` tells, image by image, whether it may wait (all but a page's first). */
function decorateImage(token: Token, context: RenderContext | undefined, lazy: () => boolean): void {
  const src = String(token.attrGet("src") ?? "");
  const add = dimensions(sizeOf(src, context), token.attrGet("width")?.toString(), token.attrGet("height")?.toString());
  if (add.width) token.attrSet("width", add.width);
  if (add.height) token.attrSet("height", add.height);
  if (lazy() && token.attrGet("loading") === null) token.attrSet("loading", "lazy");
  if (token.attrGet("decoding") === null) token.attrSet("decoding", "async");
}

const RAW_IMG = /<img\b([^>]*?)(\/?)>/gi;

/** Decorates the <img> tags in raw HTML (`lazy` as for `decorateImage`). */
function decorateRawImages(markup: string, context: RenderContext | undefined, lazy: () => boolean): string {
  return markup.replace(RAW_IMG, (whole, attributes: string, slash: string) => {
    const attr = (name: string): string | undefined =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
        .exec(attributes)
        ?.slice(1)
        .find((v) => v !== undefined);
    const src = attr("src");
    if (!src) return whole;
    const add = dimensions(sizeOf(src.replaceAll("&amp;", "&"), context), attr("width"), attr("height"));
    let extra = "";
    if (add.width) extra += ` width="${add.width}"`;
    if (add.height) extra += ` height="${add.height}"`;
    if (lazy() && !attr("loading")) extra += ' loading="lazy"';
    if (!attr("decoding")) extra += ' decoding="async"';
    return `<img${attributes}${extra}${slash}>`;
  });
}

function isFigureParagraph(tokens: Token[], index: number): Token | undefined {
  if (tokens[index]?.type !== "paragraph_open" || tokens[index + 2]?.type !== "paragraph_close") return undefined;
  const children = (tokens[index + 1]?.children ?? []).filter((c) => !(c.type === "text" && c.content.trim() === "") && c.type !== "softbreak");
  const image = children.length === 1 ? children[0] : undefined;
  return image?.type === "image" && image.attrGet("title") ? image : undefined;
}

function html(state: StateCore, content: string, block: boolean): Token {
  const token = new state.Token(block ? "html_block" : "html_inline", "", 0);
  token.content = content;
  return token;
}

/** Registers image handling; `contextOf` finds the page being rendered (for file sizes). */
export function images(md: MarkdownIt, contextOf: ContextOf): void {
  md.core.ruler.push("images", (state) => {
    const context = contextOf(state.env);
    const tokens = state.tokens;
    let seen = 0;
    const lazy = (): boolean => seen++ > 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.type === "html_block") token.content = decorateRawImages(token.content, context, lazy);
      const figure = isFigureParagraph(tokens, i);
      if (figure) {
        const caption = md.utils.escapeHtml(String(figure.attrGet("title")));
        figure.attrs = (figure.attrs ?? []).filter(([name]) => name !== "title");
        tokens.splice(i, 1, html(state, '<figure class="figure">\n', true));
        tokens.splice(i + 2, 1, html(state, `<figcaption>${caption}</figcaption>\n</figure>\n`, true));
      }
      if (token.type !== "inline" || !token.children) continue;
      const children: Token[] = [];
      let insideLink = 0;
      for (const child of token.children) {
        if (child.type === "link_open") insideLink++;
        if (child.type === "link_close") insideLink--;
        if (child.type === "html_inline") child.content = decorateRawImages(child.content, context, lazy);
        if (child.type !== "image") {
          children.push(child);
          continue;
        }
        decorateImage(child, context, lazy);
        if (insideLink > 0) {
          children.push(child);
          continue;
        }
        const open = new state.Token("link_open", "a", 1);
        open.attrs = [
          ["href", String(child.attrGet("src"))],
          ["class", "lightbox-link"],
        ];
        children.push(open, child, new state.Token("link_close", "a", -1));
      }
      token.children = children;
    }
  });
}
