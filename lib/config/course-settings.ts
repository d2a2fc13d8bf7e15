/**
 * Where a course's settings come from: our `course.yml`, or the configuration of the
 * theme it was written for (Just the Docs' `_config.yml`), read into the same settings.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { shownPath } from "../build/working-folder.ts";
import { parseYaml, YamlSyntaxError } from "../content/yaml-source.ts";
import { fromJekyllConfig } from "./jekyll-config.ts";
import { fromMkdocsConfig, type MkdocsProject } from "./mkdocs-config.ts";
import { CONFIG_FILE, ConfigError, type ConfigProblem, loadSiteConfig, type SiteConfig, validateSiteConfig } from "./site-config.ts";

/** The format of a course folder, which decides how its pages are read. */
export type CourseFormat = "coursesite" | "jekyll" | "mkdocs";

export interface CourseSettings {
  readonly config: SiteConfig;
  readonly format: CourseFormat;
  /** Things worth a warning (settings that have no effect here). */
  readonly notices: readonly ConfigProblem[];
  /** The folder holding the pages: the course folder, or an MkDocs project's docs_dir. */
  readonly contentDir: string;
  /** For an MkDocs project: its navigation, URL form and exclusions. */
  readonly mkdocs?: MkdocsProject | undefined;
}

export const JEKYLL_CONFIG = "_config.yml";
export const MKDOCS_CONFIG = "mkdocs.yml";

/** The mkdocs.yml that governs `inputDir`: in it, or in the folder above with `inputDir` as its docs_dir. */
function findMkdocs(inputDir: string): string | undefined {
  const here = join(inputDir, MKDOCS_CONFIG);
  if (existsSync(here)) return here;
  const above = join(dirname(inputDir), MKDOCS_CONFIG);
  if (!existsSync(above)) return undefined;
  const docsDir = /^docs_dir:\s*["']?([^"'\n#]+?)["']?\s*$/m.exec(readFileSync(above, "utf8"))?.[1] ?? "docs";
  return resolve(dirname(inputDir), docsDir) === resolve(inputDir) ? above : undefined;
}

/** Reads a YAML settings file, turning syntax errors into ConfigError. */
function readYaml(path: string): { raw: Record<string, unknown>; shown: string; lineOf: (p: readonly (string | number)[]) => number | undefined } {
  const shown = shownPath(path);
  try {
    const parsed = parseYaml(readFileSync(path, "utf8"));
    return { raw: (parsed.value ?? {}) as Record<string, unknown>, shown, lineOf: parsed.lineOf };
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new ConfigError([{ file: shown, line: error.line, message: `not valid YAML: ${error.message}` }]);
    throw error;
  }
}

/** Reads the settings of the course in `inputDir`. Throws ConfigError. */
export function loadCourseSettings(inputDir: string): CourseSettings {
  const mkdocs = existsSync(join(inputDir, CONFIG_FILE)) ? undefined : findMkdocs(inputDir);
  if (mkdocs) {
    const { raw, shown, lineOf } = readYaml(mkdocs);
    const { settings, project, notices, problems } = fromMkdocsConfig(raw, dirname(mkdocs), shown, lineOf);
    if (problems.length > 0) throw new ConfigError(problems);
    // Paths in mkdocs.yml (logo, favicon) are relative to the docs folder, as ours are to the course folder.
    return { config: validateSiteConfig(settings, shown, () => undefined), format: "mkdocs", notices, contentDir: project.docsDir, mkdocs: project };
  }
  if (existsSync(join(inputDir, CONFIG_FILE)) || !existsSync(join(inputDir, JEKYLL_CONFIG))) {
    return { config: loadSiteConfig(inputDir), format: "coursesite", notices: [], contentDir: inputDir };
  }
  const path = join(inputDir, JEKYLL_CONFIG);
  const shown = shownPath(path);
  try {
    const parsed = parseYaml(readFileSync(path, "utf8"));
    const raw = (parsed.value ?? {}) as Record<string, unknown>;
    const { settings, notices, problems } = fromJekyllConfig(raw, inputDir, shown, parsed.lineOf);
    if (problems.length > 0) throw new ConfigError(problems);
    return { config: validateSiteConfig(settings, shown, () => undefined), format: "jekyll", notices, contentDir: inputDir };
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new ConfigError([{ file: shown, line: error.line, message: `not valid YAML: ${error.message}` }]);
    throw error;
  }
}
