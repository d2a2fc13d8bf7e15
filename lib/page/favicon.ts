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
  const bytes = readFileSync(file);
  const href = type === "image/svg+xml" ? svgDataUrl(bytes.toString("utf8")) : `data:${type};base64,${bytes.toString("base64")}`;
  return { href, type, inline: true };
}

/**
 * An SVG as a data: URL of its text, not base64: shorter, and text that gzip compresses
 * (our icon: 440 bytes in base64, 170 of them after compression, on every page). What a
 * URL or a double-quoted HTML attribute would misread is escaped: quotes, `<`, `>`, `&`,
 * `#`, `%`, line breaks, and anything outside ASCII.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${svg.trim().replace(/[^ !$'()*+,\-./0-9:;=?@A-Z[\]_a-z~]/gu, (c) => encodeURIComponent(c))}`;
}
