/**
 * Eleventy plugin: starts each build with no diagnostics and, when it ends, hands
 * them to whoever listens for `coursesite.diagnostics` (the build command) and, in
 * preview, prints them in the terminal.
 */

import type UserConfig from "@11ty/eleventy/UserConfig";
import { type Diagnostic, formatDiagnostic } from "../build/diagnostics.ts";
import type { BuildContext } from "./build-context.ts";

export const DIAGNOSTICS_EVENT = "coursesite.diagnostics";
/** Emitted by the build command when Eleventy stopped with an error: report what was found so far. */
export const BUILD_FAILED_EVENT = "coursesite.failed";

export function diagnosticsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.on("eleventy.before", () => build.diagnostics.clear());
  const report = async (): Promise<void> => {
    const items: Diagnostic[] = build.diagnostics.items;
    if (build.serving) for (const d of items) console.error(formatDiagnostic(d));
    await eleventyConfig.emit(DIAGNOSTICS_EVENT, items);
  };
  eleventyConfig.on("eleventy.after", report);
  eleventyConfig.on(BUILD_FAILED_EVENT, report);
}
