/** What reading another tool's configuration (Jekyll's `_config.yml`, `mkdocs.yml`) gives. */

import type { ConfigProblem } from "./site-config.ts";

export interface Translation {
  /** Settings in course.yml's shape, to be validated as course.yml is. */
  readonly settings: Record<string, unknown>;
  /** Warnings: what the file says that has no effect here. */
  readonly notices: ConfigProblem[];
  readonly problems: ConfigProblem[];
}

/** One warning naming every key of `raw` that is not in `read` (at the first one's line), or none. */
export function unusedSettingsNotice(
  raw: Record<string, unknown>,
  read: ReadonlySet<string>,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
): ConfigProblem[] {
  const unused = Object.keys(raw).filter((key) => !read.has(key));
  return unused.length > 0 ? [{ file, line: lineOf([unused[0] ?? ""]), message: `these settings have no effect here: ${unused.join(", ")}.` }] : [];
}
