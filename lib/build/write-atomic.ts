/**
 * Writing a cache file that another build may be reading or writing at the same time:
 * the data goes to a file of this process's own beside it, which is then renamed over
 * the target, so a reader sees the old file or the new one, never half of one.
 */

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
