/**
 * Link resolution: turns a URL written in a page's source (the way it works on
 * GitHub: `../s2/M5_git.md#branches`, `../figures/x.png`) into the relative URL of
 * the built page or file, so links work at any host path and from disk.
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { closestMatch } from "../text/closest-match.ts";
import { relativeHref } from "./page-url.ts";
import type { SiteMap } from "./site-map.ts";

export type LinkResolution =
  /** Another site, a mail address, or a same-page `#fragment`: left as written. */
  | { readonly kind: "unchanged" }
  /** A page of the course. */
  | { readonly kind: "page"; readonly href: string; readonly target: string; readonly fragment: string }
  /** A file copied into the site. */
  | { readonly kind: "file"; readonly href: string; readonly target: string; readonly path: string }
  /** Nothing exists at the resolved path; `suggestion` is the closest page or file, written as a link from the page. */
  | { readonly kind: "missing"; readonly path: string; readonly suggestion?: string | undefined };

export interface LinkSource {
  /** Absolute path of the page's source file. */
  readonly sourceFile: string;
  /** The page's site-relative output path. */
  readonly outputPath: string;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const INDEX_SOURCES = ["README.md", "readme.md", "index.md"];

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves one URL from a page's source against the site map. */
export function resolveLink(url: string, from: LinkSource, site: SiteMap): LinkResolution {
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("//") || HAS_SCHEME.test(trimmed)) return { kind: "unchanged" };
  const hashAt = trimmed.indexOf("#");
  const beforeHash = hashAt < 0 ? trimmed : trimmed.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : trimmed.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf("?");
  const pathPart = safeDecode(queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt));
  // Root-absolute paths mean the course root, as `{{ site.baseurl }}/…` did in Jekyll.
  const sourcePath = pathPart.startsWith("/") ? join(site.inputDir, pathPart) : resolve(dirname(from.sourceFile), pathPart);

  const page = site.pageOutput(sourcePath) ?? indexPageOf(sourcePath, site) ?? pageByOutputPath(pathPart, from, site);
  if (page !== undefined) return { kind: "page", href: relativeHref(from.outputPath, page, fragment), target: page, fragment };

  const file = site.fileOutput(sourcePath);
  if (file !== undefined) return { kind: "file", href: relativeHref(from.outputPath, file, fragment), target: file, path: sourcePath };
  return { kind: "missing", path: sourcePath, suggestion: suggest(pathPart, sourcePath, from, site) };
}

/** The existing page (for links to pages) or file in the same folder (for other files) closest to what was written. */
function suggest(written: string, sourcePath: string, from: LinkSource, site: SiteMap): string | undefined {
  const fromDir = dirname(from.sourceFile);
  const asWritten = (absolute: string): string => relative(fromDir, absolute).split(sep).join("/");
  const wantsPage = /\.(md|markdown|html)$/i.test(written) || !/\.[a-z0-9]+$/i.test(written);
  const candidates = wantsPage ? site.pageSources : filesBeside(sourcePath);
  const match = closestMatch(asWritten(sourcePath), candidates.map(asWritten));
  return match;
}

function filesBeside(path: string): string[] {
  const dir = dirname(path);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isFile());
}

/** A link to a folder means its README.md or index.md page. */
function indexPageOf(path: string, site: SiteMap): string | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  for (const name of INDEX_SOURCES) {
    const output = site.pageOutput(join(path, name));
    if (output !== undefined) return output;
  }
  return undefined;
}

/** A link written to the built page (`M5_git.html`) rather than its source still finds it. */
function pageByOutputPath(pathPart: string, from: LinkSource, site: SiteMap): string | undefined {
  if (!pathPart.endsWith(".html")) return undefined;
  const target = pathPart.startsWith("/") ? pathPart.slice(1) : join(dirname(from.outputPath), pathPart).split("\\").join("/");
  return site.hasPage(target) ? target : undefined;
}
