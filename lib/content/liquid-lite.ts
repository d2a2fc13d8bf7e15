/**
 * The Liquid that courses written for Jekyll use in their Markdown, and nothing more:
 * `{% raw %}…{% endraw %}`, `{% link path.md %}`, `{{ site.baseurl }}` and `{% include file %}`
 * from `_includes/`. Any other tag is reported with its line, never left as text in the
 * page. Inside fenced code, tags and `{{ … }}` stay as written (GitHub Actions'
 * `${{ secrets.X }}` is not Liquid). Lines keep their numbers where the text allows.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface LiquidContext {
  /** The course's `_includes` folder. */
  readonly includesDir: string;
  /** Reports a problem at a 1-based line of the body. */
  report(line: number, message: string): void;
}

const TAG = /\{%-?\s*([a-z_]+)\s*(.*?)\s*-?%\}/g;
const BASEURL = /\{\{-?\s*site\.baseurl\s*-?\}\}/g;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** Expands the supported Liquid in a Markdown body; `depth` limits includes within includes. */
export function expandLiquid(body: string, context: LiquidContext, depth = 0): string {
  const lines = body.split("\n");
  const out: string[] = [];
  let fence: string | undefined;
  let raw = false;
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    const marker = FENCE.exec(line)?.[1];
    if (!raw && marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      out.push(line);
      continue;
    }
    if (fence) {
      out.push(line.replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, ""));
      continue;
    }
    let result = "";
    let last = 0;
    for (const match of line.matchAll(TAG)) {
      const [whole, name = "", args = ""] = match;
      const at = match.index ?? 0;
      const before = line.slice(last, at);
      result += raw ? before : before.replace(BASEURL, "");
      last = at + whole.length;
      if (name === "raw") raw = true;
      else if (name === "endraw") raw = false;
      else if (raw) result += whole;
      else if (name === "link") result += `/${args.replace(/^["']|["']$/g, "").replace(/^\/+/, "")}`;
      else if (name === "include") result += include(args, context, number, depth);
      else
        context.report(
          number,
          `the Liquid tag {% ${name} %} is not supported here. Wrap text that should stay as written in {% raw %}…{% endraw %}, or remove the tag.`,
        );
    }
    const rest = line.slice(last);
    out.push(result + (raw ? rest : rest.replace(BASEURL, "")));
  }
  return out.join("\n");
}

function include(args: string, context: LiquidContext, line: number, depth: number): string {
  const name = args.split(/\s+/)[0]?.replace(/^["']|["']$/g, "") ?? "";
  const file = join(context.includesDir, name);
  if (!name || !existsSync(file)) {
    context.report(line, `{% include ${name} %}: there is no _includes/${name}. Add the file, or remove the tag.`);
    return "";
  }
  if (depth > 5) {
    context.report(line, `{% include ${name} %}: includes nest too deep (an include that includes itself?).`);
    return "";
  }
  return expandLiquid(
    readFileSync(file, "utf8").replace(/\n$/, ""),
    { ...context, report: (l, m) => context.report(line, `in _includes/${name}:${l}: ${m}`) },
    depth + 1,
  );
}
