/**
 * <head>: needs the page view; renders metadata, the one stylesheet, the theme
 * script (inline, allowed by its hash in the CSP, so the right theme paints first)
 * and the deferred page script.
 */

import { html, raw, type SafeHtml } from "../../lib/layout/html.ts";
import type { PageView } from "../../lib/page/page-view.ts";

export function head(view: PageView): SafeHtml {
  const { site, root, page } = view;
  const description = page.description ?? site.description;
  const image = site.url && site.assets.logo ? new URL(site.assets.logo, site.url).href : undefined;
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${site.contentSecurityPolicy}">
${view.baseHref ? html`<base href="${view.baseHref}">` : ""}
<title>${view.documentTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${
  view.absoluteUrl
    ? html`<link rel="canonical" href="${view.absoluteUrl}">
<meta property="og:url" content="${view.absoluteUrl}">`
    : ""
}
<meta property="og:type" content="website">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${page.title}">
${description ? html`<meta property="og:description" content="${description}">` : ""}
${image ? html`<meta property="og:image" content="${image}">` : ""}
<meta name="twitter:card" content="summary">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#1f5fbf">
<link rel="icon" href="${site.assets.favicon.inline ? site.assets.favicon.href : root + site.assets.favicon.href}" type="${site.assets.favicon.type}">
<link rel="apple-touch-icon" href="${root + site.assets.touchIcon}">
<link rel="manifest" href="${root + site.assets.manifest}">
<link rel="stylesheet" href="${root + (view.hasMath ? site.assets.mathCss : site.assets.css)}">
<script>${raw(site.themeScript)}</script>
<script src="${root + site.assets.js}" defer></script>
${site.problemsScript ? html`<script src="${root + site.problemsScript}" defer></script>` : ""}
</head>`;
}
