/**
 * markdown-it plugin: task lists (`- [ ] do this`, `1. [x] done`) become checkboxes
 * a student can tick. Each gets an id derived from its text, so ticks remembered in
 * the browser stay with the right exercise when others are added or moved.
 */

import type { MarkdownIt, StateCore, Token } from "markdown-it";

const TASK = /^\[([ xX])\][ \t]+/;

/** A short, stable hash of a text (FNV-1a, base 36). */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** How many task-list items a Markdown text has (outside code fences); for exercise progress in the sidebar. */
export function countTasks(markdown: string): number {
  let count = 0;
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence && /^\s*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\][ \t]+\S/.test(line)) count++;
  }
  return count;
}

function html(state: StateCore, content: string): Token {
  const token = new state.Token("html_inline", "", 0);
  token.content = content;
  return token;
}

function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  const used = new Map<string, number>();
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline?.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open" || tokens[i - 2]?.type !== "list_item_open") continue;
    const first = inline.children?.[0];
    const match = first?.type === "text" ? TASK.exec(first.content) : null;
    if (!first || !match || !inline.children) continue;
    first.content = first.content.slice(match[0].length);
    const base = `task-${textHash(inline.content.slice(match[0].length).trim())}`;
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const id = seen > 1 ? `${base}-${seen}` : base;
    const checked = match[1] !== " ";
    inline.children.unshift(html(state, `<input type="checkbox" class="task-checkbox" id="${id}"${checked ? " checked" : ""}><label for="${id}">`));
    inline.children.push(html(state, "</label>"));
    tokens[i - 2]?.attrJoin("class", "task-list-item");
    // Mark the list that holds this item.
    for (let j = i - 3, depth = 0; j >= 0; j--) {
      const t = tokens[j] as Token;
      if (t.nesting === -1) depth++;
      else if (t.nesting === 1) {
        if (depth === 0 && (t.type === "bullet_list_open" || t.type === "ordered_list_open")) {
          if (!String(t.attrGet("class") ?? "").includes("task-list")) t.attrJoin("class", "task-list");
          break;
        }
        depth = Math.max(0, depth - 1);
      }
    }
  }
}

/** Registers task-list checkboxes. */
export function taskListItems(md: MarkdownIt): void {
  md.core.ruler.after("inline", "task_lists", taskLists);
}
