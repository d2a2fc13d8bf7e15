/**
 * Links to `#anchors` can only be checked once every page is rendered (the ids come from
 * the headings): references are collected while rendering and checked after the build.
 */

import { closestMatch } from "../text/closest-match.ts";

export interface AnchorReference {
  /** Where the link is written: source file (as shown) and line. */
  readonly file: string;
  readonly line: number | undefined;
  /** The link as written in the source. */
  readonly written: string;
  /** Site-relative output path of the page linked to. */
  readonly target: string;
  readonly fragment: string;
}

export interface AnchorProblem {
  readonly file: string;
  readonly line: number | undefined;
  readonly message: string;
}

/** The ids (and `name`s) in a page's HTML. */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\s(?:id|name)="([^"]*)"/g)) if (match[1]) ids.add(match[1].replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  return ids;
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Problems for references whose fragment names no id in the target page. `idsOf` gives
 * a page's ids (undefined when the page was not built); `describe` names a page for the reader.
 */
export function checkAnchors(
  references: readonly AnchorReference[],
  idsOf: (target: string) => ReadonlySet<string> | undefined,
  describe: (target: string) => string,
): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  for (const ref of references) {
    const ids = idsOf(ref.target);
    const fragment = decode(ref.fragment);
    if (!ids || fragment === "" || fragment === "top" || ids.has(fragment)) continue;
    const hint = closestMatch(
      fragment,
      [...ids].filter((id) => !/^(fn|fnref)\d/.test(id)),
    );
    problems.push({
      file: ref.file,
      line: ref.line,
      message: `the link "${ref.written}" points to "#${fragment}", which is not a heading or anchor in ${describe(ref.target)}${hint ? `; did you mean "#${hint}"?` : ". Fix the anchor, or add the heading."}`,
    });
  }
  return problems;
}
