/** The front matter block of a Markdown file as text: what is between (and including) its `---` lines. */

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** The block at the top of `markdown`, or "" when it has none. */
export function frontMatterBlock(markdown: string): string {
  return FRONT_MATTER.exec(markdown)?.[0] ?? "";
}
