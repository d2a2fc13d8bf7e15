/**
 * Escape-by-default HTML templating: every interpolated value is escaped unless it is
 * already `SafeHtml` (the output of `html` or an explicit `raw`). Layouts build their
 * markup only through `html`, so data from front matter or configuration can never
 * reach a page as markup by accident.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** The text with the five HTML-significant characters replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are kept, interpolations are escaped (arrays are joined, nullish and `false` vanish). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as Interpolation) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks markup produced by a trusted renderer (Markdown, Shiki) as safe to insert unescaped. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
