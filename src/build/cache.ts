import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, writeFile, type FileHandle } from "node:fs/promises";
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
const CACHE_FILE = "articles.jsonl";

/** What a file looked like when it was read: a change to any of these means it is read again. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * The stamp as stored, with the file's git blob id (sha1 of "blob <size>\0<bytes>"): a fresh clone changes every
 * mtime, not the contents, and git's index names the same id without the file being read.
 */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, sha1: string];
/** One line of the journal: a file's stamp and value, its new stamp alone (same bytes), or null when it is gone. */
type Line = [file: string, entry: [Stamp, unknown] | [Stamp] | null];

/**
 * A per-file cache kept as a journal of checksummed blocks: one build's changes are appended as one block (a single
 * edited article costs one short append, not a rewrite of 100,000 entries), and the file is rewritten whole when
 * stale lines outnumber live ones. It is trusted only whole: a wrong key (tool version, config, folder), a block
 * whose checksum fails or a block cut short by a crash discards all of it.
 *
 * Layout: a header line `{"key": ...}`, then blocks of lines `<JSON>,`, each block closed by `#<sha256 of its lines>`.
 */
export class BuildCache<T> {
  private readonly entries = new Map<string, [Stamp, T]>();
  private readonly pending = new Map<string, Line[1]>();
  /** Lines in the file (live or stale); -1 when the file must be rewritten whole. */
  private lines = -1;

  private constructor(
    private readonly path: string,
    private readonly key: string,
  ) {}

  /** Opens the cache in `root`/.patrika-cache for `key`; a missing, foreign or damaged cache starts empty. */
  static async open<T>(root: string, key: string): Promise<BuildCache<T>> {
    const cache = new BuildCache<T>(join(root, CACHE_DIR, CACHE_FILE), key);
    const bytes = await readFile(cache.path).catch(() => undefined);
    try {
      if (bytes) cache.load(bytes);
    } catch {
      cache.entries.clear(); // unreadable: start over rather than trust any of it
      cache.lines = -1;
    }
    return cache;
  }

  /**
   * Checksums are verified on the bytes as read, then each block is decoded and parsed a slice of lines at a time:
   * decoding a 100,000-article block whole made one string of twice its size (Bengali decodes to two bytes a
   * character), and the array brackets around it a second: ~360 MB at its peak for a 130 MB file.
   */
  private load(bytes: Buffer): void {
    const newline = bytes.indexOf(NEWLINE);
    if (newline < 0 || (JSON.parse(bytes.toString("utf8", 0, newline)) as { key?: string }).key !== this.key) return;
    let lines = 0;
    let start = newline + 1;
    while (start < bytes.length) {
      const trailer = bytes.indexOf("\n#", start - 1);
      if (trailer < 0) throw new Error("a block without its checksum (cut short)");
      const end = bytes.indexOf(NEWLINE, trailer + 1);
      const checksum = bytes.toString("latin1", trailer + 2, end < 0 ? bytes.length : end);
      if (checksum !== sha256(bytes.subarray(start, trailer + 1))) throw new Error("a block whose checksum fails");
      // Each line ends ",\n" (no line holds a raw newline), so a slice of whole lines is a JSON array's elements.
      for (let from = start; from < trailer; ) {
        const to = Math.min(bytes.indexOf(NEWLINE, from + SLICE_BYTES) + 1 || trailer + 1, trailer + 1);
        lines += this.apply(JSON.parse(`[${bytes.toString("utf8", from, to - 2)}]`) as Line[]);
        from = to;
      }
      start = end < 0 ? bytes.length : end + 1;
    }
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
    entry[0] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, entry[0][3]];
    const queued = this.pending.get(file);
    if (!queued || queued.length === 1) this.pending.set(file, [entry[0]]);
    return entry[1];
  }

  /** Records a file's value (it must survive JSON) under its stamp and the sha1 of its bytes. */
  set(file: string, stamp: FileStamp, sha1: string, value: T): void {
    const entry: [Stamp, T] = [[stamp.size, stamp.mtimeMs, stamp.ctimeMs, sha1], value];
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

  /** Appends this build's changes as one block, or rewrites the file when it is new, foreign or mostly stale. */
  async save(): Promise<void> {
    if (this.pending.size === 0 && this.lines >= 0) return;
    await mkdir(join(this.path, ".."), { recursive: true });
    const rewrite = this.lines < 0 || this.lines + this.pending.size > 2 * this.entries.size + 1000;
    if (!rewrite) {
      const file = await open(this.path, "a");
      try {
        await writeBlock(file, this.pending as ReadonlyMap<string, unknown>);
      } finally {
        await file.close();
      }
      this.lines += this.pending.size;
    } else {
      const temporary = `${this.path}.${process.pid}.tmp`;
      const file = await open(temporary, "w");
      try {
        await file.write(`${JSON.stringify({ key: this.key })}\n`);
        await writeBlock(file, this.entries);
      } finally {
        await file.close();
      }
      await rename(temporary, this.path);
      this.lines = this.entries.size;
    }
    this.pending.clear();
  }
}

/** Lines written per write: the whole cache as one string took ~500 MB more memory at 100,000 articles. */
const CHUNK_LINES = 2000;

/** Writes entries as one block, in chunks, hashing as it goes, then the block's checksum line. */
async function writeBlock(file: FileHandle, entries: ReadonlyMap<string, unknown>): Promise<void> {
  const hash = createHash("sha256");
  let chunk = "";
  let count = 0;
  for (const line of entries) {
    chunk += `${JSON.stringify(line)},\n`;
    if (++count % CHUNK_LINES === 0) {
      hash.update(chunk);
      await file.write(chunk);
      chunk = "";
    }
  }
  hash.update(chunk);
  await file.write(`${chunk}#${hash.digest("hex")}\n`);
}

/** sha256 of UTF-8 text or of bytes (the same for the same content). */
function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const NEWLINE = 0x0a;
/** How much of a block is decoded and parsed at once (then cut at the next line's end). */
const SLICE_BYTES = 1 << 20;
