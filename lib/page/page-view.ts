/**
 * Everything one page shows besides its own content, computed before rendering:
 * the sidebar, breadcrumbs, table of contents, previous/next, children, footer
 * facts. Layouts only turn this into markup.
 */

import type { EditionBanner } from "../build/editions.ts";
import { relativeHref, rootPrefix } from "../content/page-url.ts";
import type { CourseModel, CoursePage } from "../course/course-model.ts";
import { ancestors, type NavNode, neighbours } from "../nav/course-nav.ts";
import type { Favicon } from "./favicon.ts";
import { extractToc, type TocEntry } from "./toc.ts";

export interface LinkView {
  readonly title: string;
  readonly href: string;
}

export interface ChildView extends LinkView {
  readonly description?: string | undefined;
}

/** A configured link in the header or footer. */
export interface SiteLink {
  readonly text: string;
  readonly url: string;
  readonly icon?: string | undefined;
  readonly new_tab?: boolean | undefined;
}

/** The site-wide part of a page: the same for every page of a build except for its relative prefix. */
export interface SiteView {
  readonly lang: string;
  readonly title: string;
  readonly description: string;
  /** Site-relative paths of the stylesheet, script, favicon and logo. */
  readonly assets: {
    readonly css: string;
    readonly js: string;
    readonly favicon: Favicon;
    readonly touchIcon: string;
    readonly manifest: string;
    readonly mathCss: string;
    readonly logo?: string | undefined;
    /** The logo's width at the header's height (32 px). */
    readonly logoWidth?: number | undefined;
  };
  /** The site's public address (ends in /), when configured: for canonical links and social previews. */
  readonly url?: string | undefined;
  readonly headerLinks: readonly SiteLink[];
  readonly footerLinks: readonly SiteLink[];
  /** Footer text, already rendered from trusted inline Markdown. */
  readonly footerHtml: string;
  readonly contentSecurityPolicy: string;
  readonly themeScript: string;
  /** Site-relative path of the zip for offline reading. */
  readonly offlineZip: string;
  /** In preview: the script that shows the build's problems over the page. */
  readonly problemsScript?: string | undefined;
}

export interface SidebarView {
  readonly roots: readonly NavNode<CoursePage>[];
  readonly current: string;
  /** Pages whose children are shown open: the current page and its ancestors. */
  readonly open: ReadonlySet<string>;
  /** When false (very large courses), branches off the current path list only their own page. */
  readonly full: boolean;
  hrefTo(url: string): string;
}

export interface PageView {
  readonly site: SiteView;
  readonly page: CoursePage;
  /** Prefix from this page back to the site root (`""`, `"../"` …). */
  readonly root: string;
  readonly homeHref: string;
  readonly documentTitle: string;
  /** The page's public address, when the site's is configured. */
  readonly absoluteUrl?: string | undefined;
  /**
   * The 404 page is served at whatever address was missing, where its relative links
   * would lead nowhere: with the site's address known, a <base> points them at the root.
   */
  readonly baseHref?: string | undefined;
  readonly content: string;
  /** Whether the content has math, which needs KaTeX's stylesheet. */
  readonly hasMath: boolean;
  readonly sidebar: SidebarView;
  readonly breadcrumbs: readonly LinkView[];
  readonly toc: readonly TocEntry[];
  readonly previous?: LinkView | undefined;
  readonly next?: LinkView | undefined;
  readonly children: readonly ChildView[];
  readonly editUrl?: string | undefined;
  readonly lastUpdated?: string | undefined;
  /** On a page of an archived edition: which one, and where the current edition's page is. */
  readonly edition?: EditionBanner | undefined;
}

/** Courses with more navigation entries than this get a trimmed sidebar on each page, keeping pages small. */
export const FULL_SIDEBAR_LIMIT = 250;

/** What a page view is built from: the model, the site, the page's URL, and what it shows as given. */
export interface PageViewInput extends Pick<PageView, "site" | "content" | "editUrl" | "lastUpdated" | "edition"> {
  readonly model: CourseModel;
  readonly url: string;
}

/** The view of one page. */
export function buildPageView(input: PageViewInput): PageView {
  const { model, site, url } = input;
  const page = model.pages.get(url);
  if (!page) throw new Error(`no page is written to ${url}`);
  const hrefTo = (target: string): string => relativeHref(url, target);
  const link = (node: NavNode<CoursePage> | undefined): LinkView | undefined => (node ? { title: node.page.title, href: hrefTo(node.page.url) } : undefined);
  const chain = ancestors(model.nav, url);
  const node = model.nav.byUrl.get(url);
  const { previous, next } = neighbours(model.nav, url);
  const isHome = url === model.home;
  return {
    site,
    page,
    root: rootPrefix(url),
    homeHref: hrefTo(model.home),
    documentTitle: isHome || page.title === site.title ? site.title : `${page.title} · ${site.title}`,
    absoluteUrl: site.url && url !== "404.html" ? new URL(url === "index.html" ? "" : url, site.url).href : undefined,
    baseHref: site.url && url === "404.html" ? site.url : undefined,
    content: input.content,
    hasMath: input.content.includes('class="katex'),
    sidebar: {
      roots: model.nav.roots,
      current: url,
      open: new Set([url, ...chain.map((n) => n.page.url)]),
      full: model.nav.order.length <= FULL_SIDEBAR_LIMIT,
      hrefTo,
    },
    breadcrumbs:
      chain.length > 0
        ? [
            { title: model.pages.get(model.home)?.title ?? "Home", href: hrefTo(model.home) },
            ...chain.map((n) => ({ title: n.page.title, href: hrefTo(n.page.url) })),
          ].filter((c, i, all) => i === 0 || c.href !== all[0]?.href)
        : [],
    toc: extractToc(input.content),
    previous: link(previous),
    next: link(next),
    children: page.hasToc ? (node?.children ?? []).map((c) => ({ title: c.page.title, href: hrefTo(c.page.url), description: c.page.description })) : [],
    editUrl: input.editUrl,
    lastUpdated: input.lastUpdated,
    edition: input.edition,
  };
}
