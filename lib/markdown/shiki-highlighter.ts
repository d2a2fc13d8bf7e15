/**
 * Shiki, for the highlighting a build cannot take from its cache. Kept apart from
 * code-highlighter.ts so that a build whose pages are all reused never loads it (its
 * import alone takes 0.1 s). Shiki's JavaScript regex engine is used (the same output as
 * Oniguruma, faster to start).
 */

import { type BundledLanguage, bundledLanguages, createHighlighter, createJavaScriptRegexEngine, type Highlighter, type ThemeRegistration } from "shiki";
import { type CodeHighlighter, isPlainLanguage, paletteOf, renderLines, THEMES, type TokenLook, type TokenStyle } from "./code-highlighter.ts";

/** Whether Shiki can highlight this language name (or alias). */
export function isKnownLanguage(lang: string): boolean {
  return Object.hasOwn(bundledLanguages, lang.toLowerCase());
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
  const palette = paired ? paletteOf(paired.colors.values()) : undefined;
  const look: TokenLook = { defaults, palette };
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
        return renderLines(lines, code, name, options, { ...look, inline });
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
      return renderLines(lines, code, name, options, { ...look, inline });
    },
  };
}
