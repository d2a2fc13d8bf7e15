/**
 * Words for the offline search index. Shared by the build (indexing) and the browser
 * (querying), so both split and fold text the same way.
 */

/** Lower-cased words of a text, accents folded (é → e); runs of letters and digits, `_` and `.` kept inside words like `torch.nn`. */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:[._'-][\p{L}\p{N}]+)*/gu) ?? []
  ).flatMap((word) => (/[._'-]/.test(word) ? [word, ...word.split(/[._'-]/).filter(Boolean)] : [word]));
}
