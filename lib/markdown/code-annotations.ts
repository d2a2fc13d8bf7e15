/**
 * markdown-it plugin: Material for MkDocs' code annotations. A marker `(1)` at the end of a
 * line of code, in a comment (`# (1)`, or `# (1)!` to drop the comment), refers to item 1
 * of the ordered list right after the block. The marker becomes a numbered link to that
 * item, and the list is shown as the block's annotations: readable without JavaScript.
 */

import type { MarkdownIt, StateCore } from "markdown-it";

const MARKER = /[ \t]*(#|\/\/|--|;|%|<!--)[ \t]*\((\d+)\)(!)?[ \t]*(-->)?[ \t]*$/;

export interface Annotation {
  /** 0-based line in the block. */
  readonly line: number;
  readonly number: number;
}

/** The code without its markers, and where the markers were. */
export function takeMarkers(code: string): { code: string; annotations: Annotation[] } {
  const annotations: Annotation[] = [];
  const lines = code.split("\n").map((text, line) => {
    const match = MARKER.exec(text);
    if (!match) return text;
    annotations.push({ line, number: Number(match[2]) });
    // With `!` the comment goes too; otherwise the comment sign stays and only the number moves out.
    return match[3] ? text.slice(0, match.index) : `${text.slice(0, match.index)} ${match[1]}${match[4] ? ` ${match[4]}` : ""}`;
  });
  return { code: lines.join("\n"), annotations };
}

/** Adds the numbered links to the highlighted HTML, at the end of their lines (inside a line's own span, when it has one). */
export function addMarkers(html: string, annotations: readonly Annotation[], idPrefix: string): string {
  return html.replace(/(<code>)([\s\S]*)(<\/code>)/, (_, open: string, body: string, close: string) => {
    const lines = body.split("\n").map((text, line) => {
      const here = annotations.filter((a) => a.line === line);
      if (here.length === 0) return text;
      const links = here.map((a) => ` <a class="code-annotation" href="#${idPrefix}-${a.number}" aria-label="Annotation ${a.number}">${a.number}</a>`).join("");
      return /^<span class="line[ "]/.test(text) && text.endsWith("</span>") ? `${text.slice(0, -"</span>".length)}${links}</span>` : `${text}${links}`;
    });
    return `${open}${lines.join("\n")}${close}`;
  });
}

/** Marks the ordered list after an annotated block as its annotations, with ids the markers link to. */
function annotationLists(state: StateCore): void {
  const tokens = state.tokens;
  tokens.forEach((token, index) => {
    if (token.type !== "fence" || !MARKER.test(token.content.split("\n").find((l) => MARKER.test(l)) ?? "")) return;
    const list = tokens[index + 1];
    if (list?.type !== "ordered_list_open") return;
    const prefix = `annotation-${index}`;
    token.meta = { ...(token.meta ?? {}), annotationPrefix: prefix };
    list.attrJoin("class", "code-annotations");
    let depth = 0;
    let item = 0;
    for (let i = index + 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t) break;
      if (t.type === "list_item_open" && depth === 1) t.attrSet("id", `${prefix}-${++item}`);
      depth += t.nesting;
      if (depth === 0) break;
    }
  });
}

export function codeAnnotations(md: MarkdownIt): void {
  md.core.ruler.push("code_annotations", annotationLists);
}
