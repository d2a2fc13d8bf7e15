/** Phase timings (and this process's memory as each ends) for performance work: printed to stderr when COURSESITE_TIMING is set, otherwise free. */

const enabled = Boolean(process.env.COURSESITE_TIMING);
const start = performance.now();

function report(label: string, began: number): void {
  const end = performance.now();
  const { heapUsed } = process.memoryUsage();
  const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
  console.error(
    `[timing] ${label}: ${(end - began).toFixed(0)} ms (${(began - start).toFixed(0)}–${(end - start).toFixed(0)}), rss ${mb(process.memoryUsage.rss())} MB, heap ${mb(heapUsed)} MB`,
  );
}

/** Awaits `work`, printing how long it took and when it ended (ms since the process started). */
export async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  if (!enabled) return work();
  const began = performance.now();
  try {
    return await work();
  } finally {
    report(label, began);
  }
}

/** The same for synchronous work. */
export function timedSync<T>(label: string, work: () => T): T {
  if (!enabled) return work();
  const began = performance.now();
  try {
    return work();
  } finally {
    report(label, began);
  }
}

/** A note for the same reader (why a build went the way it did), when COURSESITE_TIMING is set. */
export function timingNote(note: string): void {
  if (enabled) console.error(`[timing] ${note}`);
}
