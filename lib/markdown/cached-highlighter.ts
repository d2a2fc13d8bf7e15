/**
 * The highlighter the fence renderer uses: looks blocks up in the cache (filled before
 * rendering by prehighlight), and highlights what is missing. Once the stylesheet is
 * written (`freeze`), only blocks whose classes it holds may use classes; any other block
 * carries its colours inline (its class form is still cached, for the next build).
 */

import { type CodeHighlighter, type Highlighted, type HighlightOptions, highlightKey } from "./code-highlighter.ts";
import type { HighlightCache } from "./highlight-cache.ts";

export interface CachedHighlighter extends CodeHighlighter {
  /** From now on, blocks may only use the classes in `styles` (those in the stylesheet). */
  freeze(styles: Iterable<string>): void;
  /** Back to normal at the start of a build. */
  thaw(): void;
}

export function cachedHighlighter(base: CodeHighlighter, cache: HighlightCache): CachedHighlighter {
  let written: Set<string> | undefined;
  const fits = (result: Highlighted): boolean => !written || Object.keys(result.styles).every((name) => written?.has(name));
  return {
    ensureLanguages: (names) => base.ensureLanguages(names),
    highlight(code, lang, options: HighlightOptions = {}, inline = false): Highlighted {
      if (inline) return base.highlight(code, lang, options, true);
      const key = highlightKey(code, lang, options);
      let result = cache.get(key);
      if (!result) {
        result = base.highlight(code, lang, options);
        cache.set(key, result);
      }
      return fits(result) ? result : base.highlight(code, lang, options, true);
    },
    freeze(styles) {
      written = new Set(styles);
    },
    thaw() {
      written = undefined;
    },
  };
}
