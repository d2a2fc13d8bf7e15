/** The "On this page" table of contents, read from a page's rendered HTML. */

export interface TocEntry {
  readonly level: 2 | 3;
  readonly id: string;
  readonly text: string;
}

const HEADING = /<h([23])\b([^>]*)>([\s\S]*?)<\/h\1>/gi;

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The `##` and `###` headings that have an id and are not marked `no_toc`, in page order. */
export function extractToc(html: string): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const match of html.matchAll(HEADING)) {
    const attributes = match[2] ?? "";
    const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
    if (!id || /\bclass="[^"]*\bno_toc\b/.test(attributes)) continue;
    const text = decode((match[3] ?? "").replace(/<[^>]+>/g, ""))
      .replace(/\s+/g, " ")
      .trim();
    if (text) entries.push({ level: match[1] === "2" ? 2 : 3, id: decode(id), text });
  }
  return entries;
}
