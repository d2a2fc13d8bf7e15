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
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${site.contentSecurityPolicy}">
<title>${view.documentTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${root + site.assets.favicon}" type="image/svg+xml">
<link rel="stylesheet" href="${root + site.assets.css}">
${view.hasMath ? html`<link rel="stylesheet" href="${root + site.assets.mathCss}">` : ""}
<script>${raw(site.themeScript)}</script>
<script src="${root + site.assets.js}" defer></script>
${site.problemsScript ? html`<script src="${root + site.problemsScript}" defer></script>` : ""}
</head>`;
}
