/**
 * Editions: a course runs every year, and last year's site stays readable under
 * `archive/<label>/` beside the current one (`npm run build -- --archive 2026`). Every
 * page of an archived edition says so, with a link to the same page in the current
 * edition when it has one.
 */

import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import { join, posix } from "node:path";
import { rootPrefix } from "../content/page-url.ts";

export const ARCHIVE_FOLDER = "archive";
/** Global data key through which the build command tells the layout which edition it builds. */
export const EDITION_DATA = "coursesiteEdition";

export interface Edition {
  /** The edition's label, e.g. "2026". */
  readonly label: string;
  /** Absolute path of the current edition's site folder. */
  readonly currentSite: string;
}

export interface EditionBanner {
  readonly label: string;
  /** Relative link to the same page in the current edition (or its home page). */
  readonly href?: string | undefined;
  /** Whether `href` is the same page (false: the current home page). */
  readonly samePage: boolean;
}

/** The banner for the page at `url` of an archived edition (built into currentSite/archive/label/). */
export function editionBanner(edition: Edition, url: string, exists: (path: string) => boolean = existsSync): EditionBanner {
  const toCurrentRoot = `${rootPrefix(url)}../../`;
  if (exists(join(edition.currentSite, url))) return { label: edition.label, href: posix.normalize(toCurrentRoot + url), samePage: true };
  if (exists(join(edition.currentSite, "index.html"))) return { label: edition.label, href: posix.normalize(`${toCurrentRoot}index.html`), samePage: false };
  return { label: edition.label, samePage: false };
}

/** Moves the archived editions of the site being replaced into the new one, so a build never loses them. */
export async function keepArchives(site: string, staging: string): Promise<void> {
  const archives = join(site, ARCHIVE_FOLDER);
  if (existsSync(archives) && !existsSync(join(staging, ARCHIVE_FOLDER))) await rename(archives, join(staging, ARCHIVE_FOLDER));
}
