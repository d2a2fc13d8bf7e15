/**
 * The info string of a code fence: the language and the options Material for MkDocs and
 * other tools write after it: ```` ```python title="train.py" hl_lines="2 4-6" linenums="1" ````,
 * ```` ```python {2,4-6} ````, and our own `partial` (a fragment the content check skips).
 */

export interface FenceInfo {
  readonly lang: string;
  readonly title?: string | undefined;
  /** 1-based lines to highlight. */
  readonly highlight: ReadonlySet<number>;
  /** First line number when lines are numbered. */
  readonly lineNumbers?: number | undefined;
  /** A deliberate fragment: rendered as usual, not checked as a whole program. */
  readonly partial: boolean;
}

/** Line numbers from "2 4-6" or "2,4-6". */
export function lineSet(spec: string): Set<number> {
  const lines = new Set<number>();
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    const [from, to] = part.split("-").map(Number);
    if (from === undefined || !Number.isInteger(from)) continue;
    const last = to !== undefined && Number.isInteger(to) ? to : from;
    for (let n = from; n <= last && n - from < 10000; n++) lines.add(n);
  }
  return lines;
}

/** Parses a fence's info string. */
export function parseFenceInfo(info: string): FenceInfo {
  const text = info.trim();
  const lang = /^\{?\.?([^\s{}"=]+)/.exec(text)?.[1] ?? "";
  const rest = text.slice(lang.length);
  const attribute = (name: string): string | undefined =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`)
      .exec(rest)
      ?.slice(1)
      .find((v) => v !== undefined);
  const braces = /\{([\d\s,-]+)\}/.exec(rest)?.[1];
  const highlight = lineSet([attribute("hl_lines") ?? "", braces ?? ""].join(" "));
  const linenums = attribute("linenums");
  return {
    lang: lang.toLowerCase(),
    title: attribute("title"),
    highlight,
    lineNumbers: linenums !== undefined && /^\d+/.test(linenums) ? Number.parseInt(linenums, 10) : undefined,
    partial: /(^|\s)partial(\s|$)/.test(rest),
  };
}
