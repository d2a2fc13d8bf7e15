/**
 * Heading ids the way GitHub makes them, so `#anchor` links written for a course on
 * GitHub keep working here, and a link to each section beside its heading.
 */

import { slug } from "github-slugger";
import type { MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";

/** GitHub's slug for a heading text (lowercase, punctuation dropped, spaces to hyphens). */
export function githubSlug(text: string): string {
  return slug(text);
}

const linkAfterHeading = anchor.permalink.linkAfterHeader({
  style: "visually-hidden",
  assistiveText: (title) => `Link to the section “${title}”`,
  visuallyHiddenClass: "visually-hidden",
  class: "heading-link",
  symbol: "#",
  wrapper: ['<div class="heading">', "</div>"],
  renderAttrs: () => ({ "data-pagefind-ignore": "" }),
});

/** Registers ids on every heading (duplicates get `-1`, `-2`, as on GitHub) and self-links on `##` and deeper. */
export function headingIds(md: MarkdownIt): void {
  md.use(anchor, {
    slugify: githubSlug,
    uniqueSlugStartIndex: 1,
    tabIndex: false,
    permalink: (slugText, options, state, index) => {
      if (state.tokens[index]?.tag === "h1") return;
      linkAfterHeading(slugText, options, state, index);
    },
  });
}
