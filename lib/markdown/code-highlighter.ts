/**
 * Syntax highlighting with Shiki, in a light and a dark theme at once. Each token gets a
 * class named after its pair of colours; the stylesheet gives the class both colours
 * with light-dark(), so the theme switch needs no script and pages stay small. Shiki's
 * JavaScript regex engine is used (the same output as Oniguruma, faster to start).
 * Results are cached by everything that decides them (see highlight-cache.ts).
 */

import { createHash } from "node:crypto";
import { type BundledLanguage, bundledLanguages, createHighlighter, createJavaScriptRegexEngine, type Highlighter, type ThemeRegistration } from "shiki";

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

/** Whether Shiki can highlight this language name (or alias). */
export function isKnownLanguage(lang: string): boolean {
  return Object.hasOwn(bundledLanguages, lang.toLowerCase());
}

/** The key of a request: every input that decides its HTML. */
export function highlightKey(code: string, lang: string, options: HighlightOptions = {}): string {
  const lines = [...(options.highlight ?? [])].sort((a, b) => a - b).join(",");
  return createHash("sha1")
    .update(`${lang.toLowerCase()}\u0000${lines}\u0000${options.lineNumbers ?? ""}\u0000${code}`)
    .digest("base64url");
}

/** A short class name for a token style, the same in every build. */
export function styleClass(style: TokenStyle): string {
  let hash = 0x811c9dc5;
  const text = `${style.light}|${style.dark}|${style.fontStyle}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `s${hash.toString(36)}`;
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

interface Token {
  readonly content: string;
  readonly style?: TokenStyle | undefined;
}

/**
 * The <pre> for lines of tokens; tokens in the default colours need no span. With
 * `inline`, colours are written on the spans instead of classes (for a block highlighted
 * after the stylesheet was written).
 */
export function renderLines(
  lines: readonly (readonly Token[])[],
  source: string,
  lang: string,
  options: HighlightOptions,
  defaults?: TokenStyle,
  inline = false,
): Highlighted {
  const styles: Record<string, TokenStyle> = {};
  const highlighted = new Set(options.highlight ?? []);
  const sourceLines = source.split("\n");
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
        const name = isDefault || !token.style ? undefined : styleClass(token.style);
        if (name && token.style) styles[name] = token.style;
        if (name !== open) {
          if (open) html += "</span>";
          if (name && token.style) html += inline ? `<span style="${inlineStyle(token.style)}">` : `<span class="${name}">`;
          open = name;
        }
        html += escapeCode(token.content);
      }
      if (open) html += "</span>";
      return `<span class="${classes}">${html}</span>`;
    })
    .join("\n");
  const numbered = options.lineNumbers !== undefined;
  const pre = `<pre class="shiki${numbered ? " line-numbers" : ""}"${numbered ? ` style="--line-start:${options.lineNumbers - 1}"` : ""} tabindex="0"><code>${body}</code></pre>`;
  return { html: pre, known: true, styles };
}

type ResolvedTheme = ReturnType<Highlighter["getTheme"]>;

/**
 * One theme standing for both, when they share their rules (the same scopes, and a colour
 * in the same rules, as GitHub's light and dark themes do): each rule's colour becomes a
 * number, so one pass of the grammar tells each token's rule, and with it both colours.
 * Shiki's own two-theme mode runs the grammar once per theme and then aligns the tokens:
 * on 6,678 blocks (this course, the 2022 one, the 1,000-module bench) 8.0 s against 1.8 s
 * this way, with the same colours; and it reports font styles only as CSS, which lost
 * the themes' italics and bold here.
 */
export function pairedTheme(light: ResolvedTheme, dark: ResolvedTheme): { theme: ThemeRegistration; colors: Map<string, [string, string]> } | undefined {
  const same =
    light.settings.length === dark.settings.length &&
    light.settings.every((rule, i) => {
      const other = dark.settings[i];
      return (
        other &&
        JSON.stringify(rule.scope) === JSON.stringify(other.scope) &&
        Boolean(rule.settings.foreground) === Boolean(other.settings.foreground) &&
        (rule.settings.fontStyle ?? "") === (other.settings.fontStyle ?? "")
      );
    });
  if (!same) return undefined;
  const colors = new Map<string, [string, string]>();
  const number = (i: number): string => `#${(i + 1).toString(16).padStart(6, "0").toUpperCase()}`;
  const settings = light.settings.map((rule, i) => {
    const lightColor = rule.settings.foreground;
    const darkColor = dark.settings[i]?.settings.foreground;
    if (!lightColor || !darkColor) return rule;
    colors.set(number(i), [lightColor.toUpperCase(), darkColor.toUpperCase()]);
    return { ...rule, settings: { ...rule.settings, foreground: number(i) } };
  });
  const fg = number(light.settings.length);
  colors.set(fg, [light.fg.toUpperCase(), dark.fg.toUpperCase()]);
  return { theme: { name: PAIRED, type: light.type, fg, bg: light.bg, settings, colors: { ...light.colors, "editor.foreground": fg } }, colors };
}

const PAIRED = "coursesite-light-dark";

/** Creates a highlighter with both themes and no languages loaded yet. */
export async function createCodeHighlighter(): Promise<CodeHighlighter> {
  const shiki: Highlighter = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [], engine: createJavaScriptRegexEngine() });
  const loaded = new Set<string>();
  const lightTheme = shiki.getTheme(THEMES.light);
  const darkTheme = shiki.getTheme(THEMES.dark);
  const defaults: TokenStyle = { light: lightTheme.fg.toUpperCase(), dark: darkTheme.fg.toUpperCase(), fontStyle: 0 };
  const paired = pairedTheme(lightTheme, darkTheme);
  if (paired) await shiki.loadTheme(paired.theme);
  return {
    async ensureLanguages(names) {
      const missing = [...new Set([...names].map((n) => n.toLowerCase()))].filter((n) => !loaded.has(n) && isKnownLanguage(n));
      if (missing.length === 0) return;
      await shiki.loadLanguage(...(missing as BundledLanguage[]));
      for (const name of missing) loaded.add(name);
    },
    highlight(code, lang, options = {}, inline = false) {
      const name = lang.toLowerCase();
      const known = loaded.has(name);
      if (!known) {
        const plain = code.split("\n").map((line) => [{ content: line }]);
        return { ...renderLines(plain, code, name, options), known: isPlainLanguage(name) };
      }
      if (paired) {
        const { tokens } = shiki.codeToTokens(code, { lang: name as BundledLanguage, theme: PAIRED });
        const lines = tokens.map((line) =>
          line.map((t) => {
            const [light, dark] = paired.colors.get(String(t.color).toUpperCase()) ?? [defaults.light, defaults.dark];
            return { content: t.content, style: { light, dark, fontStyle: Math.max(0, t.fontStyle ?? 0) } };
          }),
        );
        return renderLines(lines, code, name, options, defaults, inline);
      }
      const { tokens } = shiki.codeToTokens(code, { lang: name as BundledLanguage, themes: THEMES, defaultColor: false });
      const lines = tokens.map((line) =>
        line.map((t) => ({
          content: t.content,
          style: {
            light: String(t.htmlStyle?.["--shiki-light"] ?? defaults.light).toUpperCase(),
            dark: String(t.htmlStyle?.["--shiki-dark"] ?? defaults.dark).toUpperCase(),
            fontStyle: Math.max(0, t.fontStyle ?? 0),
          },
        })),
      );
      return renderLines(lines, code, name, options, defaults, inline);
    },
  };
}

/** The fence languages used in a Markdown source (the first word of each fence's info string). */
export function fenceLanguages(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/^[ \t]*(?:`{3,}|~{3,})[ \t]*\{?\.?([\w#+-]+)/gm)) {
    if (match[1]) found.add(match[1].toLowerCase());
  }
  return found;
}
