/**
 * markdown-it plugin: attribute lists, as Python-Markdown (`{ width="500" }`, `{ .md-button }`)
 * and kramdown (`{: .no_toc }`, `{: .note }`) write them, on images, links, headings and
 * paragraphs. markdown-it-attrs does the work; this adds kramdown's `{:` form and its
 * block IAL (a line of its own that applies to the block above), and makes sure no
 * attribute list is ever left in the page as visible text.
 */

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";

const KRAMDOWN_OPEN = /\{:[ \t]*(?=[.#\w])/g;
/** A whole text that is only an attribute list (or a kramdown extension we do not support). */
const LEFTOVER = /^\s*\{:?[^{}\n]*\}\s*$/;

/** `{: .x }` → `{ .x }` in the text of inline tokens (never in code), so markdown-it-attrs reads it. */
function normaliseKramdown(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.children) continue;
    for (const child of token.children) {
      if (child.type === "text" && child.content.includes("{:")) child.content = child.content.replace(KRAMDOWN_OPEN, "{");
    }
    if (token.content.includes("{:")) token.content = token.content.replace(KRAMDOWN_OPEN, "{");
  }
}

/** The index of the token that opens the block ending at `index` (its own index for a self-contained block). */
function blockOpening(tokens: Token[], index: number): number | undefined {
  const last = tokens[index];
  if (!last) return undefined;
  if (last.nesting === 0) return last.type === "html_block" ? undefined : index;
  if (last.nesting !== -1) return undefined;
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return i;
  }
  return undefined;
}

function isEmptyInline(token: Token | undefined): boolean {
  return token?.type === "inline" && (token.children ?? []).every((c) => c.type === "softbreak" || (c.type === "text" && c.content.trim() === ""));
}

/**
 * A paragraph left with only attributes (kramdown's block IAL on its own line) gives them
 * to the block above it and disappears.
 */
function applyBlockAttributes(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 3; i >= 0; i--) {
    const open = tokens[i];
    if (open?.type !== "paragraph_open" || tokens[i + 2]?.type !== "paragraph_close" || !isEmptyInline(tokens[i + 1])) continue;
    if (open.attrs?.length) {
      const target = blockOpening(tokens, i - 1);
      const targetToken = target === undefined ? undefined : tokens[target];
      if (targetToken && targetToken.level === open.level) {
        for (const [name, value] of open.attrs) {
          if (name === "class") targetToken.attrJoin("class", value);
          else targetToken.attrSet(name, value);
        }
      }
    }
    tokens.splice(i, 3);
  }
}

/** Drops text that is only an attribute list markdown-it-attrs could not place, so it never shows. */
function dropLeftovers(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 3; i >= 0; i--) {
    const inline = tokens[i + 1];
    if (tokens[i]?.type === "paragraph_open" && inline?.type === "inline" && LEFTOVER.test(inline.content) && inline.content.trim() !== "{}") {
      tokens.splice(i, 3);
    }
  }
  for (const token of tokens) {
    if (token.type !== "inline" || !token.children) continue;
    token.children = token.children.filter((c) => !(c.type === "text" && LEFTOVER.test(c.content) && c.content.trim().startsWith("{:")));
  }
}

/**
 * Whether any token could carry an attribute list: markdown-it-attrs reads them only from
 * text and fence info strings, and every list starts with `{`.
 */
export function mayHoldAttributes(tokens: readonly Token[]): boolean {
  return tokens.some((t) => (t.type === "inline" && t.content.includes("{")) || (t.type === "fence" && t.info.includes("{")));
}

type CoreRule = (state: StateCore) => boolean | undefined;

/**
 * Runs markdown-it-attrs's rule only on pages that may hold an attribute list: it tries
 * each of its patterns on every token, half a second over 1,000 pages that had none.
 * (Its rule is found by name in the ruler's list; were that ever to change, the rule
 * simply runs on every page.)
 */
function runOnlyWhereNeeded(md: MarkdownIt): void {
  const rules = (md.core.ruler as unknown as { __rules__?: { name: string; fn: CoreRule }[] }).__rules__;
  const attributes = rules?.find((rule) => rule.name === "curly_attributes")?.fn;
  if (attributes) md.core.ruler.at("curly_attributes", (state: StateCore) => (mayHoldAttributes(state.tokens) ? attributes(state) : false));
}

/** Registers attribute lists. `on…` attributes are never accepted: pages allow no inline script. */
export function attributeLists(md: MarkdownIt): void {
  md.use(markdownItAttrs as unknown as (md: MarkdownIt, options: object) => void, { allowedAttributes: [/^(?!on)[a-z][\w:-]*$/i] });
  runOnlyWhereNeeded(md);
  md.core.ruler.before("curly_attributes", "kramdown_attributes", normaliseKramdown);
  md.core.ruler.after("curly_attributes", "block_attributes", applyBlockAttributes);
  md.core.ruler.after("block_attributes", "attribute_leftovers", dropLeftovers);
}
