/**
 * The page's <link rel="icon">. A small icon goes into the page as a data: URL: the
 * browser fetches favicons after the page has loaded, and a reader who clicks on
 * before that fetch ends leaves a cancelled request behind (which link checkers and
 * browser consoles report as a failed load). A few hundred bytes per page are cheaper.
 */

import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";

/** Icons up to this size are inlined; larger ones stay files. */
export const INLINE_FAVICON_LIMIT = 4096;

const TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

export interface Favicon {
  /** A data: URL, or the site-relative path of the icon file. */
  readonly href: string;
  readonly type: string;
  /** True when `href` is a data: URL (and so needs no relative prefix). */
  readonly inline: boolean;
}

/** The favicon link for the icon at `file`, published at the site-relative `sitePath`. */
export function faviconOf(file: string, sitePath: string): Favicon {
  const type = TYPES[extname(file).toLowerCase()] ?? "image/x-icon";
  if (statSync(file).size > INLINE_FAVICON_LIMIT) return { href: sitePath, type, inline: false };
  return { href: `data:${type};base64,${readFileSync(file).toString("base64")}`, type, inline: true };
}
