/**
 * Where a course's settings come from: our `course.yml`, or the configuration of the
 * theme it was written for (Just the Docs' `_config.yml`), read into the same settings.
 */

import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseYaml, YamlSyntaxError } from "../content/yaml-source.ts";
import { fromJekyllConfig } from "./jekyll-config.ts";
import { CONFIG_FILE, ConfigError, type ConfigProblem, loadSiteConfig, type SiteConfig, validateSiteConfig } from "./site-config.ts";

/** The format of a course folder, which decides how its pages are read. */
export type CourseFormat = "coursesite" | "jekyll";

export interface CourseSettings {
  readonly config: SiteConfig;
  readonly format: CourseFormat;
  /** Things worth a warning (settings that have no effect here). */
  readonly notices: readonly ConfigProblem[];
}

export const JEKYLL_CONFIG = "_config.yml";

/** Reads the settings of the course in `inputDir`. Throws ConfigError. */
export function loadCourseSettings(inputDir: string): CourseSettings {
  if (existsSync(join(inputDir, CONFIG_FILE)) || !existsSync(join(inputDir, JEKYLL_CONFIG))) {
    return { config: loadSiteConfig(inputDir), format: "coursesite", notices: [] };
  }
  const path = join(inputDir, JEKYLL_CONFIG);
  const shown = relative(process.cwd(), path) || path;
  try {
    const parsed = parseYaml(readFileSync(path, "utf8"));
    const raw = (parsed.value ?? {}) as Record<string, unknown>;
    const { settings, notices, problems } = fromJekyllConfig(raw, inputDir, shown, parsed.lineOf);
    if (problems.length > 0) throw new ConfigError(problems);
    return { config: validateSiteConfig(settings, shown, () => undefined), format: "jekyll", notices };
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new ConfigError([{ file: shown, line: error.line, message: `not valid YAML: ${error.message}` }]);
    throw error;
  }
}
