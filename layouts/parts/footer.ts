/** Site footer: needs the page view; renders the configured text, "Edit this page" and the last-updated date. */

import { html, raw, type SafeHtml } from "../../lib/layout/html.ts";
import type { PageView } from "../../lib/page/page-view.ts";
import { siteLink } from "./header.ts";
import { icons } from "./icons.ts";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function footer(view: PageView): SafeHtml {
  const updated = view.lastUpdated ? dateFormat.format(new Date(`${view.lastUpdated}T00:00:00Z`)) : undefined;
  return html`<footer class="site-footer">
<div class="page-meta">
${view.editUrl ? html`<a class="edit-link" href="${view.editUrl}" rel="noopener">${icons.edit}Edit this page</a>` : ""}
${updated ? html`<p class="last-updated">Last updated <time datetime="${view.lastUpdated}">${updated}</time></p>` : ""}
</div>
<p class="offline-link"><a href="${view.root + view.site.offlineZip}" download>Download for offline reading</a> <span class="offline-hint">(a zip: unpack it and open index.html)</span></p>
${view.site.footerLinks.length > 0 ? html`<nav class="footer-links" aria-label="Contact and links"><ul>${view.site.footerLinks.map((l) => html`<li>${siteLink(l)}</li>`)}</ul></nav>` : ""}
${view.site.footerHtml ? html`<div class="footer-text">${raw(view.site.footerHtml)}</div>` : ""}
</footer>`;
}
