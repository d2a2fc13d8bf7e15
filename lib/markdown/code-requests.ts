/**
 * The code blocks of a Markdown file, found the way the renderer will find them (a
 * markdown-it parse with the same block extensions, so blocks nested in admonitions,
 * tabs or lists count), each with the key its highlighted HTML is cached under.
 */

import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import githubAlerts from "markdown-it-github-alerts";
import { frontMatterBlock } from "../content/front-matter-block.ts";
import { admonitions } from "./admonitions.ts";
import { takeMarkers } from "./code-annotations.ts";
import { highlightKey } from "./code-highlighter.ts";
import { contentTabs } from "./content-tabs.ts";
import { parseFenceInfo } from "./fence-info.ts";
import { markdownInHtmlBlocks } from "./markdown-in-html.ts";
import { includeSnippets } from "./snippets.ts";

export interface CodeRequest {
  readonly key: string;
  readonly code: string;
  readonly lang: string;
  readonly highlight: readonly number[];
  readonly lineNumbers?: number | undefined;
}

/** The code a fence shows: its content without the final newline, with `--8<--` includes expanded. */
export function fenceCode(content: string, courseDir: string, pageFile: string, snippetDirs: readonly string[] = []): string {
  return includeSnippets(content.replace(/\n$/, ""), courseDir, pageFile, snippetDirs).code;
}

let parser: MarkdownItInstance | undefined;

/**
 * The renderer's block structure without its inline parse: fences are blocks, and the
 * inline rules (emphasis, links, text) took two thirds of the parse, which every file's
 * blocks go through before a cold build can highlight them (0.7 → 0.2 s over 1,100 files).
 */
function blockParser(): MarkdownItInstance {
  const md = MarkdownIt({ html: true }).use(githubAlerts).use(admonitions).use(contentTabs).use(markdownInHtmlBlocks);
  md.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join"]);
  return md;
}

/** Every code block of a Markdown source, in order. */
export function codeRequests(markdown: string, courseDir: string, pageFile: string, snippetDirs: readonly string[] = []): CodeRequest[] {
  parser ??= blockParser();
  const body = markdown.slice(frontMatterBlock(markdown).length);
  const requests: CodeRequest[] = [];
  const tokens = parser.parse(body, {});
  for (const [index, token] of tokens.entries()) {
    if (token.type !== "fence") continue;
    const info = parseFenceInfo(token.info);
    let code = fenceCode(token.content, courseDir, pageFile, snippetDirs);
    // As the renderer does: an annotated block (followed by its list) loses its markers.
    if (tokens[index + 1]?.type === "ordered_list_open") code = takeMarkers(code).code;
    const highlight = [...info.highlight];
    requests.push({
      key: highlightKey(code, info.lang, { highlight, lineNumbers: info.lineNumbers }),
      code,
      lang: info.lang,
      highlight,
      lineNumbers: info.lineNumbers,
    });
  }
  return requests;
}
