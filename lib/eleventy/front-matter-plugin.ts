/** Eleventy plugin: front matter goes through our parser, which checks every key and reports problems with their line. */

import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parseFrontMatter, SOURCE_LINES } from "../content/front-matter.ts";
import type { BuildContext } from "./build-context.ts";
import { LAYOUT_NAMES } from "./layout-plugin.ts";

export function frontMatterPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      // Eleventy 3 passes the template's path as `filePath`.
      yaml: (text: string, options?: { filePath?: string }) => {
        const file = options?.filePath ? build.displayPath(resolve(options.filePath)) : undefined;
        const data = parseFrontMatter(text, (line, message) => build.diagnostics.error(file, line, message));
        // Courses name their theme's layouts; every page uses ours. An unknown name is worth a word.
        if (typeof data.layout === "string" && !LAYOUT_NAMES.includes(data.layout)) {
          const line = (data[SOURCE_LINES] as Record<string, number | undefined> | undefined)?.layout;
          build.diagnostics.warn(file, line, `layout "${data.layout}" is not one of ours (${LAYOUT_NAMES.join(", ")}); the page uses the course layout.`);
          data.layout = "default";
        }
        return data;
      },
    },
  });
}
