/**
 * markdown-it plugin: wraps tables in a region that scrolls sideways on narrow
 * screens. The region is focusable and labelled ("Table 1", "Table 2" …) so keyboard
 * users can scroll it too.
 */

import type { MarkdownIt } from "markdown-it";

/** Registers the table wrapper. */
export function scrollableTables(md: MarkdownIt): void {
  md.renderer.rules.table_open = (tokens, index, options, _env, self) => {
    // Regions need names that tell them apart: the tables are numbered in page order.
    const number = tokens.slice(0, index + 1).filter((t) => t.type === "table_open").length;
    return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table ${number}">${self.renderToken(tokens, index, options)}`;
  };
  md.renderer.rules.table_close = (tokens, index, options, _env, self) => `${self.renderToken(tokens, index, options)}</div>`;
}
