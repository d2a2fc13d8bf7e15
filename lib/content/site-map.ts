/**
 * Where every source file of a course ends up in the built site: Markdown pages by
 * the URL rule (or their permalink), other files at their path in the course folder,
 * and files from extra folders mounted into the site (the project's `figures/`).
 */

import { existsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

/** A folder outside the course folder whose files are copied into the site at `to`. */
export interface Mount {
  /** Absolute path of the source folder. */
  readonly from: string;
  /** Site-relative folder it appears as (POSIX). */
  readonly to: string;
}

export interface SiteMap {
  /** Absolute path of the course folder. */
  readonly inputDir: string;
  /** Site-relative output path of the page built from this absolute source path. */
  pageOutput(sourceFile: string): string | undefined;
  /** Whether some page is written to this site-relative output path. */
  hasPage(outputPath: string): boolean;
  /** Absolute source paths of every page, for suggestions. */
  readonly pageSources: readonly string[];
  /** Site-relative path a non-Markdown file is copied to, or undefined when the file is not part of the site. */
  fileOutput(sourceFile: string): string | undefined;
}

/** Whether `path` is `dir` or lies inside it (both absolute). */
export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

const toPosix = (p: string): string => p.split(sep).join("/");

/** Files whose name starts with `_` or `.` are configuration or private, never published (as in Jekyll). */
export function isPublishable(relativePath: string): boolean {
  return !relativePath.split(/[\\/]/).some((part) => part.startsWith("_") || part.startsWith(".") || part === "node_modules");
}

/** A site map over the given pages (absolute source path → output path) and mounts. */
export function createSiteMap(inputDir: string, pages: ReadonlyMap<string, string>, mounts: readonly Mount[] = []): SiteMap {
  const root = resolve(inputDir);
  const outputs = new Set(pages.values());
  return {
    inputDir: root,
    pageOutput: (sourceFile) => pages.get(resolve(sourceFile)),
    hasPage: (outputPath) => outputs.has(outputPath),
    pageSources: [...pages.keys()].sort(),
    fileOutput(sourceFile) {
      const file = resolve(sourceFile);
      if (!existsSync(file) || !statSync(file).isFile()) return undefined;
      if (isInside(file, root)) {
        const rel = relative(root, file);
        return isPublishable(rel) ? toPosix(rel) : undefined;
      }
      for (const mount of mounts) {
        if (isInside(file, mount.from)) return toPosix(join(mount.to, relative(mount.from, file)));
      }
      return undefined;
    },
  };
}
