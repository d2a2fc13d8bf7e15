/**
 * markdown-it plugin: Material for MkDocs content tabs.
 *
 *     === "Linux"
 *
 *         sudo apt install git
 *
 *     === "Windows"
 *
 *         winget install Git.Git
 *
 * Consecutive `===` blocks form one set (`===!` starts a new set right away). The HTML
 * shows every panel under its label, which is what a reader without JavaScript gets;
 * the page script turns each set into WAI-ARIA tabs and keeps the chosen label in
 * sync across the page and across pages.
 */

import type { MarkdownIt, StateBlock } from "markdown-it";
import { escapeHtml } from "../layout/html.ts";
import { indentedBodyEnd, tokenizeNested } from "./admonitions.ts";

const TAB = /^===([!+]?)[ \t]+"([^"]*)"[ \t]*$/;

function tabAt(state: StateBlock, line: number): RegExpExecArray | null {
  if (line >= state.lineMax || (state.sCount[line] ?? 0) !== state.blkIndent) return null;
  const start = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
  return TAB.exec(state.src.slice(start, state.eMarks[line]));
}

function tabsRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const first = tabAt(state, startLine);
  if (!first) return false;
  if (silent) return true;
  const indent = state.sCount[startLine] ?? 0;
  const open = state.push("tabs_open", "div", 1);
  open.block = true;
  let line = startLine;
  let match: RegExpExecArray | null = first;
  let selected = false;
  while (match) {
    const bodyEnd = indentedBodyEnd(state, line, endLine, indent + 4);
    const tab = state.push("tab_open", "div", 1);
    tab.block = true;
    tab.map = [line, bodyEnd];
    tab.meta = { label: match[2] ?? "", selected: match[1] === "+" && !selected };
    selected ||= match[1] === "+";
    tokenizeNested(state, line + 1, bodyEnd, indent + 4, "tabs");
    state.push("tab_close", "div", -1).block = true;
    // The set goes on with the next `===` line after blank lines, unless it is `===!`.
    line = bodyEnd;
    while (line < endLine && state.isEmpty(line)) line++;
    match = tabAt(state, line);
    if (match?.[1] === "!") match = null;
    if (!match) line = bodyEnd;
  }
  state.push("tabs_close", "div", -1).block = true;
  state.line = line;
  return true;
}

/** Registers `===` tab sets. */
export function contentTabs(md: MarkdownIt): void {
  md.block.ruler.before("fence", "content_tabs", tabsRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.tabs_open = () => `<div class="tabbed">\n`;
  md.renderer.rules.tabs_close = () => `</div>\n`;
  md.renderer.rules.tab_open = (tokens, index) => {
    const meta = tokens[index]?.meta as { label: string; selected: boolean };
    const label = escapeHtml(meta.label);
    return `<div class="tab-panel" data-label="${label}"${meta.selected ? " data-selected" : ""}>\n<p class="tab-label">${label}</p>\n`;
  };
  md.renderer.rules.tab_close = () => `</div>\n`;
}
