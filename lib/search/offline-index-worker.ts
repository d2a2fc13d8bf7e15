/**
 * Worker: builds the offline search index while pages render. The main thread posts
 * each page's indexed part as soon as it is rendered ({ url, bytes }); the worker reads its
 * sections at once, and on { finish: siteDir } writes the index and posts the summary.
 *
 * What it read is kept for the next build (`memoryFile`): each page's entry, by a hash of
 * its URL and indexed part, and each index file's compressed data. After one page's prose
 * changed, the other pages are not read again and most files are not compressed again; the
 * worker tells the main thread which pages it holds, which then sends those by key alone.
 * The memory is written after the summary is posted, so the build does not wait for it, and
 * only when more than a few pages were read anew.
 */

import { readFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { writeFileAtomic } from "../build/write-atomic.ts";
import { type IndexedPage, PackedCache, renumbered, TermPool } from "./offline-index.ts";
import { type EarlyRead, laidOutEntry, pageEntry, readEarly, writeIndexFiles } from "./write-offline-index.ts";

/**
 * A page: its rendered Markdown, sent early (`early`); then the page laid out, under its key
 * (see `pageKey`): only the key when the memory has it (see `known` below), or with its
 * indexed part (`bytes`), or with what the layout put around the Markdown sent early
 * (`open`, `tail`). Or the end.
 */
type Message =
  | { url: string; early: Uint8Array }
  | { url: string; key: string }
  | { url: string; key: string; bytes: Uint8Array }
  | { url: string; key: string; open: string; tail: string }
  | { finish: string };

/** What one build leaves for the next; `version` is the code's (other code reads pages its own way). */
interface Memory {
  readonly version: string;
  /** Page entry (null: not indexed) by hash of URL and indexed part. */
  readonly entries: Map<string, IndexedPage | null>;
  /** The entries' terms, by number. */
  readonly terms: string[];
  readonly packed: Map<string, string>;
}

interface IndexerOptions {
  readonly module: string;
  /** Where to say which pages the memory holds (see startOfflineIndexer). */
  readonly answers: MessagePort;
  readonly memoryFile?: string;
  readonly version?: string;
}

async function recall(file: string | undefined, version: string | undefined): Promise<Memory | undefined> {
  if (!file || !version) return undefined;
  try {
    const memory = deserialize(await readFile(file)) as Memory;
    return memory.version === version ? memory : undefined;
  } catch {
    return undefined; // none yet, or unreadable: every page is read
  }
}

/** Pages read anew (not known to the memory) from which on the memory is written again. */
const REWRITE_AFTER = 32;

const options = workerData as IndexerOptions | null;
if (parentPort && options?.module === import.meta.url) {
  const port = parentPort;
  const { memoryFile, version, answers } = options;
  const previous = recall(memoryFile, version);
  const pages = new Map<string, { key: string; entry: IndexedPage | null }>();
  /** Numbers the terms of pages read now after those of the remembered ones. */
  const terms = previous.then((memory) => new TermPool(memory?.terms));
  const decoder = new TextDecoder();
  let read = 0;
  /** Pages sent by a key the memory did not hold, or as read early when they were not (neither can happen). */
  const missing: string[] = [];
  // The main thread waits for this, then sends a page the memory holds by its key alone.
  void previous.then((memory) => {
    answers.postMessage({ known: [...(memory?.entries.keys() ?? [])] });
    answers.close();
  });

  /** Pages read early, by URL, until laid out. */
  const early = new Map<string, EarlyRead>();

  const handle = async (message: Message): Promise<void> => {
    const memory = await previous;
    const pool = await terms;
    if ("early" in message) {
      early.set(message.url, readEarly(decoder.decode(message.early)));
      return;
    }
    if ("key" in message) {
      const { url, key } = message;
      const earlier = early.get(url);
      early.delete(url);
      let entry = memory?.entries.get(key);
      if (entry === undefined) {
        if ("bytes" in message) entry = pageEntry({ url, html: decoder.decode(message.bytes) }, pool) ?? null;
        else if ("open" in message && earlier) entry = laidOutEntry(url, message.open, earlier, message.tail, pool) ?? null;
        else {
          missing.push(url);
          return;
        }
        read++;
      }
      pages.set(url, { key, entry });
      return;
    }
    const packed = new PackedCache(memory?.packed);
    try {
      if (missing.length > 0) throw new Error(`pages sent as known or read early that were not: ${missing.join(", ")}`);
      const indexed = [...pages.values()].flatMap((p) => (p.entry ? [p.entry] : []));
      port.postMessage({ done: await writeIndexFiles(message.finish, indexed, pool, packed) });
    } catch (error) {
      port.postMessage({ error: String((error as Error).stack ?? error) });
      return;
    }
    // A few pages read anew are not worth writing the whole memory again (27 MB at 1,000
    // pages, written while the build ends): the next build reads them again, as their keys
    // are not in it.
    if (memoryFile && version && read > 0 && (memory === undefined || read >= REWRITE_AFTER)) {
      const kept = [...pages.values()];
      const numbered = renumbered(
        kept.map((p) => p.entry),
        pool,
      );
      const entries = new Map(kept.map((p, i) => [p.key, numbered.pages[i] ?? null]));
      try {
        writeFileAtomic(memoryFile, serialize({ version, entries, terms: numbered.terms, packed: packed.used } satisfies Memory));
      } catch {
        // Not written (a full disk, say): the next build reads every page again.
      }
    }
    port.close();
  };

  // One message at a time, in order: the last page's entry is in before the index is written.
  let queue = Promise.resolve();
  port.on("message", (message: Message) => {
    queue = queue.then(() => handle(message));
  });
}
