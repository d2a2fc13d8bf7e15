/**
 * Eleventy plugin: bundles the browser's stylesheet and script (esbuild, which tsx
 * already brings) into the site's `assets/` before each build, and tells layouts
 * their names, versioned by content hash so browsers never use a stale copy.
 */

import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { build as esbuild } from "esbuild";
import { timed } from "../build/timing.ts";
import { styleRules } from "../markdown/code-highlighter.ts";
import type { BuildContext } from "./build-context.ts";

export interface ClientAssets {
  /** Site-relative URLs (with a `?v=` content hash). */
  readonly css: string;
  readonly js: string;
  readonly favicon: string;
  readonly touchIcon: string;
  readonly manifest: string;
  /**
   * For pages with math: the same stylesheet with KaTeX's appended, in place of it, so that
   * those pages too make one render-blocking request (and other pages carry none of KaTeX).
   */
  readonly mathCss: string;
}

/**
 * KaTeX's fonts (woff2 only: every browser we serve reads it, and it comes first in KaTeX's
 * lists), and its stylesheet with their URLs made relative to `assets/`.
 */
async function copyKatex(target: string): Promise<string> {
  const dist = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");
  const fonts = (await readdir(join(dist, "fonts"))).filter((f) => f.endsWith(".woff2"));
  await mkdir(join(target, "katex/fonts"), { recursive: true });
  await Promise.all(fonts.map((f) => copyFile(join(dist, "fonts", f), join(target, "katex/fonts", f))));
  return (await readFile(join(dist, "katex.min.css"), "utf8")).replace(/url\(fonts\//g, "url(katex/fonts/");
}

const hashOf = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex").slice(0, 10);

export interface Bundle {
  readonly js: Uint8Array;
  /** The search's code, which the page script loads when a reader turns to the search field. */
  readonly searchJs: Uint8Array;
  readonly css: string;
}

const BROWSERS = ["es2020", "chrome100", "firefox100", "safari15"];

/**
 * Bundles the browser's scripts and stylesheet. The search's script comes first: the page
 * script is given its versioned URL, so that a new search script gives a new page script.
 */
export async function bundleClientAssets(projectRoot: string): Promise<Bundle> {
  const assets = join(projectRoot, "assets");
  const common = { bundle: true, minify: true, format: "iife", target: BROWSERS, write: false, logLevel: "silent", legalComments: "none" } as const;
  const search = await esbuild({ ...common, entryPoints: [join(assets, "js/search/sources.ts")], outfile: "out/search.js" });
  const searchJs = search.outputFiles[0]?.contents;
  if (!searchJs) throw new Error("esbuild produced no search.js");
  const result = await esbuild({
    ...common,
    entryPoints: { site: join(assets, "js/main.ts"), style: join(assets, "css/main.css") },
    outdir: "out",
    loader: { ".woff2": "file" },
    define: { SEARCH_SCRIPT: JSON.stringify(`assets/search.js?v=${hashOf(searchJs)}`) },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith("site.js"));
  const css = result.outputFiles.find((f) => f.path.endsWith("style.css"));
  if (!js || !css) throw new Error("esbuild produced no site.js or style.css");
  return { js: js.contents, searchJs, css: css.text };
}

/** The web app manifest: lets a phone add the course to its home screen with a name and icon. */
export function webManifest(title: string, description: string): string {
  const icons = [
    { src: "favicon.svg", type: "image/svg+xml", sizes: "any" },
    { src: "icon-192.png", type: "image/png", sizes: "192x192" },
    { src: "icon-512.png", type: "image/png", sizes: "512x512" },
  ];
  const shortName =
    title.length <= 12
      ? title
      : title
          .split(/\s+/)
          .map((w) => w[0])
          .join("")
          .slice(0, 12);
  return `${JSON.stringify({ name: title, short_name: shortName, description, start_url: "../index.html", scope: "../", display: "standalone", background_color: "#ffffff", theme_color: "#1f5fbf", icons }, null, 2)}\n`;
}

/** Writes the bundle (the stylesheet with `extraCss` appended), KaTeX, icons and the manifest into `outputDir/assets`. */
export async function writeClientAssets(
  projectRoot: string,
  outputDir: string,
  bundle: Bundle,
  extraCss: string,
  site: { title: string; description: string },
): Promise<ClientAssets> {
  const target = join(outputDir, "assets");
  await mkdir(target, { recursive: true });
  const css = extraCss ? `${bundle.css}\n${extraCss}\n` : bundle.css;
  const icons = ["favicon.svg", "icon-180.png", "icon-192.png", "icon-512.png"];
  const mathCss = `${css}\n${await copyKatex(target)}\n`;
  await Promise.all([
    writeFile(join(target, "site.js"), bundle.js),
    writeFile(join(target, "search.js"), bundle.searchJs),
    writeFile(join(target, "site.css"), css),
    writeFile(join(target, "site-math.css"), mathCss),
    writeFile(join(target, "manifest.webmanifest"), webManifest(site.title, site.description)),
    ...icons.map((icon) => copyFile(join(projectRoot, "assets", icon), join(target, icon))),
  ]);
  return {
    js: `assets/site.js?v=${hashOf(bundle.js)}`,
    css: `assets/site.css?v=${hashOf(css)}`,
    favicon: "assets/favicon.svg",
    touchIcon: "assets/icon-180.png",
    manifest: "assets/manifest.webmanifest",
    mathCss: `assets/site-math.css?v=${hashOf(mathCss)}`,
  };
}

/**
 * Bundles the assets at the start of every build and writes them once the code colours
 * are known (after highlighting, before rendering), recording their URLs for layouts.
 */
export function clientAssetsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  let bundle: Promise<Bundle> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    bundle = bundleClientAssets(build.projectRoot);
    bundle.catch(() => undefined);
  });
  eleventyConfig.on("eleventy.contentMap", async () => {
    const pending = bundle;
    if (!pending) throw new Error("the client assets were not bundled");
    const ready = await timed("wait for client assets", () => pending);
    build.run.assets = await timed("write client assets", () =>
      writeClientAssets(build.projectRoot, build.outputDir, ready, styleRules(build.run.codeStyles ?? {}), build.config),
    );
  });
  eleventyConfig.addWatchTarget(join(build.projectRoot, "assets"));
}
