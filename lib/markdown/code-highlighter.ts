/**
 * Highlighted code, in a light and a dark theme at once. Each token gets a class named
 * after its pair of colours; the stylesheet gives the class both colours with light-dark(),
 * so the theme switch needs no script and pages stay small. Results are cached by
 * everything that decides them (see highlight-cache.ts). Shiki itself is in
 * shiki-highlighter.ts, loaded only by a build that has code to highlight.
 */

import { createHash } from "node:crypto";

export const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

/** Fence names that mean "no highlighting" and are never worth a warning. */
const PLAIN = new Set(["", "text", "txt", "plain", "plaintext", "output", "none", "nohighlight"]);

export interface HighlightOptions {
  /** 1-based lines to mark as highlighted. */
  readonly highlight?: ReadonlySet<number> | readonly number[] | undefined;
  /** Number the lines, starting here. */
  readonly lineNumbers?: number | undefined;
}

/** A token's look: its colour in each theme and its font style (Shiki's bit flags: 1 italic, 2 bold, 4 underline). */
export interface TokenStyle {
  readonly light: string;
  readonly dark: string;
  readonly fontStyle: number;
}

export interface Highlighted {
  /** A `<pre class="shiki">` element. */
  readonly html: string;
  /** False when the fence named a language we cannot highlight (rendered as plain text). */
  readonly known: boolean;
  /** The token classes the HTML uses, with their styles. */
  readonly styles: Readonly<Record<string, TokenStyle>>;
}

export interface CodeHighlighter {
  /** Loads every language among `names` that Shiki bundles and that is not loaded yet. */
  ensureLanguages(names: Iterable<string>): Promise<void>;
  /** Highlighted HTML for one block of code (colours inline rather than as classes with `inline`). */
  highlight(code: string, lang: string, options?: HighlightOptions, inline?: boolean): Highlighted;
}

/** Whether a fence language asks for plain text on purpose. */
export function isPlainLanguage(lang: string): boolean {
  return PLAIN.has(lang.toLowerCase());
}

/** The key of a request: every input that decides its HTML. */
export function highlightKey(code: string, lang: string, options: HighlightOptions = {}): string {
  const lines = [...(options.highlight ?? [])].sort((a, b) => a - b).join(",");
  return createHash("sha1")
    .update(`${lang.toLowerCase()}\u0000${lines}\u0000${options.lineNumbers ?? ""}\u0000${code}`)
    .digest("base64url");
}

/**
 * The themes' colour pairs, numbered in the order of their rules: a pair in it gets a class
 * of a few characters (`t3`, or `t3-1` in italics), where a hash of the style took eight.
 * Tokens carry a class each, so on the 1,000-module bench this was 1 MB of the pages. The
 * numbering comes from the themes alone, so it is the same in every build of one Shiki
 * version (which the highlight cache's version includes). Digits after the `t`, so no word
 * the stylesheet uses as a class (`.tip`, `.toc`) can ever be a token's.
 */
export type Palette = ReadonlyMap<string, number>;

const pairKey = (light: string, dark: string): string => `${light}|${dark}`;

/** The palette of colour pairs, in the order given (duplicates keep their first number). */
export function paletteOf(pairs: Iterable<readonly [string, string]>): Palette {
  const palette = new Map<string, number>();
  for (const [light, dark] of pairs) {
    const key = pairKey(light.toUpperCase(), dark.toUpperCase());
    if (!palette.has(key)) palette.set(key, palette.size);
  }
  return palette;
}

/** A short class name for a token style, the same in every build. */
export function styleClass(style: TokenStyle, palette?: Palette): string {
  const number = palette?.get(pairKey(style.light, style.dark));
  if (number !== undefined) return style.fontStyle > 0 ? `t${number}-${style.fontStyle}` : `t${number}`;
  // A colour outside the themes' pairs (none today): a hash, in digits after an "s" (apart
  // from the pairs' and, like theirs, never a word).
  let hash = 0x811c9dc5;
  const text = `${style.light}|${style.dark}|${style.fontStyle}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `s${hash}`;
}

function inlineStyle(s: TokenStyle): string {
  return `color:light-dark(${s.light},${s.dark})${s.fontStyle & 1 ? ";font-style:italic" : ""}${s.fontStyle & 2 ? ";font-weight:bold" : ""}${s.fontStyle & 4 ? ";text-decoration:underline" : ""}`;
}

/** CSS for token classes (their colours in both themes; italic, bold, underline). */
export function styleRules(styles: Readonly<Record<string, TokenStyle>>): string {
  return Object.entries(styles)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, s]) => `.shiki .${name}{${inlineStyle(s)}}`)
    .join("\n");
}

const escapeCode = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface Token {
  readonly content: string;
  readonly style?: TokenStyle | undefined;
}

/** How tokens are written: what needs no span, how classes are named, or colours inline. */
export interface TokenLook {
  /** The themes' default colours: tokens in them need no span. */
  readonly defaults?: TokenStyle | undefined;
  readonly palette?: Palette | undefined;
  /** Colours on the spans instead of classes (for a block highlighted after the stylesheet was written). */
  readonly inline?: boolean | undefined;
}

/**
 * The <pre> for lines of tokens; tokens in the default colours need no span, and a line
 * needs one only to be marked (highlighted, a diff's added or removed line) or numbered:
 * Shiki's span on every line was 3 MB of the 1,000-module course's 38 MB of pages.
 */
export function renderLines(lines: readonly (readonly Token[])[], source: string, lang: string, options: HighlightOptions, look: TokenLook = {}): Highlighted {
  const { defaults, palette, inline = false } = look;
  const styles: Record<string, TokenStyle> = {};
  const highlighted = new Set(options.highlight ?? []);
  const sourceLines = source.split("\n");
  const numbered = options.lineNumbers !== undefined;
  const body = lines
    .map((tokens, index) => {
      const n = index + 1;
      let classes = "line";
      if (highlighted.has(n)) classes += " highlighted";
      if (lang === "diff") {
        const first = sourceLines[index]?.[0];
        if (first === "+") classes += " diff-add";
        else if (first === "-") classes += " diff-remove";
      }
      let html = "";
      let open: string | undefined;
      for (const token of tokens) {
        const isDefault =
          !token.style || (defaults && token.style.light === defaults.light && token.style.dark === defaults.dark && token.style.fontStyle === 0);
        const name = isDefault || !token.style ? undefined : styleClass(token.style, palette);
        if (name && token.style) styles[name] = token.style;
        if (name !== open) {
          if (open) html += "</span>";
          if (name && token.style) html += inline ? `<span style="${inlineStyle(token.style)}">` : `<span class="${name}">`;
          open = name;
        }
        html += escapeCode(token.content);
      }
      if (open) html += "</span>";
      return classes === "line" && !numbered ? html : `<span class="${classes}">${html}</span>`;
    })
    .join("\n");
  const pre = `<pre class="shiki${numbered ? " line-numbers" : ""}"${numbered ? ` style="--line-start:${options.lineNumbers - 1}"` : ""} tabindex="0"><code>${body}</code></pre>`;
  return { html: pre, known: true, styles };
}

/** The fence languages used in a Markdown source (the first word of each fence's info string). */
export function fenceLanguages(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/^[ \t]*(?:`{3,}|~{3,})[ \t]*\{?\.?([\w#+-]+)/gm)) {
    if (match[1]) found.add(match[1].toLowerCase());
  }
  return found;
}
