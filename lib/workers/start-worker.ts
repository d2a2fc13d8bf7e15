/** Starts a worker thread running a TypeScript module (through tsx, which worker threads do not inherit). */

import { Worker } from "node:worker_threads";

const BOOT = new URL("./ts-worker.mjs", import.meta.url);

/** A worker running `moduleUrl` with `data` as its workerData (plus the module's own URL). */
export function startWorker(moduleUrl: string, data: Record<string, unknown>): Worker {
  return new Worker(BOOT, { workerData: { ...data, module: moduleUrl } });
}

/** Runs one job in a worker and resolves with the single message it posts. */
export function runInWorker<T>(moduleUrl: string, data: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(moduleUrl, data);
    worker.once("message", (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`worker ${moduleUrl} stopped with exit code ${code}`));
    });
  });
}
