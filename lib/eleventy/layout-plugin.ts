/**
 * Eleventy plugin: every page renders through `layouts/page.ts` (whatever `layout`
 * name a course written for Just the Docs gives), and the layout gets its page view
 * from `this.pageView(data)`. The layout is handed to Eleventy as a virtual template,
 * so Eleventy never imports TypeScript itself and a build can run from one bundle.
 */

import { createHash } from "node:crypto";
import { join, relative, resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import MarkdownIt from "markdown-it";
import renderPage from "../../layouts/page.ts";
import { EDITION_DATA, type Edition, editionBanner } from "../build/editions.ts";
import { type GitInfo, readGitInfo } from "../build/git-history.ts";
import { timed } from "../build/timing.ts";
import type { CourseModel } from "../course/course-model.ts";
import { editUrl } from "../course/edit-link.ts";
import { type Favicon, faviconOf } from "../page/favicon.ts";
import { buildPageView, type PageView, type SiteView } from "../page/page-view.ts";
import type { BuildContext } from "./build-context.ts";
import { isPageData, modelOf, outputPathOf } from "./course-data.ts";
import { PROBLEMS_SCRIPT } from "./diagnostics-plugin.ts";

/**
 * Where Eleventy looks for layouts: a folder that exists only for it (a course may have
 * a `_layouts/` folder of its own, written for Jekyll).
 */
export const LAYOUTS_DIR = "_coursesite-layouts";
const PAGE_LAYOUT = "page.11ty.js";

/** Layout names used by courses written for Jekyll themes; all mean our page layout. */
export const LAYOUT_NAMES = ["default", "page", "home", "post", "minimal", "module", "session"];

/**
 * Runs before first paint: applies a remembered theme (or the course's default) and marks
 * that scripts run, so nothing flashes.
 */
export function themeScript(fallback: "auto" | "light" | "dark" = "auto"): string {
  const initial = fallback === "auto" ? "null" : JSON.stringify(fallback);
  return `try{var t=localStorage.getItem("coursesite-theme")||${initial};if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}document.documentElement.classList.add("js")`;
}

/** The Content-Security-Policy of every page: nothing from other hosts, no inline script but the theme script. */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`).join(" ");
  // wasm-unsafe-eval: Pagefind's search runs as WebAssembly. Styles may be inline: Shiki
  // colours and KaTeX layout are style attributes.
  return `default-src 'self'; script-src 'self' ${hashes} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'`;
}

export function layoutPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.addTemplate(`${LAYOUTS_DIR}/${PAGE_LAYOUT}`, renderPage);
  for (const name of LAYOUT_NAMES) eleventyConfig.addLayoutAlias(name, PAGE_LAYOUT);
  eleventyConfig.addGlobalData("layout", "default");

  const footerMarkdown = MarkdownIt({ html: false, linkify: true });
  const theme = themeScript(build.config.theme);
  const csp = contentSecurityPolicy([theme]);
  const { config } = build;
  const siteView = (model: CourseModel): SiteView => {
    const assets = build.run.assets;
    if (!assets) throw new Error("client assets were not built before the pages");
    return {
      lang: config.language,
      url: config.url ? `${config.url.replace(/\/+$/, "")}/` : undefined,
      title: config.title,
      description: config.description,
      assets: {
        ...assets,
        logo: config.logo ? model.siteMap.fileOutput(resolve(build.inputDir, config.logo)) : undefined,
        logoWidth,
        favicon: favicon(build, model, assets.favicon),
      },
      headerLinks: config.header_links,
      footerLinks: config.footer_links,
      footerHtml: config.footer ? footerMarkdown.renderInline(config.footer) : "",
      contentSecurityPolicy: csp,
      themeScript: theme,
      offlineZip: build.offlineZip,
      problemsScript: build.serving ? PROBLEMS_SCRIPT : undefined,
    };
  };

  let site: SiteView | undefined;
  let logoWidth: number | undefined;
  // Git is asked while Eleventy reads the course; the answer is needed once pages render.
  let git: Promise<GitInfo | undefined> = Promise.resolve(undefined);
  eleventyConfig.on("eleventy.before", async () => {
    site = undefined;
    git = timed("git history", () => readGitInfo(build.inputDir));
    logoWidth = config.logo ? await logoWidthOf(resolve(build.inputDir, config.logo)) : undefined;
  });
  eleventyConfig.on("eleventy.contentMap", async () => {
    build.run.git = await git;
  });

  eleventyConfig.addJavaScriptFunction("pageView", (data: unknown): PageView => {
    if (!isPageData(data)) throw new Error("the page layout was used outside a page");
    const model = modelOf(data, build);
    site ??= siteView(model);
    const url = outputPathOf(data, build);
    const sourceFile = resolve(data.page.inputPath);
    return buildPageView({
      model,
      site,
      url,
      content: typeof data.content === "string" ? data.content : "",
      editUrl: editLinkOf(build, sourceFile),
      // A date the author wrote wins over git's.
      lastUpdated: config.last_updated ? (frontMatterDate(data.last_modified_date) ?? build.run.git?.lastChanged.get(sourceFile)) : undefined,
      edition: data[EDITION_DATA] ? editionBanner(data[EDITION_DATA] as Edition, url) : undefined,
    });
  });
}

/** The course's own favicon when it has one that is published, else ours (published at `ours`). */
function favicon(build: BuildContext, model: CourseModel, ours: string): Favicon {
  const own = build.config.favicon ? resolve(build.inputDir, build.config.favicon) : undefined;
  const published = own ? model.siteMap.fileOutput(own) : undefined;
  return own && published ? faviconOf(own, published) : faviconOf(join(build.projectRoot, "assets", "favicon.svg"), ours);
}

/** The width a logo has at the header's height of 32 pixels, keeping its proportions. */
async function logoWidthOf(file: string): Promise<number | undefined> {
  // (Imported here: only a course with a logo needs image-size, 40 ms to load.)
  const { imageFileSize } = await import("../markdown/images.ts");
  const size = imageFileSize(file);
  return size ? Math.round((32 * size.width) / size.height) : undefined;
}

/** A `last_modified_date` from front matter (Just the Docs) as YYYY-MM-DD, when it is a date. */
export function frontMatterDate(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

function editLinkOf(build: BuildContext, sourceFile: string): string | undefined {
  const repository = build.config.repository;
  if (!repository) return undefined;
  const inRepository =
    repository.path !== undefined
      ? join(repository.path, relative(build.inputDir, sourceFile))
      : build.run.git
        ? relative(build.run.git.root, sourceFile)
        : relative(build.inputDir, sourceFile);
  return editUrl(repository, inRepository.split("\\").join("/"));
}
