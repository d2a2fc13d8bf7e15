/**
 * The URL rule: where a Markdown source is written in the site. It keeps the form of
 * Just the Docs / GitHub Pages URLs so old links and bookmarks keep working, and it
 * only ever produces file paths (never folders), so every page also opens from disk.
 */

import { posix } from "node:path";

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;
const INDEX_NAME = /^(readme|index)\.(md|markdown)$/i;
const HAS_FILE_EXTENSION = /\.[a-z0-9]+$/i;

/** Whether a file name is a Markdown page source. */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSION.test(path);
}

/**
 * The output path, relative to the site root and POSIX-style, of a page whose source
 * lies at `sourcePath` (relative to the course folder). A front-matter `permalink`
 * overrides the rule: `/` is `index.html`, `/a/` is `a/index.html`, `a` is `a.html`.
 * With `directoryUrls` (MkDocs projects), `a/b.md` is written to `a/b/index.html`.
 */
export function outputPathFor(sourcePath: string, permalink?: string, directoryUrls = false): string {
  if (permalink !== undefined) return outputPathForPermalink(permalink);
  const normal = posix.normalize(sourcePath.replaceAll("\\", "/")).replace(/^\.\//, "");
  const dir = posix.dirname(normal);
  const base = posix.basename(normal);
  // MkDocs' use_directory_urls: page.md is written to page/index.html.
  const name = INDEX_NAME.test(base)
    ? "index.html"
    : directoryUrls
      ? `${base.replace(MARKDOWN_EXTENSION, "")}/index.html`
      : base.replace(MARKDOWN_EXTENSION, ".html");
  return dir === "." ? name : `${dir}/${name}`;
}

function outputPathForPermalink(permalink: string): string {
  const path = posix.normalize(`/${permalink.trim()}`).replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) return `${path}index.html`;
  return HAS_FILE_EXTENSION.test(path) ? path : `${path}.html`;
}

/** The relative href from the page at `fromPath` to `toPath` (both site-relative output paths), plus an optional `#fragment`. */
export function relativeHref(fromPath: string, toPath: string, fragment = ""): string {
  const hash = fragment ? `#${fragment}` : "";
  if (fromPath === toPath) return hash || posix.basename(toPath);
  const rel = posix.relative(posix.dirname(fromPath), toPath);
  return encodeURI(rel) + hash;
}

/** The prefix (`""`, `"../"`, `"../../"` …) that leads from a page at `outputPath` back to the site root. */
export function rootPrefix(outputPath: string): string {
  const depth = outputPath.split("/").length - 1;
  return "../".repeat(depth);
}
