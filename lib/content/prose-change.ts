/**
 * Whether a saved page changed only what its own page shows. Other pages show a page's
 * front matter (titles and order in the sidebar, prev/next), its first `# heading` (the
 * title when the front matter has none), its first paragraph (the summary its session's
 * page lists when it has no description) and how many exercises it has (the sidebar's
 * progress); a change to any of these is not prose only. (With `described` set, a changed
 * summary is let through: the preview asks so to tell a save of the summary alone.) Other
 * headings are the page's own: links into them from other pages are checked again all the
 * same (link-check-plugin.ts).
 */

import { createHash } from "node:crypto";
import { firstHeading } from "../course/course-model.ts";
import { countTasks } from "../markdown/task-lists.ts";
import { frontMatterBlock } from "./front-matter-block.ts";
import { summaryOf } from "./summary.ts";

/**
 * `described`: the page has a description of its own (in its front matter, or the course's
 * page defaults), which other pages show instead of its first paragraph.
 */
export function onlyProseChanged(before: string, after: string, described = false): boolean {
  return proseShape(before) === proseShape(after) && (described || summaryHash(before) === summaryHash(after));
}

/**
 * A page's shape: a hash of what other pages show of it (front matter, title heading,
 * exercise count), but for its summary (see `summaryHash`). Two texts of a page with the same shape and
 * summary differ only in prose. A build keeps these rather than texts, to tell the next
 * build what changed.
 */
export function proseShape(text: string): string {
  const head = frontMatterBlock(text);
  const body = text.slice(head.length);
  return createHash("sha1")
    .update(`${head}\0${firstHeading(body) ?? "\u0001"}\0${countTasks(text)}`)
    .digest("base64");
}

/** A hash of a page's summary (its first paragraph), which the page that lists it shows. */
export function summaryHash(text: string): string {
  return createHash("sha1")
    .update(summaryOf(text.slice(frontMatterBlock(text).length)) ?? "\u0001")
    .digest("base64");
}
