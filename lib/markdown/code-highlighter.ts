/**
 * Syntax highlighting with Shiki: a light and a dark theme in one pass, emitted as
 * CSS variables so the stylesheet switches colours with the site's theme and no
 * script runs in the browser. Languages load on demand before a build, because
 * markdown-it renders synchronously.
 */

import { type BundledLanguage, bundledLanguages, createHighlighter, type Highlighter, type ShikiTransformer } from "shiki";

export const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

/** Fence names that mean "no highlighting" and are never worth a warning. */
const PLAIN = new Set(["", "text", "txt", "plain", "plaintext", "output", "none", "nohighlight"]);

export interface Highlighted {
  /** A `<pre class="shiki">` element. */
  readonly html: string;
  /** False when the fence named a language we cannot highlight (rendered as plain text). */
  readonly known: boolean;
}

export interface HighlightOptions {
  /** 1-based lines to mark as highlighted. */
  readonly highlight?: ReadonlySet<number> | undefined;
  /** Number the lines, starting here. */
  readonly lineNumbers?: number | undefined;
}

export interface CodeHighlighter {
  /** Loads every language among `names` that Shiki bundles and that is not loaded yet. */
  ensureLanguages(names: Iterable<string>): Promise<void>;
  /** Highlighted HTML for one block of code. */
  highlight(code: string, lang: string, options?: HighlightOptions): Highlighted;
}

/** Shiki transformer: highlighted lines, diff lines (+/-) and line numbers as classes, styled by the stylesheet. */
function lineClasses(code: string, lang: string, options: HighlightOptions): ShikiTransformer {
  const source = code.split("\n");
  return {
    pre(node) {
      if (options.lineNumbers === undefined) return;
      this.addClassToHast(node, "line-numbers");
      node.properties.style = `${node.properties.style ?? ""};--line-start:${options.lineNumbers - 1}`;
    },
    line(node, line) {
      if (options.highlight?.has(line)) this.addClassToHast(node, "highlighted");
      if (lang === "diff") {
        const first = source[line - 1]?.[0];
        if (first === "+") this.addClassToHast(node, "diff-add");
        else if (first === "-") this.addClassToHast(node, "diff-remove");
      }
    },
  };
}

/** Whether a fence language asks for plain text on purpose. */
export function isPlainLanguage(lang: string): boolean {
  return PLAIN.has(lang.toLowerCase());
}

/** Whether Shiki can highlight this language name (or alias). */
export function isKnownLanguage(lang: string): boolean {
  return Object.hasOwn(bundledLanguages, lang.toLowerCase());
}

/** Creates a highlighter with both themes and no languages loaded yet. */
export async function createCodeHighlighter(): Promise<CodeHighlighter> {
  const shiki: Highlighter = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [] });
  const loaded = new Set<string>();
  return {
    async ensureLanguages(names) {
      const missing = [...new Set([...names].map((n) => n.toLowerCase()))].filter((n) => !loaded.has(n) && isKnownLanguage(n));
      if (missing.length === 0) return;
      await shiki.loadLanguage(...(missing as BundledLanguage[]));
      for (const name of missing) loaded.add(name);
    },
    highlight(code, lang, options = {}) {
      const name = lang.toLowerCase();
      const known = loaded.has(name);
      const html = shiki.codeToHtml(code, {
        lang: known ? name : "text",
        themes: THEMES,
        defaultColor: false,
        transformers: [lineClasses(code, name, options)],
      });
      return { html, known: known || isPlainLanguage(name) };
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
