/**
 * Eleventy's incremental build of one file in a fresh process (what its
 * `--incremental=file` does), for a one-page build (see lib/build/one-page-build.ts).
 *
 * Eleventy 3.1 asks each template, before the template has read its file, whether the
 * changed file is relevant to it, and that question needs what the reading sets up: the
 * build stops with "`templateRender` has not yet initialized". In watch mode the templates
 * are left from the first build and have read their files. The question is asked there
 * only to empty a template's caches, which a fresh process has not filled; so a template
 * that has not read its file yet answers no. Eleventy asks again once every template has,
 * and decides then which to render. This reaches into Eleventy's module (the version is
 * pinned by the lock file); when it is not where it was, every page is built.
 */

import { relative, sep } from "node:path";

interface TemplateContentPrototype {
  isFileRelevantToThisTemplate(this: { hasTemplateRender(): boolean }, file: string, metadata?: unknown): boolean;
  hasTemplateRender(): boolean;
}

let ready: Promise<boolean> | undefined;

/** Whether Eleventy can build one file in this process (patched once). */
export function oneFileBuilds(): Promise<boolean> {
  ready ??= (async () => {
    try {
      const module = (await import(new URL("./TemplateContent.js", import.meta.resolve("@11ty/eleventy")).href)) as {
        default?: { prototype?: Partial<TemplateContentPrototype> };
      };
      const proto = module.default?.prototype;
      const asked = proto?.isFileRelevantToThisTemplate;
      if (!proto || typeof asked !== "function" || typeof proto.hasTemplateRender !== "function") return false;
      proto.isFileRelevantToThisTemplate = function (this: { hasTemplateRender(): boolean }, file: string, metadata?: unknown): boolean {
        return this.hasTemplateRender() ? asked.call(this, file, metadata) : false;
      };
      return true;
    } catch {
      return false;
    }
  })();
  return ready;
}

/**
 * A file's path as Eleventy names templates: from the working folder, with "./" before a name
 * that does not start with "..". For its incremental build and its dependency graph alike.
 */
export function eleventyPath(file: string): string {
  const rel = relative(process.cwd(), file).split(sep).join("/");
  return rel.startsWith("../") ? rel : `./${rel}`;
}
