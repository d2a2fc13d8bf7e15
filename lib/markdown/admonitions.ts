/**
 * markdown-it plugin: Material for MkDocs admonitions and collapsible blocks.
 *
 *     !!! note "Title"        a callout (no title: "Note"; "" for none)
 *     ??? success "Solution"  collapsed <details>
 *     ???+ tip "Hint"         <details> that starts open
 *
 * The body is the following lines indented by four spaces, parsed as Markdown (lists,
 * code, nested admonitions). Without JavaScript, <details> still opens and closes.
 */

import type { MarkdownIt, StateBlock, Token } from "markdown-it";
import { escapeHtml } from "../layout/html.ts";

const OPENER = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)((?:[ \t]+[A-Za-z][\w-]*)*)(?:[ \t]+"([^"]*)")?[ \t]*$/;

/** Titles used when an admonition names none. */
const DEFAULT_TITLES: Record<string, string> = { tldr: "TL;DR", faq: "FAQ" };

export function defaultTitle(type: string): string {
  return DEFAULT_TITLES[type] ?? type.charAt(0).toUpperCase() + type.slice(1);
}

/**
 * The last line (exclusive) of an indented body that starts after `startLine`: lines
 * indented at least `indent` columns, and blank lines between them.
 */
export function indentedBodyEnd(state: StateBlock, startLine: number, endLine: number, indent: number): number {
  let last = startLine;
  for (let line = startLine + 1; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    if ((state.sCount[line] ?? 0) < indent) break;
    last = line;
  }
  return last + 1;
}

/** Parses lines [from, to) as nested Markdown indented to `indent`. */
export function tokenizeNested(state: StateBlock, from: number, to: number, indent: number, parentType: string): void {
  const saved = { parentType: state.parentType, lineMax: state.lineMax, blkIndent: state.blkIndent };
  state.parentType = parentType as StateBlock["parentType"];
  state.lineMax = to;
  state.blkIndent = indent;
  state.md.block.tokenize(state, from, to);
  state.parentType = saved.parentType;
  state.lineMax = saved.lineMax;
  state.blkIndent = saved.blkIndent;
}

function admonitionRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const indent = state.sCount[startLine] ?? 0;
  if (indent - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const match = OPENER.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  if (silent) return true;
  const [, marker = "!!!", type = "note", extra = "", written] = match;
  const kind = type.toLowerCase();
  const collapsible = marker.startsWith("???");
  const title = written ?? defaultTitle(kind);
  const bodyEnd = indentedBodyEnd(state, startLine, endLine, indent + 4);

  const open: Token = state.push("admonition_open", collapsible ? "details" : "div", 1);
  open.block = true;
  open.map = [startLine, bodyEnd];
  open.meta = {
    kind,
    classes: extra.trim().split(/\s+/).filter(Boolean),
    title: collapsible && title === "" ? defaultTitle(kind) : title,
    collapsible,
    open: marker === "???+",
  };
  tokenizeNested(state, startLine + 1, bodyEnd, indent + 4, "admonition");
  const close = state.push("admonition_close", collapsible ? "details" : "div", -1);
  close.block = true;
  state.line = bodyEnd;
  return true;
}

/** Registers `!!!` and `???` blocks. */
export function admonitions(md: MarkdownIt): void {
  md.block.ruler.before("fence", "admonition", admonitionRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.admonition_open = (tokens, index) => {
    const meta = tokens[index]?.meta as { kind: string; classes: string[]; title: string; collapsible: boolean; open: boolean };
    const classes = escapeHtml(["admonition", meta.kind, ...meta.classes].join(" "));
    const title = escapeHtml(meta.title);
    if (meta.collapsible) return `<details class="${classes}"${meta.open ? " open" : ""}><summary>${title}</summary>\n<div class="admonition-body">\n`;
    return `<div class="${classes}">${title ? `<p class="admonition-title">${title}</p>` : ""}\n<div class="admonition-body">\n`;
  };
  md.renderer.rules.admonition_close = (tokens, index) => `</div>\n</${tokens[index]?.tag ?? "div"}>\n`;
}
