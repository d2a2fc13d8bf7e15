/** Two themes from one pass of the grammar (lib/markdown/shiki-highlighter.ts). */

import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createHighlighter, createJavaScriptRegexEngine, type Highlighter } from "shiki";
import { type CodeHighlighter, THEMES } from "../../lib/markdown/code-highlighter.ts";
import { createCodeHighlighter, pairedTheme } from "../../lib/markdown/shiki-highlighter.ts";

/** Each character's colour in one theme, highlighted by Shiki with that theme alone. */
function colours(shiki: Highlighter, code: string, theme: string): string[] {
  return shiki
    .codeToTokens(code, { lang: "cpp", theme })
    .tokens.flatMap((line) => line.flatMap((t) => [...t.content].map(() => String(t.color).toUpperCase())));
}

/** Each character's colour pair as our highlighter's HTML gives it (its class names, resolved). */
function pairsInHtml(h: CodeHighlighter, code: string): string[] {
  const { html, styles } = h.highlight(code, "cpp");
  const text = html.replace(/^<pre[^>]*><code>|<\/code><\/pre>$/g, "");
  const pairs: string[] = [];
  let current = "default";
  for (const part of text.split(/(<span class="[^"]*">|<\/span>)/)) {
    const open = /^<span class="([^"]*)">$/.exec(part)?.[1];
    if (open) current = open.startsWith("line") ? "default" : open;
    else if (part === "</span>") current = "default";
    else
      for (const ch of part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
        if (ch !== "\n") pairs.push(current === "default" ? "default" : `${styles[current]?.light}/${styles[current]?.dark}`);
  }
  return pairs;
}

describe("pairedTheme", () => {
  let shiki: Highlighter;
  let ours: CodeHighlighter;
  before(async () => {
    shiki = await createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: ["cpp", "markdown"], engine: createJavaScriptRegexEngine() });
    ours = await createCodeHighlighter();
    await ours.ensureLanguages(["cpp", "markdown"]);
  });

  it("applies to GitHub's light and dark themes, which share their rules", () => {
    assert.ok(pairedTheme(shiki.getTheme(THEMES.light), shiki.getTheme(THEMES.dark)));
    assert.equal(pairedTheme(shiki.getTheme(THEMES.light), { ...shiki.getTheme(THEMES.dark), settings: [] }), undefined);
  });

  it("gives every character the colours each theme gives it alone", () => {
    const code = 'int main() {\n  int x = 5 + 6;\n  cout << "Hello" << x << std::endl();\n}';
    // Shiki's JavaScript regex engine tokenizes its first C++ block a little differently from
    // later ones (Oniguruma does not): compare warmed-up highlighters.
    for (const theme of [THEMES.light, THEMES.dark]) colours(shiki, code, theme);
    ours.highlight(code, "cpp");
    const light = colours(shiki, code, THEMES.light).filter((c) => c !== "\n");
    const dark = colours(shiki, code, THEMES.dark);
    const expected = light.map((l, i) =>
      l === shiki.getTheme(THEMES.light).fg.toUpperCase() && dark[i] === shiki.getTheme(THEMES.dark).fg.toUpperCase() ? "default" : `${l}/${dark[i]}`,
    );
    assert.deepEqual(pairsInHtml(ours, code), expected);
  });

  it("keeps the themes' italics and bold", () => {
    const { styles } = ours.highlight("*emphasis* and **strong**", "markdown");
    const fontStyles = Object.values(styles).map((s) => s.fontStyle);
    assert.ok(fontStyles.includes(1) && fontStyles.includes(2), JSON.stringify(styles));
  });
});
