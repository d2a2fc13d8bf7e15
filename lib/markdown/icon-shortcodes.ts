/**
 * markdown-it plugin: Material for MkDocs' icon shortcodes, drawn inline from the icon
 * sets' own SVG files (served with the page; nothing loads from elsewhere):
 * `:material-check:` (Material Design Icons), `:octicons-arrow-right-24:` (Octicons),
 * `:fontawesome-brands-github:` (Font Awesome Free). An unknown icon is reported.
 */

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { type ContextOf, fileLine } from "./render-context.ts";

const SHORTCODE = /:((?:material|octicons|fontawesome)-[a-z0-9-]+):/g;
const require = createRequire(import.meta.url);
const packageDir = (name: string): string | undefined => {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
};

/** The SVG file of a shortcode name (without colons), if the icon sets have it. */
export function iconFile(name: string): string | undefined {
  const [set, ...rest] = name.split("-");
  const icon = rest.join("-");
  let file: string | undefined;
  if (set === "material") file = join(packageDir("@mdi/svg") ?? "", "svg", `${icon}.svg`);
  else if (set === "octicons") file = join(packageDir("@primer/octicons") ?? "", "build/svg", `${/-(12|16|24|48|96)$/.test(icon) ? icon : `${icon}-24`}.svg`);
  else if (set === "fontawesome") {
    const [style, ...glyph] = rest;
    file = join(packageDir("@fortawesome/fontawesome-free") ?? "", "svgs", style ?? "", `${glyph.join("-")}.svg`);
  }
  return file && existsSync(file) ? file : undefined;
}

const cache = new Map<string, string | undefined>();

/** An icon as inline SVG: decorative (hidden from assistive technology), in the text's colour, one line high. */
export function iconSvg(name: string): string | undefined {
  if (!cache.has(name)) {
    const file = iconFile(name);
    const svg = file
      ? readFileSync(file, "utf8")
          .replace(/<!--[\s\S]*?-->/g, "")
          .replace(/\s(id|width|height|class)="[^"]*"/g, "")
          .replace(/<svg\b/, `<svg class="icon-inline" width="1em" height="1em" fill="currentColor" aria-hidden="true"`)
          .trim()
      : undefined;
    cache.set(name, svg);
  }
  return cache.get(name);
}

/** Registers icon shortcodes; unknown ones are reported and left as written. */
export function iconShortcodes(md: MarkdownIt, contextOf: ContextOf): void {
  md.core.ruler.after("inline", "icon_shortcodes", (state: StateCore) => {
    const context = contextOf(state.env);
    for (const token of state.tokens) {
      if (token.type !== "inline" || !token.children || !token.content.includes(":")) continue;
      const children: Token[] = [];
      for (const child of token.children) {
        if (child.type !== "text" || !SHORTCODE.test(child.content)) {
          children.push(child);
          continue;
        }
        SHORTCODE.lastIndex = 0;
        let last = 0;
        for (const match of child.content.matchAll(SHORTCODE)) {
          const svg = iconSvg(match[1] ?? "");
          if (!svg) {
            context?.report(
              "warning",
              fileLine(context, token.map?.[0]),
              `the icon ${match[0]} is not one we have (Material Design Icons, Octicons, Font Awesome Free); it shows as text.`,
            );
            continue;
          }
          const before = new state.Token("text", "", 0);
          before.content = child.content.slice(last, match.index);
          const icon = new state.Token("html_inline", "", 0);
          icon.content = svg;
          children.push(before, icon);
          last = (match.index ?? 0) + match[0].length;
        }
        const rest = new state.Token("text", "", 0);
        rest.content = child.content.slice(last);
        children.push(rest);
      }
      token.children = children;
    }
  });
}
