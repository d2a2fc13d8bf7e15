/**
 * Worker: builds the offline search index while pages render. The main thread posts
 * each page's indexed part as soon as it is rendered ({ url, bytes }); the worker reads its
 * sections at once, and on { finish: siteDir } writes the index and posts the summary.
 */

import { parentPort, workerData } from "node:worker_threads";
import { type IndexedPage, TermPool } from "./offline-index.ts";
import { pageEntry, writeIndexFiles } from "./write-offline-index.ts";

type Message = { url: string; bytes: Uint8Array } | { finish: string };

if (parentPort && (workerData as { module?: string } | null)?.module === import.meta.url) {
  const port = parentPort;
  const pages = new Map<string, IndexedPage>();
  const terms = new TermPool();
  const decoder = new TextDecoder();
  port.on("message", async (message: Message) => {
    if ("url" in message) {
      const entry = pageEntry({ url: message.url, html: decoder.decode(message.bytes) }, terms);
      if (entry) pages.set(entry.url, entry);
      else pages.delete(message.url);
      return;
    }
    try {
      port.postMessage({ done: await writeIndexFiles(message.finish, [...pages.values()]) });
    } catch (error) {
      port.postMessage({ error: String((error as Error).stack ?? error) });
    }
  });
}
