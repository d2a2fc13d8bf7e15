/**
 * markdown-it plugin: Markdown inside HTML blocks that ask for it, as kramdown and
 * Python-Markdown's md_in_html read it: `<details markdown="1">`, `<details markdown="block">`,
 * `<figure markdown>`, `<div markdown="1">`. The opening tag (without the attribute)
 * and the closing tag stay HTML; what lies between is parsed as Markdown. A leading
 * <summary> or trailing <figcaption> is kept as HTML even when it spans lines.
 */

import type { MarkdownIt, StateBlock } from "markdown-it";

const OPEN =
  /^<(details|figure|div|section|aside|article|blockquote)\b([^>]*?)\s+markdown(?:=(?:"(?:1|block|span)"|'(?:1|block|span)'|1|block|span))?([^>]*)>\s*(.*)$/i;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]);
}

/** The line holding the tag that closes the element opened on `startLine` (same name, counting nesting). */
function closingLine(state: StateBlock, tag: string, startLine: number, endLine: number): number | undefined {
  const opener = new RegExp(`<${tag}\\b`, "gi");
  const closer = new RegExp(`</${tag}\\s*>`, "gi");
  let depth = 0;
  for (let line = startLine; line < endLine; line++) {
    const text = lineText(state, line);
    depth += (text.match(opener) ?? []).length - (text.match(closer) ?? []).length;
    if (depth <= 0 && line > startLine) return line;
    if (depth <= 0 && line === startLine && closer.test(text)) return undefined; // opened and closed on one line: plain HTML
  }
  return undefined;
}

/** Consumes an HTML element that spans lines from `from` (e.g. <summary>…</summary>); returns the line after it. */
function htmlElementEnd(state: StateBlock, from: number, to: number, tag: string): number | undefined {
  if (!new RegExp(`^<${tag}\\b`, "i").test(lineText(state, from))) return undefined;
  for (let line = from; line < to; line++) if (new RegExp(`</${tag}\\s*>`, "i").test(lineText(state, line))) return line + 1;
  return undefined;
}

function pushHtml(state: StateBlock, html: string, from: number, to: number): void {
  const token = state.push("html_block", "", 0);
  token.content = `${html}\n`;
  token.map = [from, to];
}

function markdownInHtml(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const match = OPEN.exec(lineText(state, startLine));
  if (!match) return false;
  const tag = (match[1] ?? "div").toLowerCase();
  const end = closingLine(state, tag, startLine, endLine);
  if (end === undefined) return false;
  if (silent) return true;
  const attributes = `${match[2] ?? ""}${match[3] ?? ""}`.replace(/\s+$/, "");
  pushHtml(state, `<${tag}${attributes}>`, startLine, startLine + 1);
  const rest = (match[4] ?? "").trim();
  if (rest) pushHtml(state, rest, startLine, startLine + 1);

  let from = startLine + 1;
  while (from < end && state.isEmpty(from)) from++;
  const summaryEnd = tag === "details" ? htmlElementEnd(state, from, end, "summary") : undefined;
  if (summaryEnd !== undefined) {
    const summary = state.src
      .slice(state.bMarks[from], state.eMarks[summaryEnd - 1])
      .replace(/\s*\n\s*/g, " ")
      .trim();
    pushHtml(state, summary, from, summaryEnd);
    from = summaryEnd;
  }
  let to = end;
  let caption: string | undefined;
  if (tag === "figure") {
    for (let line = from; line < end; line++) {
      if (/^<figcaption\b/i.test(lineText(state, line))) {
        caption = state.src.slice(state.bMarks[line], state.eMarks[end - 1]).trim();
        to = line;
        break;
      }
    }
  }
  tokenizeRange(state, from, to);
  if (caption) pushHtml(state, caption, to, end);
  const closing = lineText(state, end);
  const before = closing.slice(0, closing.search(new RegExp(`</${tag}\\s*>`, "i"))).trim();
  if (before) pushHtml(state, before, end, end + 1);
  pushHtml(state, `</${tag}>`, end, end + 1);
  state.line = end + 1;
  return true;
}

function tokenizeRange(state: StateBlock, from: number, to: number): void {
  const saved = { lineMax: state.lineMax, parentType: state.parentType };
  state.lineMax = to;
  state.md.block.tokenize(state, from, to);
  state.lineMax = saved.lineMax;
  state.parentType = saved.parentType;
}

/** Registers Markdown inside `markdown`-marked HTML blocks. */
export function markdownInHtmlBlocks(md: MarkdownIt): void {
  md.block.ruler.before("html_block", "markdown_in_html", markdownInHtml, { alt: ["paragraph", "reference", "blockquote"] });
}
