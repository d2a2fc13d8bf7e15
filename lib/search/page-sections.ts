/**
 * The searchable text of a built page, split into sections at its `##` and `###`
 * headings, read from the region Pagefind indexes (`data-pagefind-body`) and skipping
 * what Pagefind skips (`data-pagefind-ignore`), so both indexes see the same words.
 */

export interface PageSection {
  /** The heading's id ("" for the text before the first heading). */
  readonly anchor: string;
  /** The heading's text ("" before the first heading). */
  readonly title: string;
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** Decodes the entities a renderer writes (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const BLOCK = /^(p|div|li|ul|ol|pre|h[1-6]|tr|td|th|table|section|article|blockquote|dt|dd|details|summary|figure|figcaption|br)$/;

function isSkipped(tag: string, attributes: string): boolean {
  return tag === "script" || tag === "style" || tag === "button" || /\bdata-pagefind-ignore\b/.test(attributes) || /\bclass="katex"/.test(attributes);
}

/**
 * Where the element carrying `data-pagefind-body` starts (its `<`), or -1. A plain search
 * for the attribute, checked to be inside a tag: a regular expression that scans every tag
 * of the head and sidebar for it cost half a second over 1,000 pages.
 */
export function indexedRegionStart(html: string): number {
  for (let at = html.indexOf("data-pagefind-body"); at >= 0; at = html.indexOf("data-pagefind-body", at + 1)) {
    const open = html.lastIndexOf("<", at);
    const inTag = open >= 0 && html.lastIndexOf(">", at) < open && /^<[a-z]/i.test(html.slice(open, open + 2));
    if (inTag && /\s/.test(html[at - 1] ?? "") && /^[\s=/>]/.test(html[at + "data-pagefind-body".length] ?? "")) return open;
  }
  return -1;
}

/**
 * A copy of a string that was cut out of a longer one. V8 keeps a cut-out string as a view
 * of the whole, so a section's anchor held its page's HTML alive for as long as the offline
 * index was being built (38 MB at 1,000 pages).
 */
export function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/** The sections of the indexed region of a page, or [] when the page is not indexed. */
export function pageSections(html: string): PageSection[] {
  const start = indexedRegionStart(html);
  if (start < 0) return [];
  const reader = new SectionReader();
  reader.read(html.slice(start));
  return reader.end();
}

/**
 * Reads an indexed region into sections, in pieces cut between tags (or inside text): the
 * same sections as reading it whole. So the offline indexer can read a page's Markdown as
 * soon as it renders, and the layout's opening tag and end of the region once it is laid
 * out (see write-offline-index.ts).
 */
export class SectionReader {
  readonly #sections: PageSection[] = [];
  #current = { anchor: "", title: "", parts: [] as string[] };
  #heading: { anchor: string; parts: string[]; depth: number } | undefined;
  readonly #stack: string[] = [];
  #skipDepth = -1;
  /** The region's element has closed: what follows is not read. */
  #closed = false;

  #flush(): void {
    const current = this.#current;
    const text = current.parts.join("").replace(/\s+/g, " ").trim();
    if (text || current.title) this.#sections.push({ anchor: detached(current.anchor), title: detached(current.title), text: detached(text) });
  }

  #push(text: string): void {
    (this.#heading ? this.#heading.parts : this.#current.parts).push(text);
  }

  /** Reads the next piece, the first starting with the region's opening tag. */
  read(html: string): void {
    const stack = this.#stack;
    for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)|<!--[\s\S]*?-->/g)) {
      if (this.#closed) return;
      const [, closing, rawTag, attributes = "", text] = match;
      if (text !== undefined) {
        if (this.#skipDepth < 0) this.#push(decodeEntities(text));
        continue;
      }
      if (!rawTag) continue;
      const tag = rawTag.toLowerCase();
      if (closing) {
        // Pop to the matching open element (tolerates unclosed <p> and <li>).
        const at = stack.lastIndexOf(tag);
        if (at < 0) continue;
        stack.length = at;
        if (this.#skipDepth > at) this.#skipDepth = -1;
        if (this.#skipDepth >= 0 && stack.length <= this.#skipDepth) this.#skipDepth = -1;
        const heading = this.#heading;
        if (heading && stack.length <= heading.depth) {
          this.#flush();
          this.#current = { anchor: heading.anchor, title: heading.parts.join("").replace(/\s+/g, " ").trim(), parts: [] };
          this.#heading = undefined;
        }
        if (BLOCK.test(tag)) this.#push(" ");
        if (stack.length === 0) this.#closed = true; // the end of the indexed region
        continue;
      }
      if (VOID.has(tag) || attributes.endsWith("/")) {
        if (tag === "br") this.#current.parts.push(" ");
        continue;
      }
      if (this.#skipDepth < 0 && isSkipped(tag, attributes)) this.#skipDepth = stack.length;
      if (this.#skipDepth < 0 && (tag === "h2" || tag === "h3")) {
        const id = /\bid="([^"]*)"/.exec(attributes)?.[1];
        if (id) this.#heading = { anchor: decodeEntities(id), parts: [], depth: stack.length };
      }
      if (BLOCK.test(tag)) this.#push(" ");
      stack.push(tag);
    }
  }

  /** A reader that has read the opening tag `<tag>`: it can read the region's inside before its real opening tag is known. */
  static inside(tag: string): SectionReader {
    const reader = new SectionReader();
    reader.read(`<${tag}>`);
    return reader;
  }

  /**
   * Whether `open` (an opening tag, and white space) leaves a reader where `inside(tag)`
   * does (`tag` being the region's element, not a heading): the same element, opened and
   * not skipped. (Only white space told apart, which the start of a section's text drops.)
   */
  static opensAs(open: string, tag: string): boolean {
    const [, name = "", attributes = ""] = /^<([a-zA-Z][\w-]*)([^>]*)>\s*$/.exec(open) ?? [];
    return name.toLowerCase() === tag && !attributes.endsWith("/") && !isSkipped(tag, attributes);
  }

  /** The sections read (once: the reader is done with). */
  end(): PageSection[] {
    this.#flush();
    return this.#sections;
  }
}
