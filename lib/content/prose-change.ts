/**
 * Whether a saved page changed only what its own page shows. Other pages show a page's
 * front matter (titles and order in the sidebar, prev/next), its headings, and its first
 * paragraph (the summary its session's page lists when there is no description) and how
 * many exercises it has (the sidebar's progress); a change to any of these is not prose only.
 */

import { countTasks } from "../markdown/task-lists.ts";
import { frontMatterBlock } from "./front-matter-block.ts";
import { summaryOf } from "./summary.ts";

/** Every line that starts with `#` (headings; a shell comment in a code block counts too, to be safe). */
function headingLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => /^\s{0,3}#/.test(line))
    .join("\n");
}

export function onlyProseChanged(before: string, after: string): boolean {
  const head = frontMatterBlock(before);
  const afterHead = frontMatterBlock(after);
  return (
    head === afterHead &&
    headingLines(before) === headingLines(after) &&
    summaryOf(before.slice(head.length)) === summaryOf(after.slice(afterHead.length)) &&
    countTasks(before) === countTasks(after)
  );
}
