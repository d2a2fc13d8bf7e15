/**
 * Page weight of a built course, as a reader's browser fetches it: for each module page
 * (a page two folders deep, like `s01_…/m01_….html`), the gzip -9 size of its HTML plus the
 * stylesheets and scripts it links on a first visit, and of the HTML alone on the next
 * page (the stylesheet and script are cached by then). Images and search files are not
 * counted. Also the render-blocking requests: stylesheets, and scripts without defer/async.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  readonly pages: number;
  /** KB, gzip -9: median and largest of first visits and of next pages. */
  readonly firstMedianKb: number;
  readonly firstMaxKb: number;
  readonly nextMedianKb: number;
  readonly nextMaxKb: number;
  /** Most render-blocking requests on any module page. */
  readonly blocking: number;
}

const gz = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length / 1024;
/** The middle value (the upper one of two). */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Local files a page links as stylesheets or scripts (query strings dropped). */
function linkedAssets(html: string): { files: string[]; blocking: number } {
  const files: string[] = [];
  let blocking = 0;
  for (const [tag] of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>|<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)) {
    const href = /\b(?:href|src)="([^"?#]+)/.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) continue;
    files.push(href);
    if (tag.startsWith("<link") || !/\b(defer|async)\b/.test(tag)) blocking++;
  }
  return { files, blocking };
}

export function measurePageWeight(site: string): PageWeight {
  const first: number[] = [];
  const next: number[] = [];
  let blocking = 0;
  const assetKb = new Map<string, number>();
  for (const rel of readdirSync(site, { recursive: true, encoding: "utf8" })) {
    if (!/^[^/]+\/[^/]+\.html$/.test(rel.split("\\").join("/")) || rel.endsWith("index.html")) continue;
    const html = readFileSync(join(site, rel), "utf8");
    const assets = linkedAssets(html);
    blocking = Math.max(blocking, assets.blocking);
    let assetsKb = 0;
    for (const href of assets.files) {
      const path = join(site, dirname(rel), href);
      if (!assetKb.has(path)) assetKb.set(path, gz(readFileSync(path)));
      assetsKb += assetKb.get(path) ?? 0;
    }
    const htmlKb = gz(html);
    first.push(htmlKb + assetsKb);
    next.push(htmlKb);
  }
  return {
    pages: first.length,
    firstMedianKb: median(first),
    firstMaxKb: Math.max(0, ...first),
    nextMedianKb: median(next),
    nextMaxKb: Math.max(0, ...next),
    blocking,
  };
}

// Run alone: node --import tsx tests/bench/page-weight.ts SITE_FOLDER
if (import.meta.url === `file://${process.argv[1]}`) console.log(measurePageWeight(process.argv[2] ?? "_site"));
