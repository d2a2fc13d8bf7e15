/**
 * The page layout every course page renders through. It needs the page view, which
 * the layout plugin computes from Eleventy's data (`this.pageView`); it only
 * arranges the parts.
 */

import { html, raw } from "../lib/layout/html.ts";
import type { PageView } from "../lib/page/page-view.ts";
import { footer } from "./parts/footer.ts";
import { head } from "./parts/head.ts";
import { header } from "./parts/header.ts";
import { breadcrumbs, childList, editionBanner, pager, tableOfContents } from "./parts/main-parts.ts";
import { sidebar } from "./parts/sidebar.ts";

interface LayoutFunctions {
  pageView(data: unknown): PageView;
}

export default function render(this: LayoutFunctions, data: unknown): string {
  const view = this.pageView(data);
  return `<!doctype html>\n${html`<html lang="${view.site.lang}">
${head(view)}
<body>
<a class="skip-link" href="#main-content">Skip to content</a>
${header(view)}
<div class="page">
${sidebar(view.sidebar)}
<main id="main-content" class="main" tabindex="-1">
${editionBanner(view)}
${breadcrumbs(view)}
<article class="content" data-page="${view.page.url}"${view.page.searchExclude ? "" : html` data-pagefind-body data-pagefind-meta="title:${view.page.title}"`}>
${raw(view.content)}
${childList(view)}
</article>
${pager(view)}
</main>
${tableOfContents(view)}
</div>
${footer(view)}
</body>
</html>`}\n`;
}
