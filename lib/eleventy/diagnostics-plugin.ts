/**
 * Eleventy plugin: starts each build with no diagnostics and, when it ends, hands
 * them to whoever listens for `coursesite.diagnostics` (the build command) and, in
 * preview, prints them in the terminal.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { type Diagnostic, formatDiagnostic } from "../build/diagnostics.ts";
import type { BuildContext } from "./build-context.ts";

export const DIAGNOSTICS_EVENT = "coursesite.diagnostics";
/** Emitted by the build command when Eleventy stopped with an error: report what was found so far. */
export const BUILD_FAILED_EVENT = "coursesite.failed";

/** Where preview pages find the current build's problems (see PROBLEMS_SCRIPT). */
export const PROBLEMS_SCRIPT = "_preview/problems.js";

/**
 * In preview, the build's problems are shown over every page: a script that draws them
 * (with textContent, so nothing in a message is read as markup). Rewritten after every
 * build, so a fixed file makes the panel go away on the next reload.
 */
export async function writeProblemsScript(outputDir: string, items: readonly Diagnostic[]): Promise<void> {
  const rows = items.map((d) => ({ severity: d.severity, where: d.file ? `${d.file}${d.line ? `:${d.line}` : ""}` : "", message: d.message }));
  const script = `(function (problems) {
  if (problems.length === 0) return;
  var panel = document.createElement("section");
  panel.className = "build-problems";
  panel.setAttribute("role", "alert");
  panel.setAttribute("aria-label", "Problems in this build");
  var title = document.createElement("h2");
  title.textContent = problems.length + (problems.length === 1 ? " problem" : " problems") + " in this build (fix and save: the page reloads)";
  var close = document.createElement("button");
  close.type = "button";
  close.textContent = "Hide";
  close.addEventListener("click", function () { panel.remove(); });
  var list = document.createElement("ul");
  problems.forEach(function (p) {
    var item = document.createElement("li");
    item.className = "build-problem-" + p.severity;
    var where = document.createElement("code");
    where.textContent = p.where;
    item.append(where, " " + p.severity + ": " + p.message);
    list.append(item);
  });
  panel.append(title, close, list);
  document.body.prepend(panel);
})(${JSON.stringify(rows)});
`;
  await mkdir(join(outputDir, "_preview"), { recursive: true });
  await writeFile(join(outputDir, PROBLEMS_SCRIPT), script);
}

export function diagnosticsPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  // The problems panel is drawn by a script as a page loads: after a save the page reloads
  // whole, rather than being patched in place (Eleventy's DOM diffing), so it is drawn again.
  if (build.serving) eleventyConfig.setServerOptions({ domDiff: false });
  eleventyConfig.on("eleventy.before", () => {
    build.diagnostics.clear();
    for (const notice of build.configNotices) build.diagnostics.warn(notice.file, notice.line, notice.message);
  });
  const report = async (): Promise<void> => {
    const items: Diagnostic[] = build.diagnostics.items;
    if (build.serving) {
      for (const d of items) console.error(formatDiagnostic(d));
      await writeProblemsScript(build.outputDir, items);
    }
    await eleventyConfig.emit(DIAGNOSTICS_EVENT, items);
  };
  eleventyConfig.on("eleventy.after", report);
  eleventyConfig.on(BUILD_FAILED_EVENT, report);
}
