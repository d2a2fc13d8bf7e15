/**
 * Courses written for Material for MkDocs keep their `mkdocs.yml`: the navigation comes
 * from its `nav`, the settings from its keys, and pages keep MkDocs' URLs.
 */

import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import type { ConfigProblem } from "./site-config.ts";
import { type Translation, unusedSettingsNotice } from "./translation.ts";

/** One entry of the navigation: a page, or a section with its own entries. */
export interface NavSpec {
  /** Title from mkdocs.yml (a page without one uses its own title). */
  readonly title?: string | undefined;
  /** Source path relative to the docs folder. */
  readonly source: string;
  /** Set when the section has no page of its own: the build writes one that lists its pages. */
  readonly virtual?: boolean | undefined;
  readonly children: readonly NavSpec[];
}

export interface MkdocsProject {
  /** Absolute path of the docs folder (`docs_dir`). */
  readonly docsDir: string;
  /** Absolute path of the folder holding mkdocs.yml (snippets are relative to it). */
  readonly baseDir: string;
  /** MkDocs' `use_directory_urls`: `page.md` is written to `page/index.html`. */
  readonly directoryUrls: boolean;
  /** The navigation, when mkdocs.yml has a `nav` (otherwise pages order themselves). */
  readonly nav?: readonly NavSpec[] | undefined;
  /** Globs of the exclude plugin (relative to the docs folder). */
  readonly exclude: readonly string[];
}

export interface MkdocsTranslation extends Translation {
  readonly project: MkdocsProject;
}

const READ = new Set([
  "site_name",
  "site_description",
  "site_url",
  "site_author",
  "repo_url",
  "repo_name",
  "edit_uri",
  "copyright",
  "docs_dir",
  "nav",
  "theme",
  "extra",
  "plugins",
  "markdown_extensions",
  "use_directory_urls",
]);

/** Material's social icons (`fontawesome/brands/github`) as the link icons we draw. */
function socialIcon(icon: string): string | undefined {
  const name = icon.split("/").pop() ?? "";
  if (/github/.test(name)) return "github";
  if (/gitlab/.test(name)) return "gitlab";
  if (/discord/.test(name)) return "discord";
  if (/slack/.test(name)) return "slack";
  if (/envelope|mail/.test(name)) return "email";
  if (/youtube|video/.test(name)) return "video";
  if (/comment|chat|message/.test(name)) return "chat";
  return "website";
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "section";

/** Reads mkdocs.yml's `nav` into entries; sections without an index page get a virtual one. */
function readNav(
  entries: unknown,
  docsDir: string,
  file: string,
  problems: ConfigProblem[],
  lineOf: (p: (string | number)[]) => number | undefined,
  taken: Set<string>,
): NavSpec[] {
  if (!Array.isArray(entries)) return [];
  const result: NavSpec[] = [];
  entries.forEach((entry, index) => {
    let title: string | undefined;
    let value: unknown = entry;
    if (entry && typeof entry === "object" && !Array.isArray(entry)) {
      const [key, inner] = Object.entries(entry as Record<string, unknown>)[0] ?? [];
      title = key;
      value = inner;
    }
    if (typeof value === "string") {
      if (/^[a-z]+:\/\//i.test(value)) return; // a link to another site: not a page of the course
      if (!existsSync(join(docsDir, value))) {
        problems.push({ file, line: lineOf(["nav"]), message: `nav: ${value} does not exist in the docs folder. Fix the path, or remove the entry.` });
        return;
      }
      result.push({ title, source: posix.normalize(value), children: [] });
      return;
    }
    if (Array.isArray(value)) {
      const children = readNav(value, docsDir, file, problems, lineOf, taken);
      // A section's index page (Material's navigation.indexes): its first child named index/README.
      const first = children[0];
      const isIndex = first && /(^|\/)(index|README)\.md$/i.test(first.source) && first.children.length === 0;
      if (isIndex && first) {
        result.push({ title: title ?? first.title, source: first.source, children: children.slice(1) });
        return;
      }
      let base = `${slug(title ?? `section-${index + 1}`)}/index.md`;
      for (let n = 2; taken.has(base) || existsSync(join(docsDir, base)); n++) base = `${slug(title ?? "section")}-${n}/index.md`;
      taken.add(base);
      result.push({ title, source: base, virtual: true, children });
    }
  });
  return result;
}

/** Reads mkdocs.yml (already parsed) into course settings and the project's layout. */
export function fromMkdocsConfig(
  raw: Record<string, unknown>,
  baseDir: string,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
): MkdocsTranslation {
  const settings: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const notices: ConfigProblem[] = [];
  const str = (value: unknown): string | undefined => (typeof value === "string" || typeof value === "number" ? String(value) : undefined);
  const docsDir = join(baseDir, str(raw.docs_dir) ?? "docs");
  const theme = (raw.theme && typeof raw.theme === "object" ? raw.theme : {}) as Record<string, unknown>;
  const extra = (raw.extra && typeof raw.extra === "object" ? raw.extra : {}) as Record<string, unknown>;

  settings.title = str(raw.site_name) ?? "Course";
  if (str(raw.site_description)) settings.description = str(raw.site_description);
  if (str(raw.site_url)) settings.url = str(raw.site_url);
  if (str(theme.language)) settings.language = str(theme.language);
  if (str(theme.logo) && !/^(material|fontawesome|octicons)\//.test(str(theme.logo) ?? "")) settings.logo = str(theme.logo);
  if (str(theme.favicon)) settings.favicon = str(theme.favicon);
  const palette = Array.isArray(theme.palette) ? theme.palette[0] : theme.palette;
  if (palette && typeof palette === "object" && (palette as Record<string, unknown>).scheme === "slate") settings.theme = "dark";
  if (str(raw.copyright))
    settings.footer = str(raw.copyright)
      ?.replace(/<a\b[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, "[$2]($1)")
      .replace(/&copy;/g, "©")
      .replace(/<[^>]+>/g, "");
  const repoUrl = str(raw.repo_url);
  if (repoUrl) {
    // edit_uri is `edit/<branch>/<folder>/` (GitHub's form) or `blob/…` for viewing.
    const editUri = str(raw.edit_uri) ?? `edit/main/${str(raw.docs_dir) ?? "docs"}/`;
    const match = /^(edit|blob|tree)\/([^/]+)\/?(.*?)\/?$/.exec(editUri);
    settings.repository = {
      url: repoUrl,
      branch: match?.[2] ?? "main",
      path: match?.[3] ?? str(raw.docs_dir) ?? "docs",
      edit_mode: match?.[1] === "edit" ? "edit" : "view",
    };
    settings.header_links = [{ text: str(raw.repo_name) ?? "Repository", url: repoUrl, icon: /gitlab/.test(repoUrl) ? "gitlab" : "github" }];
  }
  if (Array.isArray(extra.social)) {
    settings.footer_links = extra.social.flatMap((s) => {
      const entry = s as Record<string, unknown>;
      const link = str(entry.link);
      return link
        ? [{ text: str(entry.name) ?? link.replace(/^https?:\/\/(www\.)?/, "").replace(/\/.*$/, ""), url: link, icon: socialIcon(str(entry.icon) ?? "") }]
        : [];
    });
  }

  const exclude: string[] = [];
  if (Array.isArray(raw.plugins)) {
    for (const plugin of raw.plugins) {
      if (plugin && typeof plugin === "object" && "exclude" in plugin) {
        const options = (plugin as { exclude?: { glob?: unknown } }).exclude;
        if (Array.isArray(options?.glob)) exclude.push(...options.glob.map(String));
        else if (typeof options?.glob === "string") exclude.push(options.glob);
      }
    }
  }
  const nav = raw.nav !== undefined ? readNav(raw.nav, docsDir, file, problems, lineOf, new Set()) : undefined;
  notices.push(...unusedSettingsNotice(raw, READ, file, lineOf));
  return { settings, project: { docsDir, baseDir, directoryUrls: raw.use_directory_urls !== false, nav, exclude }, notices, problems };
}
