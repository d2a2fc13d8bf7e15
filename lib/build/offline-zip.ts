/**
 * The offline copy: a zip of the built site that unzips into one folder a student can
 * open from disk (search included, through the offline index). Pagefind's files are left
 * out, since they only work over HTTP. The same files always give the same zip, and when
 * nothing changed since the last build the previous zip is reused.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, link, mkdir, open, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { PAGEFIND_FOLDER } from "../search/pagefind-index.ts";
import { readZipEntries, type StoredEntry, writeZip, type ZipInput } from "./zip-writer.ts";

/** Files that are compressed already: stored as they are. */
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

/** Files whose content a fingerprint already stands for (the pages and their offline index). */
export interface KnownFiles {
  readonly fingerprint: string;
  readonly covers: (path: string) => boolean;
  /**
   * A label of a file's bytes known without reading it (a page's SHA-1, hashed as it was
   * written): a file the last zip holds under the same label is taken over unread.
   */
  readonly digest?: (path: string) => string | undefined;
}

/**
 * Zips `siteDir` (without Pagefind, marker files and the zip itself) into `siteDir/zipName`,
 * under one top folder; `cacheDir` keeps the last zip to reuse when the files are the same.
 * Files that `known` covers are not read to tell: its fingerprint stands for them.
 */
export async function writeOfflineZip(siteDir: string, zipName: string, cacheDir?: string, known?: KnownFiles): Promise<number> {
  const folder = zipName.replace(/\.zip$/, "").replace(/-offline$/, "");
  const paths = (await filesToZip(siteDir)).filter((p) => p !== zipName).sort();
  const fingerprint = createHash("sha1").update(`${folder}\0${known?.fingerprint ?? ""}\0`);
  for (const path of paths) {
    fingerprint.update(path).update("\0");
    if (!known?.covers(path)) fingerprint.update(await readFile(join(siteDir, path))).update("\0");
  }
  const cached = cacheDir ? join(cacheDir, `${fingerprint.digest("hex")}.zip`) : undefined;
  const target = join(siteDir, zipName);
  if (cached) {
    try {
      await link(cached, target).catch(() => copyFile(cached, target));
      return (await stat(target)).size;
    } catch {
      // Not cached yet.
    }
  }
  // Each file's SHA-1, kept beside the cached zip: the next zip takes over the entries of
  // files whose bytes are the same, rather than compressing them again.
  const digests: Record<string, string> = {};
  const last = cacheDir ? await lastZip(cacheDir) : undefined;
  /** The last zip's entry for `name`, if it was made from a file with this one's digest. */
  const sameAsLast = (name: string): StoredEntry | undefined => {
    const entry = last?.entries.get(name);
    return entry && last?.digests[name] === digests[name] ? entry : undefined;
  };
  const files = paths.map((path): ZipInput => {
    const name = `${folder}/${path}`;
    const knownDigest = known?.digest?.(path);
    if (knownDigest) digests[name] = knownDigest;
    const data = (): Buffer => {
      const bytes = readFileSync(join(siteDir, path));
      digests[name] ??= createHash("sha1").update(bytes).digest("hex");
      return bytes;
    };
    return { name, data, store: STORED.test(path), reuse: knownDigest ? () => sameAsLast(name) : undefined };
  });
  const out = await open(target, "w");
  let size: number;
  try {
    size = await writeZip(files, (piece) => out.write(piece), undefined, sameAsLast);
  } finally {
    await out.close();
  }
  if (cached && cacheDir) {
    // One zip is kept: the last one.
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(dirname(cached), { recursive: true });
    // Linked, not copied (14 MB at 1,000 modules): neither file is ever written in place.
    await link(target, cached).catch(() => copyFile(target, cached));
    await writeFile(cached.replace(/\.zip$/, ".json"), JSON.stringify(digests));
  }
  return size;
}

/**
 * The site's files, but for Pagefind's (which only work over HTTP, and which Pagefind may be
 * writing and moving at this moment), marker files and the preview's own: site paths.
 */
async function filesToZip(siteDir: string): Promise<string[]> {
  const top = await readdir(siteDir, { withFileTypes: true });
  const lists = await Promise.all(
    top
      .filter((e) => e.name !== PAGEFIND_FOLDER && !e.name.startsWith(".") && e.name !== "_preview")
      .map(async (e) => (e.isDirectory() ? await readdir(join(siteDir, e.name), { recursive: true, withFileTypes: true }) : [e])),
  );
  return lists.flat().flatMap((e) => (e.isFile() ? [relative(siteDir, join(e.parentPath, e.name)).split(sep).join("/")] : []));
}

/** The zip kept in `cacheDir`, its entries and its files' digests, if there is one. */
async function lastZip(cacheDir: string): Promise<{ entries: Map<string, StoredEntry>; digests: Record<string, string> } | undefined> {
  try {
    const name = (await readdir(cacheDir)).find((f) => f.endsWith(".zip"));
    if (!name) return undefined;
    const zip = join(cacheDir, name);
    const digests = JSON.parse(await readFile(zip.replace(/\.zip$/, ".json"), "utf8")) as Record<string, string>;
    return { entries: readZipEntries(await readFile(zip)), digests };
  } catch {
    // None, or damaged: every file is compressed.
    return undefined;
  }
}
