/**
 * The folder the command was started in. Paths in messages are shown relative to it, even
 * once the preview has moved to a folder that holds the course (see lib/cli/build.ts).
 */

import { dirname, parse, relative, resolve, sep } from "node:path";

export const STARTED_IN = process.cwd();

/** A path as the instructor would type it: relative to the folder the command was started in. */
export function shownPath(path: string): string {
  return relative(STARTED_IN, path) || ".";
}

/** The deepest folder holding all of `paths` (absolute), or undefined when they are on different drives. */
export function commonFolder(paths: readonly string[]): string | undefined {
  const [first, ...others] = paths.map((p) => resolve(p));
  if (first === undefined) return undefined;
  let folder = first;
  for (const path of others) {
    if (parse(path).root !== parse(folder).root) return undefined;
    while (relative(folder, path).split(sep)[0] === "..") folder = dirname(folder);
  }
  return folder;
}
