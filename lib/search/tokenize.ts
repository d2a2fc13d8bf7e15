/**
 * Words for the offline search index. Shared by the build (indexing) and the browser
 * (querying), so both split and fold text the same way.
 */

const WORD = /[\p{L}\p{N}]+(?:[._'-][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of a text, accents folded (é → e); runs of letters and digits, `_` and `.` kept inside words like `torch.nn`, which also count as their parts. */
export function tokenize(text: string): string[] {
  // Folding only does something beyond ASCII, and most course text is ASCII.
  const folded = /[\u0080-\uffff]/.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  const words: string[] = [];
  for (const word of folded.toLowerCase().match(WORD) ?? []) {
    words.push(word);
    if (/[._'-]/.test(word)) for (const part of word.split(/[._'-]/)) if (part) words.push(part);
  }
  return words;
}
