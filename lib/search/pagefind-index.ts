/**
 * The search index for the served site: Pagefind, through its Node API (as
 * Starlight does): create the index, add the built folder, write the files, check
 * `errors` after each step, close in `finally`. Only `data-pagefind-body` regions
 * are indexed, so sidebars and footers never match a query.
 */

import { join } from "node:path";
import * as pagefind from "pagefind";

export interface IndexSummary {
  readonly pages: number;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join("; ")}`);
}

/** Indexes the built site in `siteDir` and writes Pagefind's files to `siteDir/pagefind`. */
export async function writePagefindIndex(siteDir: string, language: string): Promise<IndexSummary> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: language, keepIndexUrl: true });
    check("start", created.errors);
    const index = created.index;
    if (!index) throw new Error("Pagefind could not start");
    const added = await index.addDirectory({ path: siteDir });
    check(`index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    check("write its files", written.errors);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
