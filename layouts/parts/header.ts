/**
 * Site header: needs the page view; renders the phone menu button, the course title
 * and logo, the search field, the configured links and the theme switch. Controls
 * that need JavaScript start `hidden` and are revealed by the page script.
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
  return html`<header class="site-header">
<button type="button" class="icon-button menu-button" aria-controls="sidebar" aria-expanded="false" hidden>${icons.menu}<span class="visually-hidden">Course menu</span></button>
<a class="brand" href="${view.homeHref}">${site.assets.logo ? html`<img class="brand-logo" src="${root + site.assets.logo}" alt="" width="${site.assets.logoWidth ?? 32}" height="32">` : ""}<span class="brand-title">${site.title}</span></a>
<div class="search" role="search" hidden>
<label class="visually-hidden" for="search-input">Search the course</label>
<span class="search-icon">${icons.search}</span>
<input type="search" id="search-input" class="search-input" placeholder="Search" autocomplete="off" spellcheck="false" aria-describedby="search-status" aria-controls="search-results" data-root="${root}">
<kbd class="search-key" aria-hidden="true">/</kbd>
<div class="search-panel" id="search-results" hidden>
<p class="search-status" id="search-status" role="status"></p>
<ol class="search-list"></ol>
</div>
</div>
${site.headerLinks.length > 0 ? html`<nav class="header-links" aria-label="Course links"><ul>${site.headerLinks.map((l) => html`<li>${siteLink(l)}</li>`)}</ul></nav>` : ""}
<button type="button" class="icon-button theme-button" hidden aria-label="Colour theme: follow the system">${icons.auto}${icons.sun}${icons.moon}</button>
</header>`;
}
