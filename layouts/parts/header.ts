/**
 * Site header: needs the page view; renders the course title and logo and the configured
 * links. The controls that only work with JavaScript (the phone menu button, the search
 * field, the theme switch) are made by the page script (assets/js/header-controls.ts), so
 * that no page carries markup it cannot use without it: 2 KB a page, about 3 MB of a
 * 1,000-module course. `data-root` tells the script where the site's root is.
 */

import { html, type SafeHtml } from "../../lib/layout/html.ts";
import type { PageView, SiteLink } from "../../lib/page/page-view.ts";
import { icons } from "./icons.ts";

/** A configured link, with its icon when it names one (mail addresses get no rel). */
export function siteLink(link: SiteLink): SafeHtml {
  const icon = link.icon ? icons[link.icon] : undefined;
  const rel = /^mailto:/.test(link.url) ? "" : html` rel="noopener"`;
  return html`<a class="site-link" href="${link.url}"${rel}${link.new_tab ? html` target="_blank"` : ""}>${icon ?? ""}<span>${link.text}</span></a>`;
}

export function header(view: PageView): SafeHtml {
  const { site, root } = view;
  return html`<header class="site-header" data-root="${root}">
<a class="brand" href="${view.homeHref}">${site.assets.logo ? html`<img class="brand-logo" src="${root + site.assets.logo}" alt="" width="${site.assets.logoWidth ?? 32}" height="32">` : ""}<span class="brand-title">${site.title}</span></a>
${site.headerLinks.length > 0 ? html`<nav class="header-links" aria-label="Course links"><ul>${site.headerLinks.map((l) => html`<li>${siteLink(l)}</li>`)}</ul></nav>` : ""}
</header>`;
}
