/**
 * A page's summary when its front matter gives no description: the first paragraph of
 * prose, as plain text, cut at a word near 160 characters (what search engines show).
 */

const LIMIT = 160;

/** Plain text of a line of Markdown: links keep their text, code and emphasis their words. */
function plain(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[\^[^\]]*\]/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\{:?[^}]*\}/g, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\$+[^$]*\$+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first paragraph of prose in a Markdown body (no front matter), or undefined. */
export function summaryOf(markdown: string): string | undefined {
  let fence: string | undefined;
  let paragraph: string[] = [];
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      fence = fence ? undefined : marker;
      paragraph = [];
      continue;
    }
    if (fence) continue;
    const trimmed = line.trim();
    const isProse =
      trimmed !== "" && !/^(#|>|<|!!!|\?\?\?|===|\||[-*+] |\d+[.)] |\{:|\[\^|\*\[|:{1,3} |!\[|---|\$\$|--8<--)/.test(trimmed) && !/^\s{4}/.test(line);
    if (isProse) paragraph.push(trimmed);
    else if (paragraph.length > 0) break;
  }
  const text = plain(paragraph.join(" "));
  if (!text) return undefined;
  if (text.length <= LIMIT) return text;
  const cut = text.slice(0, LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 80)).replace(/[,;:.]$/, "")}…`;
}
