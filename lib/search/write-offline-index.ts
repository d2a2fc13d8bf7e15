/**
 * The offline search index of a built site, in its `search/` folder: read page by page
 * (in a worker, while pages render; see offline-index-worker.ts) and written at the end.
 */

import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from "node:worker_threads";
import { startWorker } from "../workers/start-worker.ts";
import { buildOfflineIndex, type IndexedPage, indexSection, offlineIndexFiles, type PackedCache, type TermPool } from "./offline-index.ts";
import { decodeEntities, indexedRegionStart, type PageSection, pageSections, SectionReader } from "./page-sections.ts";

export const OFFLINE_INDEX_FOLDER = "search";

/** A page as rendered: its site-relative URL and its HTML. */
export interface BuiltPage {
  readonly url: string;
  readonly html: string;
}

/** The title the page gives search (its navigation title), else its <title>. */
function searchTitle(html: string): string {
  return decodeEntities(/data-pagefind-meta="title:([^"]*)"/.exec(html)?.[1] ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
}

/** What the index keeps of a page (its terms numbered in `pool`), or undefined for a page that is not indexed. */
export function pageEntry(page: BuiltPage, pool: TermPool): IndexedPage | undefined {
  return entryOf(page.url, searchTitle(page.html), pageSections(page.html), pool);
}

function entryOf(url: string, title: string, sections: readonly PageSection[], pool: TermPool): IndexedPage | undefined {
  return sections.length === 0 ? undefined : { url, title, sections: sections.map((s) => indexSection(s, title, pool)) };
}

/** The element the layout gives `data-pagefind-body` (layouts/page.ts), whose inside is the page's Markdown. */
const REGION_TAG = "article";

/** A page's Markdown, as rendered, and what was read of it before the page was laid out. */
export interface EarlyRead {
  readonly content: string;
  readonly reader: SectionReader;
}

/** Reads a page's rendered Markdown as the inside of its indexed region, before the layout gives it one. */
export function readEarly(content: string): EarlyRead {
  const reader = SectionReader.inside(REGION_TAG);
  reader.read(content);
  return { content, reader };
}

/**
 * The entry of a page read early, once laid out: its indexed part is `open`, the Markdown,
 * and `tail`. When `open` is the region's plain opening tag the early read goes on with
 * `tail`; otherwise (another layout) the whole part is read again.
 */
export function laidOutEntry(url: string, open: string, early: EarlyRead, tail: string, pool: TermPool): IndexedPage | undefined {
  if (!SectionReader.opensAs(open, REGION_TAG)) return pageEntry({ url, html: `${open}${early.content}${tail}` }, pool);
  early.reader.read(tail);
  return entryOf(url, searchTitle(open), early.reader.end(), pool);
}

/** Writes the index of `pages` (in URL order, for reproducible files); returns the file count and the largest file in bytes. */
export async function writeIndexFiles(
  siteDir: string,
  pages: readonly IndexedPage[],
  pool: TermPool,
  packed?: PackedCache,
): Promise<{ files: number; largest: number }> {
  const sorted = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const files = offlineIndexFiles(buildOfflineIndex(sorted, pool), packed);
  const folder = join(siteDir, OFFLINE_INDEX_FOLDER);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await Promise.all([...files].map(([name, content]) => writeFile(join(folder, name), content)));
  return { files: files.size, largest: Math.max(0, ...[...files.values()].map((c) => Buffer.byteLength(c))) };
}

/** A page waiting to be sent to the worker: rendered by this build (its indexed part), or kept from the last. */
type Pending = { readonly url: string; readonly part: string } | { readonly url: string; readonly key: string | undefined; readonly read: () => string };

export interface OfflineIndexer {
  /**
   * Hands a rendered page over. Pages are kept back until one comes with `eager` (its
   * Markdown was rendered anew): in a build where none is, the pages are likely the same as
   * last time, the index is then reused, and sending them to the worker (0.8 s of the main
   * thread at 1,000 pages) would have been for nothing.
   */
  add(page: BuiltPage, eager: boolean): void;
  /**
   * Hands over a page's Markdown as soon as it renders anew (`url`: the page's site path).
   * Eleventy renders every page's Markdown before it lays out any: read only once laid out,
   * the pages reached the worker together at the end of the build and it read them after
   * that. Read here, beside the rendering, `add` then sends only what the layout put around it.
   */
  early(url: string, content: string): void;
  /**
   * Hands over a page kept from the last build (not rendered by this one): by `key` (see
   * `pageKey`) when the worker's memory holds it, else read from its file (`read`).
   */
  keep(url: string, key: string | undefined, read: () => string): void;
  /** The key of each page handed over so far, by URL. */
  keys(): ReadonlyMap<string, string>;
  /** Writes the index of every page handed over. */
  finish(siteDir: string): Promise<{ files: number; largest: number }>;
  abandon(): Promise<void>;
}

/** What the worker's memory knows a page by: a hash of its URL and indexed part. */
export function pageKey(url: string, part: string): string {
  return createHash("sha1").update(url).update("\0").update(part).digest("base64");
}

/**
 * The part of a page the index reads: its title and the indexed region. Sending only this,
 * as bytes whose buffer is handed over rather than copied, keeps the main thread free:
 * copying whole pages as strings cost more than reading them.
 */
export function indexedPart(html: string): string {
  const start = indexedRegionStart(html);
  if (start < 0) return "";
  const end = html.indexOf("</article>", start);
  return html.slice(start, end < 0 ? undefined : end + "</article>".length);
}

/**
 * An indexer running in a worker thread, fed page by page. With `memory`, what it reads is
 * kept in that file for the next build (see offline-index-worker.ts), under the code's version.
 */
export function startOfflineIndexer(memory?: { file: string; version: string }): OfflineIndexer {
  let worker: Worker | undefined;
  let failed: Promise<never> = new Promise(() => undefined);
  /** Pages not sent yet: none is, until one was rendered anew (see `add`). */
  let kept: Pending[] | undefined = [];
  const keys = new Map<string, string>();
  /** The pages the worker's memory holds (by `pageKey`): those are sent by key alone. */
  let known: ReadonlySet<string> | undefined;
  /** Resolves once the worker has said which pages it holds: until then pages are kept back. */
  let ready: Promise<void> = Promise.resolve();
  const encoder = new TextEncoder();
  /** The Markdown of pages handed over early, by URL, until they are laid out. */
  const earlyContent = new Map<string, string>();
  const post = (url: string, part: string): void => {
    const content = earlyContent.get(url);
    earlyContent.delete(url);
    // The key tells whether to send the page at all, and goes with it: the worker files the
    // page under it. (Hashing the part takes a tenth of the time of encoding it for the worker.)
    const key = pageKey(url, part);
    keys.set(url, key);
    if (known?.has(key)) {
      worker?.postMessage({ url, key });
      return;
    }
    const at = content ? part.indexOf(content) : -1;
    if (content && at > 0) {
      worker?.postMessage({ url, key, open: part.slice(0, at), tail: part.slice(at + content.length) });
      return;
    }
    const bytes = encoder.encode(part);
    worker?.postMessage({ url, key, bytes }, [bytes.buffer]);
  };
  const send = (page: Pending): void => {
    if ("part" in page) post(page.url, page.part);
    else if (page.key !== undefined && known?.has(page.key)) {
      keys.set(page.url, page.key);
      worker?.postMessage({ url: page.url, key: page.key });
    } else post(page.url, indexedPart(page.read()));
  };
  const sendKept = (): void => {
    for (const page of kept?.splice(0) ?? []) send(page);
    kept = undefined;
  };
  /** The port the worker tells on which pages it holds, until it has. */
  let knownFrom: MessagePort | undefined;
  let heard = (): void => undefined;
  const learn = (keys: readonly string[]): void => {
    if (known) return;
    known = new Set(keys);
    knownFrom?.close();
    knownFrom = undefined;
    sendKept();
    heard();
  };
  /** Takes the worker's answer, if it has come, without waiting for the event loop. */
  const poll = (): void => {
    const answer = knownFrom ? receiveMessageOnPort(knownFrom) : undefined;
    if (answer) learn((answer.message as { known: string[] }).known);
  };
  /**
   * The worker starts with the first page rendered anew (it then recalls the last build's
   * memory while the others render, and the pages wait until it says which it holds). Not
   * sooner: in a build where no page is, the index is reused, and a worker reading its
   * memory beside the build made it 0.5 s slower.
   */
  const started = (): void => {
    if (worker) return;
    // The worker says which pages it holds on a port of its own, which `add` polls: the
    // main thread renders without letting its event loop run, so a message to the worker
    // object waited until every page had rendered, and the worker read them all after that.
    const answers = new MessageChannel();
    const running = startWorker(
      new URL("./offline-index-worker.ts", import.meta.url).href,
      { memoryFile: memory?.file, version: memory?.version, answers: answers.port2 },
      [answers.port2],
    );
    worker = running;
    knownFrom = answers.port1;
    ready = new Promise((resolve) => (heard = resolve));
    answers.port1.once("message", (message: { known: string[] }) => learn(message.known));
    // (A worker ends by itself once it has written its memory, after its answer: stopping
    // then changes nothing. Stopped before, by `abandon`, it fails what waits for it.)
    failed = new Promise<never>((_, reject) => {
      running.once("error", reject);
      running.once("exit", () => reject(new Error("the worker stopped")));
    });
    failed.catch(() => undefined);
  };
  return {
    add(page, eager) {
      // (The part is a slice of the page, which Eleventy holds until the build ends anyway.)
      const part = indexedPart(page.html);
      if (eager) started();
      poll();
      if (kept) kept.push({ url: page.url, part });
      else post(page.url, part);
    },
    keep(url, key, read) {
      started();
      poll();
      if (kept) kept.push({ url, key, read });
      else send({ url, key, read });
    },
    keys: () => keys,
    early(url, content) {
      started();
      earlyContent.set(url, content);
      const bytes = encoder.encode(content);
      worker?.postMessage({ url, early: bytes }, [bytes.buffer]);
    },
    async finish(siteDir) {
      earlyContent.clear();
      started();
      await Promise.race([ready, failed]);
      const running = worker as Worker;
      type Reply = { done?: { files: number; largest: number }; error?: string };
      const reply = new Promise<Reply>((resolve) => {
        const answer = (message: Reply): void => {
          if (!message.done && !message.error) return;
          running.off("message", answer);
          resolve(message);
        };
        running.on("message", answer);
      });
      running.postMessage({ finish: siteDir });
      const result = await Promise.race([reply, failed]);
      if (result.error || !result.done) {
        await running.terminate();
        throw new Error(`the offline search index could not be written: ${result.error}`);
      }
      // (The worker ends by itself once it has written its memory for the next build.)
      return result.done;
    },
    async abandon() {
      kept = undefined;
      earlyContent.clear();
      knownFrom?.close();
      await worker?.terminate();
    },
  };
}
