/**
 * markdown-it plugin: warnings about content that builds but reads badly: a heading that
 * skips a level (screen-reader users navigate by heading level), and an image without alt
 * text (it is then invisible to them, and a link around it has no name).
 */

import type { MarkdownIt, Token } from "markdown-it";
import { type ContextOf, fileLine } from "./render-context.ts";

const RAW_IMG = /<img\b[^>]*>/gi;

const externalImage = (src: string): string =>
  `the image ${src} is on another host; the site loads nothing from other hosts, so it will not show. Save it into the course (e.g. figures/) and link to that.`;

export function contentLint(md: MarkdownIt, contextOf: ContextOf): void {
  md.core.ruler.push("content_lint", (state) => {
    const context = contextOf(state.env);
    if (!context) return;
    const warn = (token: Token, message: string, offset = 0): void => {
      const line = fileLine(context, token.map?.[0]);
      context.report("warning", line === undefined ? undefined : line + offset, message);
    };
    let previous = 0;
    for (const [index, token] of state.tokens.entries()) {
      if (token.type === "heading_open") {
        const level = Number(token.tag.slice(1));
        if (previous > 0 && level > previous + 1) {
          const text = state.tokens[index + 1]?.content ?? "";
          warn(
            token,
            `the heading "${text}" is ${"#".repeat(level)} right after a ${"#".repeat(previous)} heading; headings should not skip a level (make it ${"#".repeat(previous + 1)}).`,
          );
        }
        previous = level;
      }
      if (token.type === "html_block") {
        for (const img of token.content.match(RAW_IMG) ?? []) {
          const src = /\ssrc\s*=\s*["']([^"']*)["']/i.exec(img)?.[1] ?? "";
          if (/^(https?:)?\/\//.test(src)) warn(token, externalImage(src));
          if (!/\salt\s*=/i.test(img))
            warn(
              token,
              `the image ${/\ssrc\s*=\s*"([^"]*)"/i.exec(img)?.[1] ?? ""} has no alt attribute; add alt="what it shows" (or alt="" if it is only decoration).`,
            );
        }
      }
      let offset = 0;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") offset++;
        if (child.type === "image" && child.content.trim() === "")
          warn(token, `the image "${child.attrGet("src")}" has no alt text; describe it between the brackets: ![what it shows](…).`, offset);
        if (child.type === "image" && /^(https?:)?\/\//.test(String(child.attrGet("src")))) warn(token, externalImage(String(child.attrGet("src"))), offset);
        if (child.type === "html_inline" && /^<img\b/i.test(child.content) && !/\salt\s*=/i.test(child.content)) {
          warn(
            token,
            `the image ${/\ssrc\s*=\s*"([^"]*)"/i.exec(child.content)?.[1] ?? ""} has no alt attribute; add alt="what it shows" (or alt="" if it is only decoration).`,
            offset,
          );
        }
      }
    }
  });
}
