import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

/** Where the build cache lives, in the working directory (git-ignored, safe to delete). */
export const CACHE_DIR = ".patrika-cache";

/**
 * Writes one record of the build (`name` in .patrika-cache/) as JSON, whole or not at all: a temporary renamed into
 * place, so a killed build leaves the old record or the new one, and the next build never reads half of one.
 */
export async function writeCacheRecord(root: string, name: string, value: unknown): Promise<void> {
  await writeCacheFile(root, name, JSON.stringify(value));
}

/** writeCacheRecord for a record that is not JSON: the same bytes, whole or not at all. */
export async function writeCacheFile(root: string, name: string, bytes: string | Uint8Array): Promise<void> {
  const path = join(root, CACHE_DIR, name);
  await mkdir(join(root, CACHE_DIR), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}
/** The journal, in UTF-16LE (see BuildCache); the UTF-8 one earlier versions wrote is removed when it is rewritten. */
const CACHE_FILE = "articles.journal";
const FORMER_FILE = "articles.jsonl";
/** The journal's stamp when this tool last wrote or checked all of it (see BuildCache.open). */
const CHECKED_FILE = "articles.journal.checked";

/** A file's identity and its last write: equal, the file holds the bytes it held then (ctime cannot be set back). */
type JournalStamp = [ino: number, size: number, mtimeMs: number, ctimeMs: number];
const journalStamp = (info: Stats): JournalStamp => [info.ino, info.size, info.mtimeMs, info.ctimeMs];
const sameStamp = (a: JournalStamp | undefined, b: JournalStamp | undefined) => a !== undefined && b !== undefined && a.every((v, i) => v === b[i]);

/** What a file looked like when it was read: a change to any of these means it is read again. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * The stamp as stored, with the file's git blob id (sha1 of "blob <size>\0<bytes>"): a fresh clone changes every
 * mtime, not the contents, and git's index names the same id without the file being read. `head` is the sha1 of
 * the bytes before the body (load/read.ts): an edit that keeps it changed only the body (build/delta.ts).
 */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number, sha1: string, head: string];
/** One line of the journal: a file's stamp and value, its new stamp alone (same bytes), or null when it is gone. */
type Line = [file: string, entry: [Stamp, unknown] | [Stamp] | null];

/**
 * A per-file cache kept as a journal of checksummed blocks: one build's changes are appended as one block (a single
 * edited article costs one short append, not a rewrite of 100,000 entries), and the file is rewritten whole when
 * stale lines outnumber live ones. It is trusted only whole: a wrong key (tool version, config, folder), a block
 * whose checksum fails or a block cut short by a crash discards all of it.
 *
 * Layout: a header line `{"key": ...}`, then blocks of lines `<JSON>,`, each block closed by `#<sha256 of its lines>`,
 * all in UTF-16LE: decoding it cost an edited build at 100,000 articles 0.05 s against 0.37 s from UTF-8 (every build
 * that reads the cache pays it), for a file half as large again (200 MB against 132 MB).
 */
export class BuildCache<T> {
  private readonly entries = new Map<string, [Stamp, T]>();
  private readonly pending = new Map<string, Line[1]>();
  /** Lines in the file (live or stale); -1 when the file must be rewritten whole. */
  private lines = -1;
  /** The journal's stamp when it was loaded whole (every block's checksum held, or held when it was recorded). */
  private loaded: JournalStamp | undefined;
  /** Whether the record of the checked journal names it as loaded (else the next build checks it again). */
  private checked = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
  ) {}

  /**
   * Opens the cache in `root`/.patrika-cache for `key`; a missing, foreign or damaged cache starts empty. The blocks'
   * checksums are not computed again when the journal is exactly as this tool last wrote or checked it (same inode,
   * size, mtime and ctime): at 100,000 articles hashing its 160 MB was a tenth of an edited build. Every block must
   * still be closed and every line parse, which is what a crash leaves wrong (a block cut short, a tail of zeros).
   */
  static async open<T>(root: string, key: string): Promise<BuildCache<T>> {
    const cache = new BuildCache<T>(join(root, CACHE_DIR, CACHE_FILE), key);
    const file = await open(cache.path, "r").catch(() => undefined);
    if (!file) return cache;
    try {
      const found = journalStamp(await file.stat());
      cache.checked = sameStamp(found, await cache.checkedStamp());
      await cache.load(file, !cache.checked);
      if (cache.lines >= 0) cache.loaded = found;
    } catch {
      cache.entries.clear(); // unreadable: start over rather than trust any of it
      cache.lines = -1;
    } finally {
      await file.close();
    }
    return cache;
  }

  /** The recorded stamp of the checked journal; none when the record is missing or damaged (then every block is checked). */
  private async checkedStamp(): Promise<JournalStamp | undefined> {
    try {
      const stamp = JSON.parse(await readFile(join(this.path, "..", CHECKED_FILE), "utf8")) as unknown;
      return Array.isArray(stamp) && stamp.length === 4 && stamp.every((v) => typeof v === "number") ? (stamp as JournalStamp) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Records the journal's stamp now, when every byte of it was written or checked by this tool (`unless`: not if
   * the file is no longer the one loaded, another build having appended since; `size`: not unless it is this long).
   */
  private async recordChecked(unless?: JournalStamp, size?: number): Promise<void> {
    const stamp = journalStamp(await stat(this.path));
    if ((unless && !sameStamp(stamp, unless)) || (size !== undefined && stamp[1] !== size)) return;
    await writeCacheRecord(join(this.path, "..", ".."), CHECKED_FILE, stamp);
    this.loaded = stamp;
    this.checked = true;
  }

  /**
   * Reads the journal a slice of whole lines at a time, hashing each block's lines as read (when `verify`) and
   * applying them before its checksum is seen: a checksum that fails, or a block cut short, throws, and open() then
   * discards everything. Read whole, a 100,000-article file was one 200 MB buffer and, decoded, a string as large again.
   */
  private async load(file: FileHandle, verify: boolean): Promise<void> {
    let block = createHash("sha256");
    let blockOpen = false;
    let lines = 0;
    let header = true;
    for await (const { bytes, text } of wholeLines(file)) {
      let at = 0;
      if (header) {
        at = text.indexOf("\n") + 1;
        if ((JSON.parse(text.slice(0, at - 1)) as { key?: string }).key !== this.key) return;
        header = false;
      }
      while (at < text.length) {
        const trailer = text[at] === "#" ? at : text.indexOf("\n#", at) + 1 || text.length;
        if (trailer > at) {
          // Each line ends ",\n" (no line holds a raw newline), so a slice of whole lines is a JSON array's elements.
          if (verify) block.update(bytes.subarray(2 * at, 2 * trailer));
          lines += this.apply(JSON.parse(`[${text.slice(at, trailer - 2)}]`) as Line[]);
          blockOpen = true;
        }
        if (trailer === text.length) break;
        const end = text.indexOf("\n", trailer);
        const sum = text.slice(trailer + 1, end);
        if (verify ? sum !== block.digest("hex") : !/^[0-9a-f]{64}$/.test(sum)) throw new Error("a block whose checksum fails");
        block = createHash("sha256");
        blockOpen = false;
        at = end + 1;
      }
    }
    if (header || blockOpen) throw new Error("a block without its checksum (cut short)");
    this.lines = lines;
  }

  /** Applies a slice of journal lines in order; returns how many there were. */
  private apply(lines: readonly Line[]): number {
    for (const [file, entry] of lines) {
      if (!entry) this.entries.delete(file);
      else if (entry.length === 2) this.entries.set(file, entry as [Stamp, T]);
      else if (this.entries.has(file)) this.entries.get(file)![0] = entry[0];
      else throw new Error("a new stamp for a file the cache does not hold");
    }
    return lines.length;
  }

  /** The value cached for a file, if the file is unchanged since (same size, modification and change times). */
  get(file: string, stamp: FileStamp): T | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry[0][0] !== stamp.size || entry[0][1] !== stamp.mtimeMs || entry[0][2] !== stamp.ctimeMs) return undefined;
    return entry[1];
  }

  /**
   * The blob id recorded for a file whose stamp changed but whose size did not: if its bytes still have this id
   * (a fresh checkout touches every file and changes none; git's index may vouch for it), `restamp` keeps its value.
   */
  sha1Of(file: string, size: number): string | undefined {
    const entry = this.entries.get(file);
    return entry && entry[0][0] === size ? entry[0][3] : undefined;
  }

  /** The size and git blob id of the bytes a file's entry was made from, for a fingerprint of contents. */
  contentOf(file: string): [size: number, id: string] | undefined {
    const entry = this.entries.get(file);
    return entry && [entry[0][0], entry[0][3]];
  }

  /** The git blob id of the bytes a file's entry was made from. */
  blobOf(file: string): string | undefined {
    return this.entries.get(file)?.[0][3];
  }

  /** The value of a file whose bytes are unchanged, under its new stamp (journalled as a short line, not the entry). */
  restamp(file: string, stamp: FileStamp): T | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    entry[0] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, entry[0][3], entry[0][4]];
    const queued = this.pending.get(file);
    if (!queued || queued.length === 1) this.pending.set(file, [entry[0]]);
    return entry[1];
  }

  /** The sha1 of the head (the bytes before the body) a file's entry was made from; "" when it was not recorded. */
  headOf(file: string): string | undefined {
    return this.entries.get(file)?.[0][4];
  }

  /** Records a file's value (it must survive JSON) under its stamp, the sha1 of its bytes and of its head. */
  set(file: string, stamp: FileStamp, sha1: string, value: T, head = ""): void {
    const entry: [Stamp, T] = [[stamp.size, stamp.mtimeMs, stamp.ctimeMs, sha1, head], value];
    this.entries.set(file, entry);
    this.pending.set(file, entry);
  }

  /** Forgets a file (gone, or no longer cacheable). */
  delete(file: string): void {
    if (this.entries.delete(file)) this.pending.set(file, null);
  }

  /** Forgets files that are gone, so the cache does not grow forever. */
  keepOnly(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.entries.keys()) if (!keep.has(file)) this.delete(file);
  }

  /**
   * Appends new stamps for files the journal holds (same value, new bytes: build/delta.ts), without loading it:
   * false, and nothing written, when the journal is missing or is another key's. The checked record moves with it
   * when the journal was exactly as checked before.
   */
  static async appendStamps(root: string, key: string, stamps: readonly [file: string, stamp: Stamp][]): Promise<boolean> {
    const path = join(root, CACHE_DIR, CACHE_FILE);
    const file = await open(path, "a+").catch(() => undefined); // read the key, then append
    if (!file) return false;
    const cache = new BuildCache<unknown>(path, key);
    let ours: number | undefined;
    try {
      const head = Buffer.alloc(2 * (JSON.stringify({ key }).length + 1));
      await file.read(head, 0, head.length, 0);
      if (head.toString("utf16le") !== `${JSON.stringify({ key })}\n`) return false;
      const before = journalStamp(await file.stat());
      const checked = sameStamp(before, await cache.checkedStamp());
      const written = await writeBlock(file, new Map(stamps.map(([name, stamp]) => [name, [stamp]])));
      if (checked) ours = before[1] + written;
    } finally {
      await file.close();
    }
    if (ours !== undefined) await cache.recordChecked(undefined, ours);
    return true;
  }

  /** Appends this build's changes as one block, or rewrites the file when it is new, foreign or mostly stale. */
  async save(): Promise<void> {
    if (this.pending.size === 0 && this.lines >= 0) {
      if (!this.checked && this.loaded) await this.recordChecked(this.loaded); // checked in full this time: not next time
      return;
    }
    await mkdir(join(this.path, ".."), { recursive: true });
    const rewrite = this.lines < 0 || this.lines + this.pending.size > 2 * this.entries.size + 1000;
    if (!rewrite) {
      const file = await open(this.path, "a");
      let ours: number | undefined;
      try {
        // Still the journal this build loaded whole (no other build appended since), and afterwards exactly as long
        // as this build made it (no other build's lines between its chunks): then all of it is known good.
        const before = journalStamp(await file.stat());
        const written = await writeBlock(file, this.pending as ReadonlyMap<string, unknown>);
        if (sameStamp(before, this.loaded)) ours = before[1] + written;
      } finally {
        await file.close();
      }
      this.lines += this.pending.size;
      if (ours !== undefined) await this.recordChecked(undefined, ours);
    } else {
      const temporary = `${this.path}.${process.pid}.tmp`;
      const file = await open(temporary, "w");
      try {
        await file.write(utf16(`${JSON.stringify({ key: this.key })}\n`));
        await writeBlock(file, this.entries);
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
      await rm(join(this.path, "..", FORMER_FILE), { force: true });
      this.lines = this.entries.size;
      await this.recordChecked();
    }
    this.pending.clear();
  }
}

/** Lines written per write: the whole cache as one string took ~500 MB more memory at 100,000 articles. */
const CHUNK_LINES = 2000;

/** Writes entries as one block, in chunks, hashing as it goes, then the block's checksum line; returns the bytes written. */
async function writeBlock(file: FileHandle, entries: ReadonlyMap<string, unknown>): Promise<number> {
  const hash = createHash("sha256");
  let chunk = "";
  let count = 0;
  let written = 0;
  for (const line of entries) {
    chunk += `${JSON.stringify(line)},\n`;
    if (++count % CHUNK_LINES === 0) {
      const bytes = utf16(chunk);
      hash.update(bytes);
      written += (await file.write(bytes)).bytesWritten;
      chunk = "";
    }
  }
  const bytes = utf16(chunk);
  hash.update(bytes);
  return written + (await file.write(Buffer.concat([bytes, utf16(`#${hash.digest("hex")}\n`)]))).bytesWritten;
}

const utf16 = (text: string) => Buffer.from(text, "utf16le");

/** Bytes read at a time (then cut at the last line's end): ~1M characters decoded and parsed at once. */
const READ_BYTES = 1 << 21;

/**
 * The file as slices of whole lines: each slice's bytes and its text. A newline is searched for as a UTF-16 code
 * unit (Buffer's "utf16le" search steps two bytes at a time), never as bytes that could straddle two characters.
 */
export async function* wholeLines(file: FileHandle, readBytes = READ_BYTES): AsyncGenerator<{ bytes: Buffer; text: string }> {
  let carry = Buffer.alloc(0);
  for (;;) {
    const read = Buffer.allocUnsafe(carry.length + readBytes);
    carry.copy(read);
    const { bytesRead } = await file.read(read, carry.length, readBytes, null);
    if (bytesRead === 0) {
      if (carry.length > 0) throw new Error("a line cut short");
      return;
    }
    const bytes = read.subarray(0, carry.length + bytesRead);
    const last = bytes.lastIndexOf("\n", bytes.length - 2, "utf16le");
    if (last < 0) {
      carry = bytes; // no line ends in this read yet
      continue;
    }
    const whole = bytes.subarray(0, last + 2);
    yield { bytes: whole, text: whole.toString("utf16le") };
    carry = Buffer.from(bytes.subarray(last + 2));
  }
}
