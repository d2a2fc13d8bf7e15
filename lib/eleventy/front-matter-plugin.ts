/** Eleventy plugin: front matter goes through our parser, which checks every key and reports problems with their line. */

import { resolve } from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { parseFrontMatter } from "../content/front-matter.ts";
import type { BuildContext } from "./build-context.ts";

export function frontMatterPlugin(eleventyConfig: UserConfig, build: BuildContext): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      // Eleventy 3 passes the template's path as `filePath`.
      yaml: (text: string, options?: { filePath?: string }) => {
        const file = options?.filePath ? build.displayPath(resolve(options.filePath)) : undefined;
        return parseFrontMatter(text, (line, message) => build.diagnostics.error(file, line, message));
      },
    },
  });
}
