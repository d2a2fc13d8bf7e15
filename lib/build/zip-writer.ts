/**
 * A minimal ZIP writer on Node's own zlib, and the archive is always the same for the same
 * files: sorted entries, one fixed date, UTF-8 names, no extra fields. Files are read and
 * compressed synchronously, one after another, in slices between which the event loop
 * runs. Compressing in libuv's thread pool instead (a zlib stream per file, four at a
 * time) spent 2.5 s of CPU on a 1,000-page site's 2,700 files against 1.3 s, on a machine
 * whose two cores Pagefind keeps busy meanwhile. (fflate, tried first, took three times as long.)
 */

import { crc32, deflateRawSync } from "node:zlib";

export interface ZipInput {
  /** Path inside the archive, with `/` separators. */
  readonly name: string;
  /** The file's bytes, or how to read them: read when their turn comes, so few files are in memory at once. */
  readonly data: Uint8Array | (() => Uint8Array);
  /** Store without compressing (for files that are compressed already). */
  readonly store?: boolean;
  /** An earlier archive's entry known to hold the same bytes, found without reading them. */
  readonly reuse?: (() => StoredEntry | undefined) | undefined;
}

/** 2000-01-01 00:00 in MS-DOS form: a build never depends on the clock. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;

/** How long the writer works before letting the event loop run (a Pagefind run may be waiting to start). */
const SLICE_MS = 10;

/**
 * Files read, compressed and written out together: the archive goes out in pieces of about
 * this many files, instead of every file of the site being held in memory until the end.
 */
const FILES_PER_PIECE = 64;

/** An entry ready to be written: its name in UTF-8 and its stored form. */
interface Entry extends StoredEntry {
  readonly name: Buffer;
}

/**
 * The fields the local header and the central directory record of an entry share, from
 * "version needed" to the name's length (they sit at offset 4 in the one, 6 in the other).
 */
function writeEntryFields(header: Buffer, at: number, e: Entry): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(e.method, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(e.crc, at + 10);
  header.writeUInt32LE(e.body.length, at + 14);
  header.writeUInt32LE(e.size, at + 18);
  header.writeUInt16LE(e.name.length, at + 22);
}

/** Where an archive goes, piece by piece, in order. */
export type ZipSink = (piece: Uint8Array) => Promise<unknown> | undefined;

/** An entry as stored in an archive: how it is compressed, and its bytes so. */
export interface StoredEntry {
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly body: Uint8Array;
}

/**
 * Stored entries that may be taken over as they are: given a file's name and bytes, an
 * entry holding exactly those bytes, or undefined. (Compressing is most of the work of
 * writing an archive; after a small change most files are the same as last time.)
 */
export type PreviousEntries = (name: string, data: Uint8Array) => StoredEntry | undefined;

/** The entries of a ZIP archive written by `writeZip` (or any without ZIP64 or encryption), by name. */
export function readZipEntries(zip: Uint8Array): Map<string, StoredEntry> {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = new Map<string, StoredEntry>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return entries;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const bodyStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    entries.set(bytes.toString("utf8", at + 46, at + 46 + nameLength), {
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      size: bytes.readUInt32LE(at + 24),
      body: bytes.subarray(bodyStart, bodyStart + compressedSize),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** A file's entry: taken over from `previous` or `file.reuse`, or read and compressed now. */
function entryOf(file: ZipInput, level: number, previous?: PreviousEntries): Entry {
  const name = Buffer.from(file.name, "utf8");
  const early = file.reuse?.();
  if (early) return { name, ...early };
  const data = typeof file.data === "function" ? file.data() : file.data;
  const kept = previous?.(file.name, data);
  if (kept) return { name, ...kept };
  const compressed = file.store ? undefined : deflateRawSync(data, { level });
  const useStore = !compressed || compressed.length >= data.length;
  return { name, crc: crc32(data), size: data.length, method: useStore ? 0 : 8, body: useStore ? data : (compressed as Buffer) };
}

/**
 * Writes a ZIP archive holding `files` (in the order given) to `sink`; returns its size in
 * bytes. Entries that `previous` has for the same bytes are copied, not compressed again.
 */
export async function writeZip(files: readonly ZipInput[], sink: ZipSink, level = 6, previous?: PreviousEntries): Promise<number> {
  const central: Buffer[] = [];
  let offset = 0;
  let sliceStart = performance.now();
  for (let first = 0; first < files.length; first += FILES_PER_PIECE) {
    const piece: Uint8Array[] = [];
    for (const file of files.slice(first, first + FILES_PER_PIECE)) {
      const e = entryOf(file, level, previous);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      writeEntryFields(local, 4, e);
      piece.push(local, e.name, e.body);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      writeEntryFields(header, 6, e);
      header.writeUInt32LE(offset, 42);
      central.push(header, e.name);
      offset += local.length + e.name.length + e.body.length;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise(setImmediate);
        sliceStart = performance.now();
      }
    }
    await sink(Buffer.concat(piece));
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  await sink(Buffer.concat([...central, end]));
  return offset + centralSize + end.length;
}

/** The bytes of a ZIP archive holding `files` in the order given. */
export async function zipFiles(files: readonly ZipInput[], level = 6): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  await writeZip(files, (piece) => void pieces.push(piece), level);
  return Buffer.concat(pieces);
}
