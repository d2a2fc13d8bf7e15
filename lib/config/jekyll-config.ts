/**
 * Courses written for Just the Docs keep their `_config.yml`. Its keys are read into our
 * settings; keys we do not use are named once, as a warning, never silently ignored.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "./site-config.ts";
import { type Translation, unusedSettingsNotice } from "./translation.ts";

/** The `_config.yml` keys we read (the rest of Jekyll's and the theme's are reported as unused). */
const READ = new Set([
  "title",
  "description",
  "logo",
  "favicon_ico",
  "aux_links",
  "aux_links_new_tab",
  "footer_content",
  "gh_edit_link",
  "gh_edit_link_text",
  "gh_edit_repository",
  "gh_edit_branch",
  "gh_edit_source",
  "gh_edit_view_mode",
  "last_edit_timestamp",
  "last_edit_time_format",
  "defaults",
  "color_scheme",
  "url",
  "baseurl",
  "lang",
]);

/** HTML from `footer_content` as the Markdown our footer takes: links kept, entities decoded, other tags dropped. */
export function footerFromHtml(html: string): string {
  return html
    .replace(
      /<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi,
      (_, href: string, text: string) => `[${text.replace(/<[^>]+>/g, "").trim()}](${href})`,
    )
    .replace(/<[^>]+>/g, "")
    .replace(/&copy;/g, "©")
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A site-root path (`/figures/logo.png`) as a path from the course folder. */
const fromRoot = (path: string): string => path.replace(/^\/+/, "");

/** The page title a course without `title` would show: the home page's first heading. */
function homeHeading(inputDir: string): string | undefined {
  for (const name of ["index.md", "README.md"]) {
    const file = join(inputDir, name);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    const heading = /^#\s+(.+?)\s*#*$/m.exec(text)?.[1] ?? /<h1\b[^>]*>([^<]+)<\/h1>/i.exec(text)?.[1];
    if (heading) return heading.trim();
  }
  return undefined;
}

/** Reads Just the Docs' `_config.yml` (already parsed) into course settings. */
export function fromJekyllConfig(
  raw: Record<string, unknown>,
  inputDir: string,
  file: string,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
): Translation {
  const settings: Record<string, unknown> = {};
  const notices: ConfigProblem[] = [];
  const problems: ConfigProblem[] = [];
  const text = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string" || typeof value === "number") return String(value);
    problems.push({ file, line: lineOf([key]), message: `\`${key}\`: expected text` });
    return undefined;
  };
  const flag = (key: string): boolean | undefined => (typeof raw[key] === "boolean" ? (raw[key] as boolean) : undefined);

  settings.title = text("title") ?? homeHeading(inputDir) ?? "Course";
  if (text("description")) settings.description = text("description");
  if (text("lang")) settings.language = text("lang");
  if (text("logo")) settings.logo = fromRoot(text("logo") ?? "");
  if (text("favicon_ico")) settings.favicon = fromRoot(text("favicon_ico") ?? "");
  if (text("footer_content")) settings.footer = footerFromHtml(text("footer_content") ?? "");
  if (raw.color_scheme === "dark") settings.theme = "dark";
  const url = text("url");
  if (url && /^https?:\/\//.test(url)) settings.url = `${url.replace(/\/+$/, "")}${text("baseurl") ?? ""}/`;

  const aux = raw.aux_links;
  if (aux !== undefined) {
    if (typeof aux !== "object" || aux === null || Array.isArray(aux))
      problems.push({ file, line: lineOf(["aux_links"]), message: "`aux_links`: expected a map of link text to [address]" });
    else {
      settings.header_links = Object.entries(aux as Record<string, unknown>).map(([label, target]) => {
        const address = String(Array.isArray(target) ? target[0] : target);
        return {
          text: label,
          url: address.startsWith("//") ? `https:${address}` : address,
          new_tab: flag("aux_links_new_tab") ?? false,
          ...(/github\.com/.test(address) ? { icon: "github" } : {}),
        };
      });
    }
  }
  const repository = text("gh_edit_repository");
  if (repository && flag("gh_edit_link") !== false) {
    settings.repository = {
      url: repository,
      branch: text("gh_edit_branch") ?? "main",
      path: text("gh_edit_source") ?? "",
      edit_mode: raw.gh_edit_view_mode === "edit" ? "edit" : "view",
    };
  }
  if (flag("last_edit_timestamp") === false) settings.last_updated = false;
  if (Array.isArray(raw.defaults)) {
    settings.page_defaults = raw.defaults.flatMap((entry) => {
      const e = entry as { scope?: { path?: unknown }; values?: unknown };
      return e && typeof e.values === "object" && e.values !== null ? [{ path: String(e.scope?.path ?? ""), values: e.values }] : [];
    });
  }
  notices.push(...unusedSettingsNotice(raw, READ, file, lineOf));
  return { settings, notices, problems };
}
