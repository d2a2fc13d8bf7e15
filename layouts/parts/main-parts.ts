/**
 * The parts of <main> around the content: breadcrumbs, the list of a session's
 * modules, previous/next links; and the "On this page" table of contents beside it.
 * Each needs only the page view.
 */

import { html, type SafeHtml } from "../../lib/layout/html.ts";
import type { PageView } from "../../lib/page/page-view.ts";
import { icons } from "./icons.ts";

/** On an archived edition's page: which edition this is, and the way to the current one. */
export function editionBanner(view: PageView): SafeHtml {
  const edition = view.edition;
  if (!edition) return html``;
  return html`<p class="edition-banner" role="note">You are reading the ${edition.label} edition of this course${
    edition.href ? html` — <a href="${edition.href}">${edition.samePage ? "see this page in the current course" : "see the current course"}</a>` : ""
  }.</p>`;
}

export function breadcrumbs(view: PageView): SafeHtml {
  if (view.breadcrumbs.length === 0) return html``;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${view.breadcrumbs.map((c) => html`<li><a href="${c.href}">${c.title}</a></li>`)}<li><span aria-current="page">${view.page.title}</span></li></ol></nav>`;
}

export function childList(view: PageView): SafeHtml {
  if (view.children.length === 0) return html``;
  return html`<section class="child-pages" aria-labelledby="child-pages-title">
<h2 id="child-pages-title">In this section</h2>
<ul>${view.children.map((c) => html`<li><a href="${c.href}">${c.title}</a>${c.description ? html`<p>${c.description}</p>` : ""}</li>`)}</ul>
</section>`;
}

export function pager(view: PageView): SafeHtml {
  if (!view.previous && !view.next) return html``;
  return html`<nav class="pager" aria-label="Previous and next page">
${view.previous ? html`<a class="pager-link pager-previous" href="${view.previous.href}" rel="prev"><span class="pager-label">${icons.previous}Previous</span><span class="pager-title">${view.previous.title}</span></a>` : ""}
${view.next ? html`<a class="pager-link pager-next" href="${view.next.href}" rel="next"><span class="pager-label">Next${icons.next}</span><span class="pager-title">${view.next.title}</span></a>` : ""}
</nav>`;
}

export function tableOfContents(view: PageView): SafeHtml {
  if (view.toc.length < 2) return html``;
  // A <details>: one line above the page on narrow screens, opened beside it on wide ones (by the page script).
  return html`<aside class="toc" aria-labelledby="toc-title">
<details class="toc-details"><summary id="toc-title" class="toc-title">On this page</summary>
<ul>${view.toc.map((e) => html`<li class="toc-level-${e.level}"><a href="#${e.id}">${e.text}</a></li>`)}</ul>
</details>
</aside>`;
}
