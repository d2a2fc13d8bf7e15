/**
 * Eleventy plugin: bundles the browser's stylesheet and script (esbuild, which tsx
 * already brings) into the site's `assets/` before each build, and tells layouts
 * their names, versioned by content hash so browsers never use a stale copy.
 */

import { createHash } from "node:crypto";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { build as esbuild } from "esbuild";
import type { BuildContext } from "./build-context.ts";

export interface ClientAssets {
  /** Site-relative URLs (with a `?v=` content hash). */
  readonly css: string;
  readonly js: string;
  readonly favicon: string;
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
  await Promise.all([
    writeFile(join(target, "site.js"), js.contents),
    writeFile(join(target, "site.css"), css.contents),
    copyFile(join(assets, "favicon.svg"), join(target, "favicon.svg")),
  ]);
  return {
    js: `assets/site.js?v=${hashOf(js.contents)}`,
    css: `assets/site.css?v=${hashOf(css.contents)}`,
    favicon: "assets/favicon.svg",
  };
}

/** Writes the assets before every build and records their URLs for layouts. */
export function clientAssetsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.before", async () => {
    build.run.assets = await writeClientAssets(build.projectRoot, build.outputDir);
  });
  eleventyConfig.addWatchTarget(join(build.projectRoot, "assets"));
}
