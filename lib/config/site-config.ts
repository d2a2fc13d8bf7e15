/**
 * The course's settings: one small YAML file, `course.yml`, at the root of the course
 * folder. Every key is typed and checked; a misspelt key or a wrong value stops the
 * build with a message that names the key, the line and what is expected.
 */

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { shownPath } from "../build/working-folder.ts";
import { parseYaml, YamlSyntaxError } from "../content/yaml-source.ts";
import { closestMatch } from "../text/closest-match.ts";

export const CONFIG_FILE = "course.yml";

const httpUrl = z.url({ protocol: /^https?$/, error: "expected a web address starting with https://" });

/** Icons a link may show (drawn by the site; nothing is loaded from elsewhere). */
export const LINK_ICONS = ["github", "gitlab", "chat", "slack", "discord", "email", "website", "video", "book", "calendar"] as const;

const link = z.strictObject({
  text: z.string({ error: "expected the link's text" }).min(1),
  url: z.string({ error: "expected the link's address" }).min(1),
  icon: z.enum(LINK_ICONS, { error: `expected one of ${LINK_ICONS.join(", ")}` }).optional(),
  new_tab: z.boolean({ error: "expected true or false" }).default(false),
});

/** Front-matter values given to every page under a folder (Jekyll's `defaults`). */
const pageDefault = z.strictObject({
  path: z.string({ error: 'expected a folder of the course, or "" for all pages' }),
  values: z.record(z.string(), z.unknown(), { error: "expected front-matter keys and values" }),
});

const schema = z.strictObject({
  title: z.string({ error: "expected the course title as text" }).min(1).default("Course"),
  description: z.string({ error: "expected a one-sentence description as text" }).default(""),
  language: z
    .string({ error: 'expected a language tag such as "en"' })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'expected a language tag such as "en"')
    .default("en"),
  logo: z.string({ error: "expected the path of an image in the course folder" }).optional(),
  favicon: z.string({ error: "expected the path of an icon in the course folder" }).optional(),
  theme: z.enum(["auto", "light", "dark"], { error: "expected auto, light or dark" }).default("auto"),
  url: httpUrl.optional(),
  repository: z
    .strictObject({
      url: httpUrl,
      branch: z.string({ error: 'expected a branch name such as "main"' }).default("main"),
      path: z.string({ error: "expected the course folder's path inside the repository" }).optional(),
      edit_mode: z.enum(["edit", "view"], { error: "expected edit (open the editor) or view (show the file)" }).default("edit"),
    })
    .optional(),
  last_updated: z.boolean({ error: "expected true or false" }).default(true),
  page_defaults: z.array(pageDefault, { error: "expected a list of { path, values }" }).default([]),
  header_links: z.array(link, { error: "expected a list of { text, url, icon } links" }).default([]),
  footer_links: z.array(link, { error: "expected a list of { text, url, icon } links" }).default([]),
  footer: z.string({ error: "expected the footer text (Markdown links allowed)" }).default(""),
  mounts: z.record(z.string(), z.string(), { error: "expected a map of site folder: source folder" }).default({}),
  strict: z.boolean({ error: "expected true or false" }).default(true),
});

export type SiteConfig = z.infer<typeof schema>;

export interface ConfigProblem {
  readonly file: string;
  readonly line: number | undefined;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: error: ${p.message}`).join("\n"));
  }
}

/** Defaults for a course with no configuration file. */
export function defaultSiteConfig(): SiteConfig {
  return schema.parse({});
}

/** Validates parsed YAML as course settings; returns the settings or the list of problems. */
export function validateSiteConfig(value: unknown, file: string, lineOf: (path: readonly (string | number)[]) => number | undefined): SiteConfig {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const known = Object.keys(schema.shape);
  const problems = result.error.issues.flatMap((issue): ConfigProblem[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const where = path.join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const hint = path.length === 0 ? closestMatch(key, known) : undefined;
        return {
          file,
          line: lineOf([...path, key]),
          message: `\`${[...path, key].join(".")}\` is not a setting${hint ? `; did you mean \`${hint}\`?` : `. Known settings: ${path.length === 0 ? known.join(", ") : "see the README"}.`}`,
        };
      });
    }
    return [{ file, line: lineOf(path), message: `\`${where}\`: ${issue.message}` }];
  });
  throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

/** Reads `course.yml` from the course folder (defaults when there is none). Throws ConfigError. */
export function loadSiteConfig(inputDir: string): SiteConfig {
  const path = join(inputDir, CONFIG_FILE);
  if (!existsSync(path)) return defaultSiteConfig();
  const shown = shownPath(path);
  try {
    const parsed = parseYaml(readFileSync(path, "utf8"));
    const config = validateSiteConfig(parsed.value, shown, parsed.lineOf);
    const missing = Object.entries(config.mounts).filter(([, from]) => !existsSync(resolve(inputDir, from)));
    if (missing.length > 0) {
      throw new ConfigError(
        missing.map(([to, from]) => ({
          file: shown,
          line: parsed.lineOf(["mounts", to]),
          message: `\`mounts.${to}\`: the folder ${from} (from the course folder) does not exist. Fix the path or remove the mount.`,
        })),
      );
    }
    return config;
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new ConfigError([{ file: shown, line: error.line, message: `not valid YAML: ${error.message}` }]);
    throw error;
  }
}
