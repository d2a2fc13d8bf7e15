/**
 * Eleventy plugin: bundles the browser's stylesheet and script (esbuild, which tsx
 * already brings) into the site's `assets/` before each build, and tells layouts
 * their names, versioned by content hash so browsers never use a stale copy.
 */

import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { build as esbuild } from "esbuild";
import type { BuildContext } from "./build-context.ts";

export interface ClientAssets {
  /** Site-relative URLs (with a `?v=` content hash). */
  readonly css: string;
  readonly js: string;
  readonly favicon: string;
  /** KaTeX's stylesheet, linked only from pages with math. */
  readonly mathCss: string;
}

/** KaTeX's stylesheet and its fonts (woff2 only: every browser we serve reads it, and it comes first in KaTeX's lists). */
async function copyKatex(target: string): Promise<string> {
  const dist = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");
  const fonts = (await readdir(join(dist, "fonts"))).filter((f) => f.endsWith(".woff2"));
  await mkdir(join(target, "katex/fonts"), { recursive: true });
  await Promise.all([
    copyFile(join(dist, "katex.min.css"), join(target, "katex/katex.min.css")),
    ...fonts.map((f) => copyFile(join(dist, "fonts", f), join(target, "katex/fonts", f))),
  ]);
  return "assets/katex/katex.min.css";
}

const hashOf = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex").slice(0, 10);

/** Bundles and writes the client assets of `projectRoot` into `outputDir/assets`. */
export async function writeClientAssets(projectRoot: string, outputDir: string): Promise<ClientAssets> {
  const assets = join(projectRoot, "assets");
  const result = await esbuild({
    entryPoints: { site: join(assets, "js/main.ts"), style: join(assets, "css/main.css") },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    write: false,
    outdir: "out",
    logLevel: "silent",
    legalComments: "none",
    loader: { ".woff2": "file" },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith("site.js"));
  const css = result.outputFiles.find((f) => f.path.endsWith("style.css"));
  if (!js || !css) throw new Error("esbuild produced no site.js or style.css");
  const target = join(outputDir, "assets");
  await mkdir(target, { recursive: true });
  const [mathCss] = await Promise.all([
    copyKatex(target),
    writeFile(join(target, "site.js"), js.contents),
    writeFile(join(target, "site.css"), css.contents),
    copyFile(join(assets, "favicon.svg"), join(target, "favicon.svg")),
  ]);
  return {
    js: `assets/site.js?v=${hashOf(js.contents)}`,
    css: `assets/site.css?v=${hashOf(css.contents)}`,
    favicon: "assets/favicon.svg",
    mathCss,
  };
}

/** Writes the assets before every build and records their URLs for layouts. */
export function clientAssetsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.before", async () => {
    build.run.assets = await writeClientAssets(build.projectRoot, build.outputDir);
  });
  eleventyConfig.addWatchTarget(join(build.projectRoot, "assets"));
}
