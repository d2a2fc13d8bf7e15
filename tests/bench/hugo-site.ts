/**
 * Hugo as a second point of comparison for `npm run bench`: a minimal Hugo project over
 * the synthetic course, in two variants.
 * - "no nav": each page is `{{ .Content }}` in a bare HTML page.
 * - "full nav": the same, plus a nav listing every session and module of the site on every
 *   page, with the current page marked, like a just-the-docs sidebar and like our build.
 *
 * Both highlight code blocks with Chroma, Hugo's default (inline styles), as the issue's
 * Hugo rows did: its no-nav output (39 MB at 1,000 modules) is about what Chroma's inline
 * styles give; without highlighting it would be half that.
 *
 * Hugo makes a folder's `index.md` a leaf bundle, which swallows every other Markdown file
 * of the folder as a resource; only `_index.md` makes it a section page. So the course's
 * Markdown is copied with `index.md` renamed `_index.md` (the SVG figures are left out, as
 * the bare Eleventy baseline does not copy them either). The front matter is kept as it is:
 * Hugo accepts the just-the-docs keys (`layout`, `permalink`, `nav_order`, ...) as params.
 */

import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type HugoVariant = "no nav" | "full nav";

/**
 * Site configuration of a variant: pages only (no taxonomies, feeds, sitemap), raw HTML
 * passed through as in our build, Chroma with inline styles. Top-level keys come first: in
 * TOML, a key after a [table] header belongs to that table.
 */
const siteConfig = (layoutDir: string): string => `baseURL = "/"
contentDir = "content"
layoutDir = "${layoutDir}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
[markup.highlight]
noClasses = true
`;

const page = (body: string): string => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
${body}
</body></html>
`;

/**
 * The home page, then every session (ordered as in the course) with its modules under it;
 * the current page marked. A page's URL is asked once per link: each call and each escaped
 * output costs a few µs in Go templates, and the nav has a million links in all at 1,000
 * modules.
 */
const NAV = `<nav><ul>
{{- $current := .RelPermalink }}
<li><a href="/"{{ if eq "/" $current }} aria-current="page"{{ end }}>{{ .Site.Home.Title }}</a></li>
{{- range .Site.Home.Sections.ByParam "nav_order" }}
{{- $url := .RelPermalink }}
<li><a href="{{ $url }}"{{ if eq $url $current }} aria-current="page"{{ end }}>{{ .Title }}</a><ul>
{{- range .RegularPages.ByParam "nav_order" }}
{{- $url := .RelPermalink }}
<li><a href="{{ $url }}"{{ if eq $url $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul></li>
{{- end }}
</ul></nav>`;

const VARIANTS: Record<HugoVariant, { config: string; body: string }> = {
  "no nav": { config: siteConfig("layouts-no-nav"), body: "<main>{{ .Content }}</main>" },
  "full nav": { config: siteConfig("layouts-full-nav"), body: `${NAV}\n<main>{{ .Content }}</main>` },
};

/** Copies the course's Markdown into `content`, a folder's `index.md` becoming its `_index.md`. */
function copyContent(course: string, content: string): void {
  for (const rel of readdirSync(course, { recursive: true, encoding: "utf8" })) {
    if (!rel.endsWith(".md")) continue;
    const target = join(content, dirname(rel), basename(rel) === "index.md" ? "_index.md" : basename(rel));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(course, rel), target);
  }
}

/**
 * Writes the Hugo project for both variants into `project` (content copied once, a config
 * file and a layout folder per variant) and returns, per variant, the command that builds
 * the site into a given output folder. Preparing is not part of what the bench times.
 */
export function prepareHugo(course: string, project: string): Record<HugoVariant, (output: string) => [string, string[]]> {
  copyContent(course, join(project, "content"));
  const build = {} as Record<HugoVariant, (output: string) => [string, string[]]>;
  for (const [variant, { config, body }] of Object.entries(VARIANTS) as [HugoVariant, (typeof VARIANTS)[HugoVariant]][]) {
    const slug = variant.replace(" ", "-");
    const layouts = join(project, `layouts-${slug}`, "_default");
    mkdirSync(layouts, { recursive: true });
    // Modules are single pages, the home page and the sessions are lists: one template serves both.
    for (const name of ["single.html", "list.html"]) writeFileSync(join(layouts, name), page(body));
    writeFileSync(join(project, `${slug}.toml`), config);
    build[variant] = (output) => ["hugo", ["--source", project, "--config", `${slug}.toml`, "--destination", output, "--quiet"]];
  }
  return build;
}
