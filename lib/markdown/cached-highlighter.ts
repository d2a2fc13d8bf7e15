/**
 * The highlighter the fence renderer uses: looks blocks up in the cache (filled before
 * rendering by prehighlight), and highlights what is missing. Once the stylesheet is
 * written (`freeze`), a block highlighted late carries its colours inline, since its
 * classes would not be in the stylesheet; its class form is cached for the next build.
 */

import { type CodeHighlighter, type Highlighted, type HighlightOptions, highlightKey } from "./code-highlighter.ts";
import type { HighlightCache } from "./highlight-cache.ts";

export interface CachedHighlighter extends CodeHighlighter {
  /** From now on, blocks not in the cache are rendered with inline colours. */
  freeze(): void;
  /** Back to normal at the start of a build. */
  thaw(): void;
}

export function cachedHighlighter(base: CodeHighlighter, cache: HighlightCache): CachedHighlighter {
  let frozen = false;
  return {
    ensureLanguages: (names) => base.ensureLanguages(names),
    highlight(code, lang, options: HighlightOptions = {}): Highlighted {
      const key = highlightKey(code, lang, options);
      const cached = cache.get(key);
      if (cached) return cached;
      const result = base.highlight(code, lang, options);
      cache.set(key, result);
      return frozen ? base.highlight(code, lang, options, true) : result;
    },
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
  };
}
