/**
 * Files for search engines: robots.txt always, sitemap.xml when the site's public
 * address is configured (a sitemap must list absolute URLs). Pages are listed in URL
 * order with the date they last changed in git, so the files are reproducible.
 */

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { escapeHtml } from "../layout/html.ts";

export interface SitemapPage {
  /** Site-relative output path. */
  readonly url: string;
  /** YYYY-MM-DD, when known. */
  readonly lastModified?: string | undefined;
}

/** The sitemap of `pages` under the site address `base` (ending in /). */
export function sitemapXml(base: string, pages: readonly SitemapPage[]): string {
  const entries = [...pages]
    .sort((a, b) => (a.url < b.url ? -1 : 1))
    .map((p) => {
      const loc = new URL(p.url === "index.html" ? "" : p.url, base).href;
      return `  <url><loc>${escapeHtml(loc)}</loc>${p.lastModified ? `<lastmod>${p.lastModified}</lastmod>` : ""}</url>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** Writes robots.txt, and sitemap.xml when `base` is set; returns whether the sitemap was written. */
export async function writeSiteMeta(siteDir: string, base: string | undefined, pages: readonly SitemapPage[]): Promise<boolean> {
  const robots = `User-agent: *\nAllow: /\n${base ? `Sitemap: ${new URL("sitemap.xml", base).href}\n` : ""}`;
  await writeFile(join(siteDir, "robots.txt"), robots);
  if (!base) return false;
  await writeFile(join(siteDir, "sitemap.xml"), sitemapXml(base, pages));
  return true;
}
