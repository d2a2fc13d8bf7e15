/**
 * Problems found while building, collected rather than thrown so that one build
 * reports every mistake at once, each with the file and line to fix.
 */

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  /** Path of the source file, as the instructor would type it (relative to the working folder). */
  readonly file?: string | undefined;
  /** 1-based line in that file. */
  readonly line?: number | undefined;
  readonly message: string;
}

/** A per-build collection of diagnostics; cleared at the start of every build. */
export class Diagnostics {
  #items: Diagnostic[] = [];
  #seen = new Set<string>();

  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.severity}|${diagnostic.file}|${diagnostic.line}|${diagnostic.message}`;
    if (this.#seen.has(key)) return; // a page rendered twice (e.g. in serve mode) reports once
    this.#seen.add(key);
    this.#items.push(diagnostic);
  }

  error(file: string | undefined, line: number | undefined, message: string): void {
    this.add({ severity: "error", file, line, message });
  }

  warn(file: string | undefined, line: number | undefined, message: string): void {
    this.add({ severity: "warning", file, line, message });
  }

  clear(): void {
    this.#items = [];
    this.#seen.clear();
  }

  /** How many diagnostics there are so far; with `since`, what one step of the build added. */
  get count(): number {
    return this.#items.length;
  }

  /** The diagnostics added after there were `count`, in the order they came. */
  since(count: number): Diagnostic[] {
    return this.#items.slice(count);
  }

  /** Every diagnostic, sorted by file and line so output is stable across builds. */
  get items(): Diagnostic[] {
    return [...this.#items].sort(compareDiagnostics);
  }
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message);
}

/** One diagnostic as a terminal line: `file:line: error: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
  return `${where}${d.severity}: ${d.message}`;
}
