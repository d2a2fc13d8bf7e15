/**
 * The offline copy: a zip of the built site that unzips into one folder a student can
 * open from disk (search included, through the offline index). Pagefind's files are
 * left out, since they only work over HTTP. Entries are sorted and dated alike, so the
 * same site always gives the same zip.
 */

import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type AsyncZippable, zip } from "fflate";

/** Entry dates are fixed: a build must not depend on the clock. */
const ENTRY_DATE = new Date("2000-01-01T00:00:00Z");
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|gz|mp4|webm|pdf)$/i;

/** Lower-case words joined by hyphens, for file names. */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "course"
  );
}

/** Site-relative name of the zip for a course title. */
export function offlineZipName(title: string): string {
  return `${slugify(title)}-offline.zip`;
}

function zipAsync(files: AsyncZippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => zip(files, { level: 6, mtime: ENTRY_DATE }, (error, data) => (error ? reject(error) : resolve(data))));
}

/** Zips `siteDir` (without Pagefind, marker files and the zip itself) into `siteDir/zipName`, under one top folder. */
export async function writeOfflineZip(siteDir: string, zipName: string): Promise<number> {
  const folder = zipName.replace(/\.zip$/, "").replace(/-offline$/, "");
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(siteDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => p !== zipName && !p.startsWith("pagefind/") && !p.startsWith("."))
    .sort();
  const files: AsyncZippable = {};
  for (const path of paths) {
    files[`${folder}/${path}`] = [await readFile(join(siteDir, path)), { level: STORED.test(path) ? 0 : 6, mtime: ENTRY_DATE }];
  }
  const data = await zipAsync(files);
  await writeFile(join(siteDir, zipName), data);
  return data.byteLength;
}
