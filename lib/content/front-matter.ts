/**
 * Front matter: parsed and checked page by page. A problem is reported with its file
 * line and the faulty key is dropped, so the build goes on and lists every mistake
 * at once; the build then fails on them (unless it is not strict).
 */

import { load as loadYaml } from "js-yaml";
import { z } from "zod";
import { parseYaml, YamlSyntaxError } from "./yaml-source.ts";

const text = z.union([z.string(), z.number()], { error: "expected text" }).transform(String);
// YAML 1.1 (Jekyll's) also reads yes/no/on/off as booleans; courses written for it use them.
const flag = z.union([z.boolean(), z.enum(["yes", "no", "on", "off", "true", "false"]).transform((v) => v === "yes" || v === "on" || v === "true")], {
  error: "expected true or false",
});
const numeric = z.union(
  [
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ],
  {
    error: "expected a number such as 3 or 2.5",
  },
);

/** The keys we read, with their types; other keys pass through untouched. */
const KNOWN_KEYS = {
  title: text,
  description: text,
  nav_order: numeric,
  parent: text,
  grand_parent: text,
  ancestor: text,
  has_children: flag,
  nav_exclude: flag,
  search_exclude: flag,
  has_toc: flag,
  mathjax: flag,
  layout: z.string({ error: "expected the name of a layout" }),
  permalink: z.union([z.string(), z.literal(false)], { error: "expected a path such as /about/ (or false for no page)" }),
  child_nav_order: z.enum(["asc", "desc", "reversed"], { error: "expected asc or desc" }),
} satisfies Record<string, z.ZodType>;

export type FrontMatterReporter = (line: number | undefined, message: string) => void;

/** Eleventy treats `permalink` as its own; the page's written permalink is kept under this key and applied by our URL rule. */
export const SOURCE_PERMALINK = "source_permalink";

/** The line of each top-level `key:` (the text starts with the newline after `---`, so line N is file line N). */
export function topLevelKeyLines(yamlText: string): Record<string, number | undefined> {
  const lines: Record<string, number | undefined> = {};
  yamlText.split("\n").forEach((line, index) => {
    const key = /^(["']?)([^\s:#"'][^:#"']*?)\1\s*:(\s|$)/.exec(line)?.[2];
    if (key !== undefined && lines[key] === undefined) lines[key] = index + 1;
  });
  return lines;
}

/** Under this key, the file line of each front-matter key (for messages about its value found later). */
export const SOURCE_LINES = "source_lines";

/**
 * Parses and checks the YAML between a page's `---` lines, as gray-matter hands it over:
 * starting with the newline that ends the opening `---`, so its line N is file line N.
 */
export function parseFrontMatter(yamlText: string, report: FrontMatterReporter): Record<string, unknown> {
  let value: unknown;
  try {
    // js-yaml (Eleventy's own parser) is the fast path; positions come from a line scan.
    value = loadYaml(yamlText);
  } catch {
    // On an error, the slower parser that keeps positions says where it is.
    try {
      value = parseYaml(yamlText, 0).value;
    } catch (error) {
      if (!(error instanceof YamlSyntaxError)) throw error;
      report(
        error.line,
        `front matter is not valid YAML: ${error.message} (column ${error.column}). Check quotes and indentation; a value with a colon needs quotes.`,
      );
      return {};
    }
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    report(2, "front matter must be a list of `key: value` lines.");
    return {};
  }
  const data: Record<string, unknown> = {};
  const lines = topLevelKeyLines(yamlText);
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const schema = (KNOWN_KEYS as Record<string, z.ZodType>)[key];
    if (!schema) {
      data[key] = raw;
      continue;
    }
    const result = schema.safeParse(raw);
    if (result.success) data[key] = result.data;
    else report(lines[key], `\`${key}: ${JSON.stringify(raw)}\`: ${result.error.issues[0]?.message ?? "invalid value"}.`);
  }
  data[SOURCE_LINES] = lines;
  if ("permalink" in data) {
    data[SOURCE_PERMALINK] = data.permalink;
    delete data.permalink;
  }
  return data;
}
