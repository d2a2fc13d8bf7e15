/**
 * YAML parsing that remembers where things are, so a wrong value in front matter or
 * in the course configuration is reported at its file line.
 */

import { isMap, isScalar, LineCounter, parseDocument, YAMLParseError } from "yaml";

export interface ParsedYaml {
  /** The parsed value (undefined for an empty document). */
  readonly value: unknown;
  /** 1-based line of the value at `path` (or of the closest parent that exists), shifted by the offset. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Parses one YAML document; `lineOffset` is the number of file lines before it (1 for
 * front matter after its opening `---`). Throws YamlSyntaxError with the file line.
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    let offset = first instanceof YAMLParseError ? first.pos[0] : 0;
    // An unclosed quote is noticed at the end of the text; point at where it opened instead.
    const quote = first.code === "MISSING_CHAR" ? /closing (["'])/.exec(first.message)?.[1] : undefined;
    if (quote) offset = Math.max(0, text.lastIndexOf(quote, offset - 1));
    const pos = lineCounter.linePos(offset);
    const reason = first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
    throw new YamlSyntaxError(reason, pos.line + lineOffset, pos.col);
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }) ?? undefined,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const sub = path.slice(0, depth);
        // Point at the key when the value is a scalar (that is where the typo is).
        const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
        const keyNode = sub.length > 0 ? keyNodeAt(doc.contents, sub) : undefined;
        const range = (keyNode ?? node) as { range?: [number, number, number] } | undefined;
        if (range?.range) return lineCounter.linePos(range.range[0]).line + lineOffset;
      }
      return undefined;
    },
  };
}

function keyNodeAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === path[i]);
    if (!pair) return undefined;
    if (i === path.length - 1) return pair.key;
    node = pair.value;
  }
  return undefined;
}
